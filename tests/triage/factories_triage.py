"""Police notifications made directly (not through the importer), for the meeting, school and MARAC tests."""
from datetime import date, datetime, timedelta

from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.people.models import Person
from frontdoor.triage.models import (
    Grade,
    NotificationChild,
    PoliceNotification,
    Relationship,
)
from frontdoor.triage.schools import school_notifications_send
from tests import factories

NARRATIVE = "Informant said DP pushed her after he had been drinking; her mother came round."


def _finding(factor_id: str, evidence: str) -> dict:
    start = NARRATIVE.index(evidence)
    return {"id": factor_id, "source": "narrative", "evidence": evidence, "start": start, "end": start + len(evidence)}


SUGGESTION = {
    "suggested_grade": "medium",
    "indicators": [_finding("intimidation", "pushed her")],
    "risk_factors": [_finding("rf_substance_misuse", "had been drinking")],
    "protective_factors": [_finding("pf_family_support", "her mother")],
    "explanation": ["A targeted indicator suggests medium."],
}


def police_notification(*, reference=None, received_at=None, occurred_at=None, suggested_grade=Grade.MEDIUM,
                        grade="", relationship=Relationship.PARTNER, victim=None, perpetrator=None,
                        **fields) -> PoliceNotification:
    received_at = received_at or timezone.now() - timedelta(hours=12)
    notification = PoliceNotification.objects.create(
        force="West Mercia Police",
        police_reference=reference or f"WMP-{PoliceNotification.objects.count() + 1:05d}",
        occurred_at=occurred_at or received_at - timedelta(hours=2),
        reported_at=received_at - timedelta(hours=1),
        location="14 Linden Road, Fictionton",
        relationship=relationship,
        victim=victim,
        perpetrator=perpetrator,
        dash_level=Grade.MEDIUM,
        narrative=NARRATIVE,
        payload=fields.pop("payload", {}),
        tool_id="evoda",
        tool_version="1",
        suggested_grade=suggested_grade,
        suggestion={**SUGGESTION, "suggested_grade": suggested_grade},
        grade=grade,
        **fields,
    )
    # received_at is stamped on insert; tests place notifications either side of the cut-off.
    PoliceNotification.objects.filter(pk=notification.pk).update(received_at=received_at)
    notification.refresh_from_db()
    return notification


def school(name="Oakfield Primary", urn=None, email="safeguarding@school.example") -> Agency:
    agency = factories.agency(kind=Agency.Kind.SCHOOL, name=name, urn=urn or f"{100000 + Agency.objects.count()}")
    Agency.objects.filter(pk=agency.pk).update(email=email)
    agency.refresh_from_db()
    return agency


def child(notification, *, school_=None, given_name="Ruby", family_name="Hartley", present=True,
          person=None) -> NotificationChild:
    return NotificationChild.objects.create(
        notification=notification, given_name=given_name, family_name=family_name, date_of_birth=date(2016, 5, 2),
        sex="female", school=school_, present=present, person=person,
    )


def young_person(given_name: str, born: date) -> Person:
    return Person.objects.create(kind=Person.Kind.CHILD, given_name=given_name, family_name="Dale",
                                 date_of_birth=born)


def adult(given_name="Dawn", family_name="Hartley") -> Person:
    return Person.objects.create(kind=Person.Kind.ADULT, given_name=given_name, family_name=family_name,
                                 date_of_birth=date(1990, 1, 1))


def school_notification(*, school_, grade=Grade.STANDARD, received_at=None, reference=None, given_name="Ruby"):
    """A graded notification told to a school through the real ISCO service."""
    notification = police_notification(reference=reference, received_at=received_at, grade=grade,
                                       suggested_grade=grade)
    child(notification, school_=school_, given_name=given_name)
    return school_notifications_send(notification=notification)[0]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))
