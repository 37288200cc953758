from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.reporting.selectors import domestic_abuse_figures, override_direction
from frontdoor.triage.models import Grade, SchoolNotification
from frontdoor.triage.services import notification_grade
from tests import factories
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db


@pytest.fixture
def isco():
    return factories.user(role=Membership.Role.ISCO)


def _graded(isco, *, suggested, grade, received_at=None):
    # Received now, not the factory's twelve hours ago: on a Monday morning that is last week.
    notification = triage.police_notification(suggested_grade=suggested, received_at=received_at or timezone.now())
    notification_grade(user=isco, notification=notification, grade=grade,
                       rationale="" if grade == suggested else "Children present and a threat to kill",
                       version=notification.version)
    return notification


@pytest.mark.parametrize(("suggested", "grade", "direction"), [
    ("medium", "high", "raised"), ("high", "standard", "lowered"), ("medium", "medium", None), ("", "high", None)])
def test_an_override_is_a_decision_that_differs_from_the_suggestion(suggested, grade, direction):
    assert override_direction(suggested, grade) == direction


def test_this_weeks_notifications_are_counted_by_suggested_and_decided_grade_with_overrides(isco):
    _graded(isco, suggested=Grade.MEDIUM, grade=Grade.HIGH)
    _graded(isco, suggested=Grade.HIGH, grade=Grade.MEDIUM)
    _graded(isco, suggested=Grade.MEDIUM, grade=Grade.MEDIUM)
    triage.police_notification(suggested_grade=Grade.STANDARD, received_at=timezone.now())  # not graded yet
    figures = domestic_abuse_figures(user=isco)
    this_week = figures.weeks[0]
    assert this_week.starts == timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    assert this_week.received == 4
    assert dict(this_week.suggested) == {"medium": 2, "high": 1, "standard": 1}
    assert dict(this_week.graded) == {"high": 1, "medium": 2}
    assert (this_week.decisions, this_week.raised, this_week.lowered) == (3, 1, 1)
    assert this_week.override_rate == pytest.approx(2 / 3)
    assert figures.overrides == [("evoda", "1", "high", "medium", 1), ("evoda", "1", "medium", "high", 1)]


def test_twelve_weeks_newest_first_each_following_the_notifications_received_that_week(isco):
    _graded(isco, suggested=Grade.MEDIUM, grade=Grade.HIGH, received_at=timezone.now() - timedelta(weeks=3))
    triage.police_notification(received_at=timezone.now() - timedelta(weeks=20))
    figures = domestic_abuse_figures(user=isco)
    assert len(figures.weeks) == 12
    assert [week.starts for week in figures.weeks] == sorted((week.starts for week in figures.weeks), reverse=True)
    assert sum(week.received for week in figures.weeks) == 1
    three_weeks_ago = figures.weeks[3]
    assert (three_weeks_ago.received, three_weeks_ago.decisions, three_weeks_ago.raised) == (1, 1, 1)
    assert figures.weeks[0].decisions == 0 and figures.weeks[0].override_rate is None


def test_schools_told_are_counted_by_whether_they_acknowledged_before_the_next_school_day(isco):
    school = triage.school()
    told = [triage.school_notification(school_=school, given_name=name, received_at=timezone.now())
            for name in ("Amy", "Ben", "Cal", "Dee")]
    on_time, late, overdue, challenged = told
    SchoolNotification.objects.filter(pk=on_time.pk).update(acknowledged_at=on_time.deadline - timedelta(hours=1))
    SchoolNotification.objects.filter(pk=late.pk).update(acknowledged_at=late.deadline + timedelta(hours=1))
    SchoolNotification.objects.filter(pk=overdue.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    SchoolNotification.objects.filter(pk=challenged.pk).update(
        status=SchoolNotification.Status.CHALLENGED, acknowledged_at=challenged.deadline - timedelta(hours=2))
    week = domestic_abuse_figures(user=isco).weeks[0]
    assert (week.schools_told, week.acknowledged_on_time, week.acknowledged_late, week.overdue, week.challenged) == (
        4, 2, 1, 1, 1)
    assert week.on_time_rate == 0.5


def test_only_front_door_staff_and_the_isco_see_the_figures():
    for role in (Membership.Role.REFERRER, Membership.Role.TRIAGE_MEMBER, Membership.Role.ADMINISTRATOR):
        with pytest.raises(Http404):
            domestic_abuse_figures(user=factories.user(role=role))
    assert domestic_abuse_figures(user=factories.user(role=Membership.Role.MANAGER)).weeks
