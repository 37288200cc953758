"""The retention schedule: a dry run reports, a deleting run deletes, legal holds and dependants keep."""
from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.cli import main
from frontdoor.governance.models import LegalHold, RetentionRun
from frontdoor.governance.retention import retention_apply
from frontdoor.intake.models import ContactChild
from frontdoor.triage.models import PoliceNotification, QuarantinedRow, TriageMeeting
from tests import factories
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db
EIGHT_YEARS_AGO = timezone.now() - timedelta(days=8 * 366)


def _result(results, record):
    return next(r for r in results if r.record == record)


def test_a_dry_run_reports_what_is_due_and_deletes_nothing():
    old = TriageMeeting.objects.create(date=EIGHT_YEARS_AGO.date(), agenda_cutoff=EIGHT_YEARS_AGO)
    TriageMeeting.objects.create(date=timezone.now().date(), agenda_cutoff=timezone.now())
    results = retention_apply(delete=False)
    assert _result(results, "triage.triagemeeting").due == [str(old.pk)]
    assert TriageMeeting.objects.count() == 2
    assert RetentionRun.objects.get().deleting is False


def test_a_deleting_run_deletes_what_is_due_and_records_it():
    old = triage.police_notification(received_at=EIGHT_YEARS_AGO)
    recent = triage.police_notification()
    results = retention_apply(delete=True)
    assert _result(results, "triage.policenotification").deleted == [str(old.pk)]
    assert list(PoliceNotification.objects.values_list("pk", flat=True)) == [recent.pk]
    summary = RetentionRun.objects.get().summary
    assert {"record": "triage.policenotification", "due": 1, "deleted": [str(old.pk)], "kept": {}} in summary


def test_a_legal_hold_keeps_everything_naming_the_person():
    ruby = factories.person()
    old = triage.police_notification(received_at=EIGHT_YEARS_AGO)
    triage.child(old, person=ruby)
    LegalHold.objects.create(person=ruby, reason="Child safeguarding practice review")
    result = _result(retention_apply(delete=True), "triage.policenotification")
    assert result.kept == {str(old.pk): "A legal hold is in force on someone it names"}
    assert PoliceNotification.objects.filter(pk=old.pk).exists()


def test_a_record_still_needed_is_kept_with_the_reason():
    from frontdoor.casework.models import Episode

    contact = factories.contact()
    type(contact).objects.filter(pk=contact.pk).update(received_at=EIGHT_YEARS_AGO)
    Episode.objects.create(contact_child=ContactChild.objects.get(contact=contact), referral_date=EIGHT_YEARS_AGO.date(),
                           source="2A")
    result = _result(retention_apply(delete=True), "intake.contact")
    assert "Still needed by" in result.kept[str(contact.pk)]
    assert type(contact).objects.filter(pk=contact.pk).exists()


def test_the_command_line_reports_by_rule(capsys):
    QuarantinedRow.objects.filter(pk__in=[]).delete()
    main(["retention"])
    out = capsys.readouterr().out
    assert "triage.triagemeeting: kept 7 years. 0 past it, nothing deleted (dry run; --delete deletes)" in out
