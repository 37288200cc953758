"""Two MARAC meetings through the services, run by the demo's MARAC coordinator: a parent of one of the demo
social worker's children heard twice (the second a repeat within 12 months), referred by housing and then the
school, with attendance and an action plan, one action done; at the second meeting, another family's parent,
referred by the demo GP through the referral page; and the health visitor's referral, waiting to be listed.
Each case is shared with the children's social worker and school, and the GP's with the practice, on the lawful
basis recorded."""
from datetime import date, timedelta

from django.contrib.auth import get_user_model

from frontdoor.agencies.models import Agency
from frontdoor.marac import services
from frontdoor.people.models import Person, Relationship

from .area import DEMO_GP


def load_demo_marac(*, today: date) -> None:
    users = get_user_model().objects
    coordinator = users.get(username="marac@demo.test")
    social_worker = users.get(username="socialworker@demo.test")
    child = (Person.objects.filter(episodes__allocated_to=social_worker, episodes__closed_on__isnull=True,
                                   school__isnull=False, relationships_to__kind=Relationship.Kind.PARENT)
             .order_by("family_name", "given_name").first())
    if child is None:
        return
    parent = _parent(child)
    police = Agency.objects.filter(kind=Agency.Kind.POLICE).first()
    referrers = [Agency.objects.filter(kind=Agency.Kind.HOUSING).first() or police, child.school]
    for held_on, referrer in zip((today - timedelta(days=180), today - timedelta(days=7)), referrers):
        meeting = services.meeting_schedule(user=coordinator, held_on=held_on)
        case = services.case_add(user=coordinator, meeting=meeting, victim=parent, referring_agency=referrer,
                                 lawful_basis="safeguarding", children=[child], perpetrator_name="Former partner")
        services.attendance_record(meeting=meeting, agency=police, attendee="DS Kate Wilson")
        services.attendance_record(meeting=meeting, agency=child.school, attendee="Chris Taylor")
        action = services.action_add(case=case, text="Police to flag the address for an urgent response",
                                     owner_agency=police, owner_name="DS Kate Wilson", due_on=held_on + timedelta(days=2))
        services.action_complete(action_id=action.pk, meeting=meeting, completed_on=held_on + timedelta(days=1))
    services.action_add(case=case, text=f"School to offer {child.given_name} a trusted adult and check in weekly",
                        owner_agency=child.school, owner_name="Chris Taylor", due_on=today + timedelta(days=7))
    _gp_case(meeting, coordinator=coordinator, not_family_of=parent, today=today)
    health_visitor = users.filter(username="health@demo.test").first()
    if health_visitor is not None:
        services.agency_referral_submit(
            referrer=health_visitor, victim_given_name="Leanne", victim_family_name="Marsh",
            criterion="professional_judgement", lawful_basis="safeguarding", children="A baby, 4 months",
            risks="Told me at the new birth visit that her partner has pushed her down the stairs and keeps her "
                  "bank card; she is frightened to be at home with him.")


def _parent(child: Person) -> Person:
    return child.relationships_to.filter(kind=Relationship.Kind.PARENT).select_related("person").first().person


def _gp_case(meeting, *, coordinator, not_family_of: Person, today: date) -> None:
    practice = Agency.objects.filter(name=DEMO_GP).first()
    child = (Person.objects.filter(kind=Person.Kind.CHILD, school__isnull=False,
                                   relationships_to__kind=Relationship.Kind.PARENT)
             .exclude(relationships_to__person=not_family_of).order_by("family_name", "given_name").first())
    if practice is None or child is None:
        return
    victim = _parent(child)
    referral = services.agency_referral_submit(
        referrer=get_user_model().objects.get(username="gp@demo.test"), victim_given_name=victim.given_name,
        victim_family_name=victim.family_name, victim_date_of_birth=victim.date_of_birth,
        criterion="visible_high_risk", dash_yes_count=15, lawful_basis="consent", children=child.given_name,
        risks="Disclosed at an appointment that her partner strangled her last month; bruising seen.")
    services.attendance_record(meeting=meeting, agency=practice, attendee="Dr Omar Hussain")
    case = services.case_add(user=coordinator, meeting=meeting, victim=victim, referring_agency=practice,
                             lawful_basis="consent", children=[child], referral=referral)
    services.action_add(case=case, text="GP practice to offer a longer appointment and flag the record",
                        owner_agency=practice, owner_name="Dr Omar Hussain", due_on=today + timedelta(days=14))
