"""What counts as a change between two sends of one incident (notification_format.changed_fields)."""
import pytest

from frontdoor.triage.imports import notifications_import_file
from frontdoor.triage.models import NotificationAmendment
from frontdoor.triage.notification_format import changed_fields
from tests.triage.records import jsonl, record


@pytest.mark.parametrize("written", ["2025-03-01T22:15:00+00:00", "2025-03-01T23:15:00+01:00",
                                     "2025-03-01T17:15:00-05:00", "2025-03-01T22:15:00.000Z"])
def test_the_same_instant_written_another_way_is_no_change(written):
    assert changed_fields(record("A1"), record("A1", occurred_at=written)) == []


def test_another_instant_is_a_change_whatever_the_offset():
    assert changed_fields(record("A1"), record("A1", occurred_at="2025-03-01T22:15:00+01:00")) == ["occurred_at"]


def test_text_that_is_not_a_date_time_is_compared_as_written():
    assert changed_fields(record("A1", location="Flat 2T"), record("A1", location="Flat 2t")) == ["location"]


@pytest.mark.django_db
def test_a_resend_with_only_the_offset_rewritten_is_a_duplicate_not_an_amendment():
    notifications_import_file(text=jsonl(record("A1")), file_format="jsonl", source="test file")
    again = notifications_import_file(text=jsonl(record("A1", occurred_at="2025-03-01T22:15:00+00:00",
                                                        reported_at="2025-03-01T23:40:00+01:00")),
                                      file_format="jsonl", source="test file")
    assert [row.status for row in again.rows] == ["duplicate"]
    assert not NotificationAmendment.objects.exists()
