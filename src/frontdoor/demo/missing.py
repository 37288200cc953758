"""A handful of missing episodes, arriving as the police's daily report would (docs/missing-reports.md).

Older children from the demo index go missing: one three times in the last two months (a repeat
missing child, with a risk management plan and its actions), one still missing, one back with the
interview overdue (escalated to a manager), one with it due, one with it held within 72 hours. They
come in through the import, so they are resolved to the index as real reports are. The two demo
schools' DSLs have put three children on the list of those missing education or on a reduced timetable.
"""
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from frontdoor.missing import services
from frontdoor.missing.imports import missing_reports_import_records
from frontdoor.missing.models import EducationAbsence, MissingEpisode, ReturnInterview
from frontdoor.missing.selectors import repeat_missing_child_ids
from frontdoor.people.models import Person

FORCE = "Fictional Shire Police"
# (days before today it began, hours missing or None if still missing, interview held after hours or None)
EPISODES = ((0, 60, 20, None), (0, 30, 8, None), (0, 4, 14, 30), (1, 1, None, None), (2, 5, 100 - 24, None),
            (3, 2, 10, None))


def load_demo_missing(*, today: date, user=None) -> None:
    children = _older_children(today)
    if len(children) < 4:
        return
    reports = [_report(children[who], number, today, days, hours)
               for number, (who, days, hours, _) in enumerate(EPISODES, start=1)]
    result = missing_reports_import_records(records=enumerate(reports, start=1), source="Demo daily report")
    for row, (_, _, _, held_after) in zip(result.rows, EPISODES):
        if held_after is not None and row.episode is not None:
            _interview(row.episode, held_after, user)
    # A plan is for a child missing 3 or more times in the 90 days up to now: a demo built for
    # another day (the tests' fixed date) has none.
    if user is not None and children[0].pk in repeat_missing_child_ids():
        _risk_plan(children[0], today, user)
    services.late_interviews_escalate()
    _education_list(today, children)


def _older_children(today: date) -> list[Person]:
    born_after = today.replace(year=today.year - 17)
    return list(Person.objects.filter(kind=Person.Kind.CHILD, date_of_birth__gt=born_after,
                                      date_of_birth__lt=today.replace(year=today.year - 11))
                .order_by("family_name", "given_name")[:4])


def _report(child: Person, number: int, today: date, days: int, hours: int | None) -> dict:
    went = timezone.make_aware(datetime.combine(today - timedelta(days=days), time(21, 0)))
    report = {"force": FORCE, "police_reference": f"MP-DEMO-{number:04d}", "child_given_name": child.given_name,
              "child_family_name": child.family_name, "child_dob": child.date_of_birth.isoformat(),
              "child_sex": child.sex, "missing_from": went.isoformat(),
              "reported_at": (went + timedelta(hours=2)).isoformat(), "risk_level": "medium",
              "circumstances": "Did not come home after school; phone switched off."}
    if hours is not None:
        back = min(went + timedelta(hours=hours), timezone.now() - timedelta(hours=1))
        report |= {"returned_at": back.isoformat(), "where_found": "A friend's flat in town",
                   "safe_and_well_at": (back + timedelta(hours=1)).isoformat()}
    return report


def _interview(episode: MissingEpisode, held_after: int, user) -> None:
    if user is None:
        return
    ReturnInterview.objects.create(
        episode=episode, held_at=episode.returned_at + timedelta(hours=held_after), held_by="Dana Brooks",
        declined=False, why_went="Arguments at home about staying out", where_went="A friend's flat",
        with_whom="Two older friends", what_would_help="Family mediation; a trusted adult at school", recorded_by=user)


def _risk_plan(child: Person, today: date, user) -> None:
    plan = services.risk_plan_record(
        user=user, child=child, held_on=today - timedelta(days=3),
        agencies=["Police", "Children's social care", "School or education", "Exploitation team"],
        risks="Goes missing with older young people; seen in a car with adults not known to the family; "
              "phone switched off while missing.")
    services.risk_plan_action_add(user=user, plan=plan, version=1, action="Disruption visit to the address found",
                                  owner="PC Kate Wilson, police", due_on=today + timedelta(days=4))
    services.risk_plan_action_add(user=user, plan=plan, version=2, action="Exploitation screening",
                                  owner="Dana Brooks, missing children coordinator", due_on=today + timedelta(days=2))
    services.risk_plan_action_done(user=user, plan=plan, version=3, action_id=plan.actions.get(
        action="Exploitation screening").pk, done_on=today)


# (school DSL, kind, days since, hours a week, reason)
EDUCATION = (("teacher@demo.test", EducationAbsence.Kind.REDUCED_TIMETABLE, 20, Decimal("10"),
              "Mornings only after exclusion; reintegration plan with the family"),
             ("teacher2@demo.test", EducationAbsence.Kind.REDUCED_TIMETABLE, 45, Decimal("15"),
              "Anxiety; part-time while CAMHS assessment is awaited"),
             ("teacher2@demo.test", EducationAbsence.Kind.MISSING_EDUCATION, 12, None,
              "Not seen since the family moved; no new school has asked for records"))


def _education_list(today: date, missing_children: list[Person]) -> None:
    users = get_user_model().objects.select_related("membership__agency")
    children = list(Person.objects.filter(kind=Person.Kind.CHILD, date_of_birth__lt=today.replace(year=today.year - 6),
                                          date_of_birth__gt=today.replace(year=today.year - 16))
                    .exclude(pk__in=[c.pk for c in missing_children]).order_by("family_name", "given_name")[:3])
    for child, (email, kind, days, hours, reason) in zip(children, EDUCATION):
        dsl = users.filter(username=email).first()
        if dsl is not None:
            services.education_absence_add(user=dsl, child=child, school=dsl.membership.agency, kind=kind,
                                           since=today - timedelta(days=days), hours_per_week=hours, reason=reason)
