"""Writes of the reporting app: a statutory return's file, numbered."""
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from frontdoor.governance.services import access_log_record_many
from frontdoor.reporting.cin_census import CensusReturn, census_header, cin_census_build
from frontdoor.reporting.cin_xml import census_xml
from frontdoor.reporting.models import CinCensusExport


@dataclass(frozen=True)
class CensusFile:
    xml: bytes
    census: CensusReturn
    export: CinCensusExport


@transaction.atomic
def cin_census_export(*, user, reference_date: date) -> CensusFile:
    """The CIN census file for the year ending `reference_date`, its SerialNo one more than the last
    file's (the number is unique: of two written at the same moment, the second fails rather than
    share it). Every child in it is logged as read by `user` (None: the command line)."""
    census = cin_census_build(reference_date=reference_date, today=timezone.localdate())
    serial_no = (CinCensusExport.objects.aggregate(last=Max("serial_no"))["last"] or 0) + 1
    export = CinCensusExport.objects.create(serial_no=serial_no, reference_date=reference_date, created_by=user,
                                            children=len(census.children), problems=len(census.problems))
    header = census_header(reference_date=reference_date, serial_no=serial_no,
                           created_at=timezone.localtime().replace(tzinfo=None))
    access_log_record_many(user=user, targets=list(census.people.values()),
                           reason=f"Exported in the CIN census file {serial_no:03d}")
    return CensusFile(xml=census_xml(header, census.children), census=census, export=export)
