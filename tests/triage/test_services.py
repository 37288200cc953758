import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontdoor.agencies.models import Agency, Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.messaging.models import OutboxMessage
from frontdoor.triage.errors import NotificationConflict, NotificationInvalid
from frontdoor.triage.imports import notifications_import_file
from frontdoor.triage.models import GradeDecision, PoliceNotification, SchoolNotification
from frontdoor.triage.services import notification_grade
from tests import factories
from tests.triage.records import jsonl, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def notification():
    Agency.objects.create(kind=Agency.Kind.SCHOOL, name="St Mary's Primary", urn="116789", email="dsl@stmarys.example")
    notifications_import_file(text=jsonl(record()), file_format="jsonl", source="test")
    return PoliceNotification.objects.get()


@pytest.fixture
def isco():
    return factories.user(role=Membership.Role.ISCO)


def test_confirming_the_suggestion_needs_no_rationale_and_keeps_the_suggestion(notification, isco):
    decision = notification_grade(user=isco, notification=notification, grade="high", rationale="", version=1)
    notification.refresh_from_db()
    assert notification.grade == "high" and notification.status == "graded" and notification.version == 2
    assert (decision.suggested_grade, decision.tool_id, decision.tool_version, decision.is_override) == ("high", "evoda", "1", False)
    assert not OutboxMessage.objects.exists()  # medium and high wait for the triage meeting
    assert AccessLogEntry.objects.filter(action="update", target_id=str(notification.pk)).exists()


def test_overriding_needs_a_rationale(notification, isco):
    with pytest.raises(NotificationInvalid, match="Enter why you are changing the suggested grade"):
        notification_grade(user=isco, notification=notification, grade="standard", rationale=" ", version=1)
    assert not GradeDecision.objects.exists()


def test_standard_is_recorded_and_the_school_told(notification, isco):
    decision = notification_grade(user=isco, notification=notification, grade="standard",
                                  rationale="Children were upstairs asleep; police say no one saw it.", version=1)
    assert decision.is_override and decision.rationale.startswith("Children were upstairs")
    message = OutboxMessage.objects.get()
    assert message.to_address == "dsl@stmarys.example" and "Grade: Standard" in message.body


def test_second_grader_gets_a_conflict_and_nothing_is_overwritten(notification, isco):
    other = factories.user(role=Membership.Role.PRACTITIONER)
    notification_grade(user=isco, notification=notification, grade="high", rationale="", version=1)
    with pytest.raises(NotificationConflict, match="Someone else graded this notification"):
        notification_grade(user=other, notification=notification, grade="medium", rationale="Less serious", version=1)
    notification.refresh_from_db()
    assert notification.grade == "high" and GradeDecision.objects.count() == 1


def test_the_graded_notification_is_updated_in_place(notification, isco):
    notification_grade(user=isco, notification=notification, grade="medium", rationale="Less serious", version=1)
    assert (notification.grade, notification.status, notification.version) == ("medium", "graded", 2)
    notification_grade(user=isco, notification=notification, grade="high", rationale="", version=2)
    assert (notification.grade, notification.version) == ("high", 3)


def test_a_conflicting_standard_grade_tells_no_school(notification, isco):
    notification_grade(user=isco, notification=notification, grade="high", rationale="", version=1)
    with pytest.raises(NotificationConflict):
        notification_grade(user=isco, notification=notification, grade="standard", rationale="Less serious", version=1)
    assert not SchoolNotification.objects.exists() and not OutboxMessage.objects.exists()
    assert GradeDecision.objects.count() == 1


def _household(reference: str, children: int) -> PoliceNotification:
    """A notification whose children go to different schools; the first school has no safeguarding inbox,
    so its notification goes to each of its DSLs."""
    kids = []
    for n in range(children):
        urn = f"{reference[-3:]}{n:03d}"
        school = Agency.objects.create(kind=Agency.Kind.SCHOOL, name=f"School {urn}", urn=urn,
                                       email="" if n == 0 else f"dsl@{urn}.example")
        if n == 0:
            factories.user(agency_=school)
            factories.user(agency_=school)
        kids.append({**record()["children"][0], "given_name": f"Child{n}", "school_urn": urn, "school_name": school.name})
    notifications_import_file(text=jsonl(record(reference, children=kids)), file_format="jsonl", source=reference)
    return PoliceNotification.objects.get(police_reference=reference)


def _statements_to_grade_standard(notification: PoliceNotification, isco) -> int:
    with CaptureQueriesContext(connection) as queries:
        notification_grade(user=isco, notification=notification, grade="standard", rationale="Less serious",
                           version=notification.version)
    return len(queries)


def test_grading_standard_costs_the_same_statements_for_one_child_or_four_at_different_schools(isco):
    one, four = _household("WMP-2025-000101", 1), _household("WMP-2025-000102", 4)
    assert _statements_to_grade_standard(one, isco) == _statements_to_grade_standard(four, isco)
    told = SchoolNotification.objects.filter(notification=four).select_related("outbox_message")
    assert told.count() == 4 and all(sn.outbox_message for sn in told)
    assert OutboxMessage.objects.filter(about_id__in=[str(sn.pk) for sn in told]).count() == 5  # two DSLs, three inboxes
