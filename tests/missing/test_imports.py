import json

import pytest

from frontdoor.missing.imports import missing_reports_import_file, missing_reports_import_records
from frontdoor.missing.models import MissingEpisode, QuarantinedReport
from frontdoor.missing.report_format import CSV_COLUMNS, validate
from frontdoor.people.models import Person
from frontdoor.triage.notification_format import FileUnreadable
from tests import factories
from tests.missing.reports import report

pytestmark = pytest.mark.django_db


def _jsonl(*records) -> str:
    return "\n".join(json.dumps(r) for r in records)


def _csv(*records) -> str:
    lines = [",".join(CSV_COLUMNS)] + [",".join(r.get(c, "") for c in CSV_COLUMNS) for r in records]
    return "\n".join(lines)


def test_a_report_resolves_to_the_child_already_in_the_index():
    ruby = factories.person(date_of_birth=__import__("datetime").date(2012, 3, 14))
    result = missing_reports_import_file(text=_jsonl(report()), file_format="jsonl", source="daily.jsonl")
    assert result.batch.stored == 1
    assert MissingEpisode.objects.get().child == ruby


def test_an_unknown_child_becomes_a_new_person():
    missing_reports_import_file(text=_csv(report(child_given_name="Ava", child_family_name="Stone")),
                                file_format="csv", source="daily.csv")
    assert Person.objects.get(given_name="Ava").kind == Person.Kind.CHILD


def test_a_bad_row_is_quarantined_with_its_reason_and_the_good_row_is_stored():
    bad = report(police_reference="MP-2", missing_from="last Tuesday")
    result = missing_reports_import_file(text=_jsonl(report(), bad), file_format="jsonl", source="f")
    assert (result.batch.stored, result.batch.quarantined) == (1, 1)
    row = QuarantinedReport.objects.get()
    assert row.raw["missing_from"] == "last Tuesday"
    assert row.errors[0]["field"] == "missing_from"


def test_a_line_that_is_not_json_is_quarantined_not_dropped():
    result = missing_reports_import_file(text="not json at all", file_format="jsonl", source="f")
    assert result.batch.quarantined == 1
    assert "missing-person report" in QuarantinedReport.objects.get().errors[0]["message"]


def test_importing_the_same_file_again_changes_nothing():
    text = _jsonl(report(), report(police_reference="MP-3", missing_from="nonsense"))
    missing_reports_import_file(text=text, file_format="jsonl", source="f")
    again = missing_reports_import_file(text=text, file_format="jsonl", source="f")
    assert (again.batch.stored, again.batch.duplicates, again.batch.quarantined) == (0, 2, 0)
    assert MissingEpisode.objects.count() == 1 and QuarantinedReport.objects.count() == 1


def test_a_resend_with_the_return_updates_the_episode_and_keeps_what_it_leaves_out():
    missing_reports_import_records(records=[(1, report(circumstances="Left after an argument"))], source="API")
    result = missing_reports_import_records(records=[(1, report(returned_at="2026-12-01T10:00:00+00:00",
                                                                where_found="A friend's flat"))], source="API")
    episode = MissingEpisode.objects.get()
    assert result.rows[0].status == "updated" and episode.version == 2
    assert episode.where_found == "A friend's flat" and episode.circumstances == "Left after an argument"


def test_a_wrong_csv_header_refuses_the_file():
    with pytest.raises(FileUnreadable):
        missing_reports_import_file(text="force,colour\nx,y", file_format="csv", source="f")


def test_validate_refuses_an_adult_and_a_return_before_going_missing():
    fields = {e["field"] for e in validate(report(child_dob="2000-01-01", returned_at="2026-11-29T10:00:00+00:00"))}
    assert fields == {"child_dob", "returned_at"}
