"""Load a synthetic area into an empty database: the one-command demo, the browser tests and benchmarks.

`load_demo_data(seed=...)` always builds the same area for the same seed and day: agencies, families,
ninety days of contacts with their decisions, open and closed cases, two weeks of police notifications
with their triage meetings (a few outcomes corrected since), and the demo logins below.
Nobody in it is a real person: names are drawn from common name lists, places are invented, postcodes
use the fictional area FD, NHS numbers come from the range the NHS never issues, and phone numbers
from Ofcom's range for drama.
"""

import time
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.casework.models import Case
from frontdoor.decisions.models import Decision
from frontdoor.intake.models import Contact, ContactChild, ContactFamilyMember
from frontdoor.intake.services import contact_quality_flags
from frontdoor.people.identity import match_model_ensure
from frontdoor.people.models import Address, Household, Person, Relationship, Residence
from frontdoor.demo.missing import load_demo_missing
from frontdoor.demo.escalations import load_demo_escalations
from frontdoor.demo.lado import load_demo_lado
from frontdoor.demo.fostering import load_demo_fostering
from frontdoor.demo.public_callers import load_demo_advice_requests, load_demo_public_callers
from frontdoor.demo.exploitation import load_demo_exploitation
from frontdoor.demo.marac import load_demo_marac
from frontdoor.triage.models import OutcomeVersion, PoliceNotification, QuarantinedRow, SchoolNotificationUpdate

from .area import (
    DEMO_GP,
    DEMO_PRIMARY,
    DEMO_SECONDARY,
    LOCAL_AUTHORITY_NAME,
    Area,
    build_area,
)
from .cases import CaseBuilder
from .census import load_demo_census_details
from .contacts import ContactBuilder, DemoReferrer
from .corrections import load_demo_corrections
from .finding import load_demo_known_by_first_name
from .notifications import load_demo_notifications
from .outbox import load_demo_outbox
from .population import Population, PopulationBuilder
from .referrers import Referrer, ReferrerPool
from .restricted import load_demo_restricted_record
from .social_care import load_demo_social_care
from .synthetic import Synth
from .triage_history import load_demo_triage_history

DEMO_PASSWORD = "frontdoor-demo"
DEMO_LOGINS: tuple[dict[str, str], ...] = (
    {"email": "practitioner@demo.test", "name": "Sam Patel", "role": Membership.Role.PRACTITIONER.label,
     "job_title": "Social worker", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "practitioner2@demo.test", "name": "Jo Evans", "role": Membership.Role.PRACTITIONER.label,
     "job_title": "Social worker", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "manager@demo.test", "name": "Alex Morgan", "role": Membership.Role.MANAGER.label,
     "job_title": "Front Door team manager", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "admin@demo.test", "name": "Robin Shaw", "role": Membership.Role.ADMINISTRATOR.label,
     "job_title": "System administrator", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "teacher@demo.test", "name": "Chris Taylor", "role": Membership.Role.REFERRER.label,
     "job_title": "Designated safeguarding lead", "agency": DEMO_PRIMARY},
    {"email": "teacher2@demo.test", "name": "Priya Sharma", "role": Membership.Role.REFERRER.label,
     "job_title": "Designated safeguarding lead", "agency": DEMO_SECONDARY},
    {"email": "gp@demo.test", "name": "Omar Hussain", "role": Membership.Role.REFERRER.label,
     "job_title": "GP", "agency": DEMO_GP},
    {"email": "missing@demo.test", "name": "Dana Brooks", "role": Membership.Role.MISSING_COORDINATOR.label,
     "job_title": "Missing children coordinator", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "lado@demo.test", "name": "Sam Reid", "role": Membership.Role.LADO.label,
     "job_title": "Local Authority Designated Officer", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "fostering@demo.test", "name": "Jo Patel", "role": Membership.Role.PRIVATE_FOSTERING_WORKER.label,
     "job_title": "Private fostering social worker", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "marac@demo.test", "name": "Rowan Clarke", "role": Membership.Role.MARAC_COORDINATOR.label,
     "job_title": "MARAC coordinator", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "police@demo.test", "name": "Kate Wilson", "role": Membership.Role.REFERRER.label,
     "job_title": "PC", "agency": "Fictional Shire Police"},
    {"email": "health@demo.test", "name": "Lucy Green", "role": Membership.Role.REFERRER.label,
     "job_title": "Health visitor", "agency": "Fictional Shire Health and Care NHS Trust"},
    {"email": "isco@demo.test", "name": "Dana Price", "role": Membership.Role.ISCO.label,
     "job_title": "Initial Screening and Contact Officer", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "police.triage@demo.test", "name": "Mark Bennett", "role": Membership.Role.TRIAGE_MEMBER.label,
     "job_title": "Detective Sergeant, public protection", "agency": "Fictional Shire Police"},
    {"email": "health.triage@demo.test", "name": "Helen Ward", "role": Membership.Role.TRIAGE_MEMBER.label,
     "job_title": "Named nurse, safeguarding", "agency": "Fictional Shire Health and Care NHS Trust"},
    {"email": "probation.triage@demo.test", "name": "Ian Foster", "role": Membership.Role.TRIAGE_MEMBER.label,
     "job_title": "Probation officer", "agency": "Probation Service – Fictional Shire"},
    {"email": "socialworker@demo.test", "name": "Kim Oduya", "role": Membership.Role.SOCIAL_WORKER.label,
     "job_title": "Social worker, assessment team", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "teammanager@demo.test", "name": "Jo Reid", "role": Membership.Role.TEAM_MANAGER.label,
     "job_title": "Team manager, assessment team", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "chair@demo.test", "name": "Pat Quinn", "role": Membership.Role.CONFERENCE_CHAIR.label,
     "job_title": "Child protection chair (independent reviewing officer)", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "earlyhelp@demo.test", "name": "Lee Fox", "role": Membership.Role.EARLY_HELP_LEAD.label,
     "job_title": "Family support worker, early help", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "community@demo.test", "name": "Sam Ellis", "role": Membership.Role.EARLY_HELP_LEAD.label,
     "job_title": "Community social worker", "agency": LOCAL_AUTHORITY_NAME},
    {"email": "performance@demo.test", "name": "Lee Hart", "role": Membership.Role.PERFORMANCE_OFFICER.label,
     "job_title": "Performance and data officer", "agency": LOCAL_AUTHORITY_NAME},
)
# How many contacts each demo referrer has made at scale 1.0, so that their pages have something to show.
DEMO_REFERRER_CONTACTS = {"teacher@demo.test": 12, "teacher2@demo.test": 8, "gp@demo.test": 5,
                          "police@demo.test": 10, "health@demo.test": 6}
HOUSEHOLDS = 1800
CONTACTS = 1500
NOTIFICATIONS = 300
BATCH = 1000


class DatabaseNotEmpty(RuntimeError):
    pass


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]
    logins: tuple[dict[str, str], ...]
    seconds: float

    def __str__(self) -> str:
        c = self.counts
        return (f"{c['agencies']} agencies ({c['schools']} schools), {c['people']} people "
                f"({c['children']} children) in {c['households']} households, {c['contacts']} contacts, "
                f"{c['decisions']} decisions, {c['open_cases']} open cases, {c['police_notifications']} police "
                f"notifications ({c['quarantined_rows']} quarantined), in {self.seconds:.1f}s")


def load_demo_data(*, seed: int = 2026, today: date | None = None, scale: float = 1.0) -> DemoSummary:
    """Fill an empty database with the synthetic area; the same seed and day give the same data."""
    if scale <= 0:
        raise ValueError("scale must be greater than 0")
    started = time.perf_counter()
    today = today or timezone.localdate()
    with transaction.atomic():
        if Agency.objects.exists():
            raise DatabaseNotEmpty(
                "The database already has agencies; demo data loads only into an empty database.")
        _build_and_save(Synth(seed), today=today, scale=scale)
    # As an area would after loading its index and contacts: the match model the import then uses.
    match_model_ensure()
    # Notifications arrive as the police file would, one committed row at a time, after the area exists.
    load_demo_notifications(seed=seed, today=today, count=max(20, round(NOTIFICATIONS * scale)))
    load_demo_triage_history(seed=seed, today=today)
    load_demo_corrections(seed=seed, today=today)  # a few outcomes corrected since: schools sent updates
    load_demo_social_care(today=today)
    load_demo_census_details(seed=seed, today=today)
    load_demo_streams(today=today)
    return DemoSummary(counts=_counts(), logins=DEMO_LOGINS, seconds=time.perf_counter() - started)


def load_demo_streams(*, today: date) -> None:
    """The partnership's other streams and the front door's particular cases, after the children's
    contacts and journeys (`frontdoor demo` and `frontdoor load-demo` both end with them)."""
    load_demo_missing(today=today, user=get_user_model().objects.get(username="missing@demo.test"))
    load_demo_lado(today=today)
    load_demo_fostering(today=today)
    load_demo_escalations()
    load_demo_exploitation()
    load_demo_marac(today=today)
    load_demo_outbox()  # the newest outcome letters, one refused by the mail server: the outbox's retry
    load_demo_known_by_first_name()  # a child known only as a first name at a school: "Find a person"
    load_demo_public_callers()  # a grandparent, a neighbour, the child, the public and an anonymous caller phoned
    load_demo_advice_requests(adviser=get_user_model().objects.get(username="community@demo.test"))
    load_demo_restricted_record()  # a staff member's child, sealed to the manager and one practitioner


@dataclass
class AreaPeople:
    """The area, its families and its staff, built before anything happens to them."""
    area: Area
    population: Population
    users: dict
    memberships: dict
    pool: ReferrerPool
    demo_referrers: list[DemoReferrer]


def build_area_and_people(synth: Synth, *, today: date, scale: float, households: int) -> AreaPeople:
    area = build_area(synth, scale=scale)
    population = PopulationBuilder(synth, area, today).build(households=households)
    demo_users, demo_memberships = _demo_users(area)
    pool = ReferrerPool(synth)
    demo_referrers = _demo_referrers(pool, demo_users, demo_memberships, scale)
    return AreaPeople(area, population, demo_users, demo_memberships, pool, demo_referrers)


def save_area_and_people(built: AreaPeople) -> None:
    """The agencies, the logins and referrers, and the person index: what an area holds before its
    first contact (loaded as an index import is, in bulk)."""
    population = built.population
    _save(Agency, built.area.agencies)
    _save(get_user_model(), [*built.users.values(), *built.pool.users])
    _save(Membership, [*built.memberships.values(), *built.pool.memberships])
    _save(Address, population.addresses)
    _save(Person, population.people)
    _save(Residence, population.residences)
    _save(Household, population.households)
    _save(Household.members.through, population.household_members)
    _save(Relationship, population.relationships)


def _build_and_save(synth: Synth, *, today: date, scale: float) -> None:
    built = build_area_and_people(synth, today=today, scale=scale, households=max(20, round(HOUSEHOLDS * scale)))
    records = ContactBuilder(
        synth, area=built.area, population=built.population, referrers=built.pool, today=today,
        practitioners=[built.users["practitioner@demo.test"], built.users["practitioner2@demo.test"]],
        manager=built.users["manager@demo.test"],
    ).build(count=max(30, round(CONTACTS * scale)), demo_referrers=built.demo_referrers)
    cases = CaseBuilder(synth, population=built.population, today=today).build(decided=records.decided, scale=scale)
    save_area_and_people(built)
    _save(Contact, records.contacts)
    _save(ContactChild, records.children)
    _save(ContactFamilyMember, records.family_members)
    _save(Decision, records.decisions)
    _save(Case, cases)
    _flag_referral_quality()


def _flag_referral_quality() -> None:
    """Run the referral-quality coach over the demo contacts, as submission does for real ones."""
    contacts = list(Contact.objects.select_related("referrer_agency").prefetch_related("children"))
    for contact in contacts:
        contact.quality_flags = contact_quality_flags(contact=contact)
    Contact.objects.bulk_update(contacts, ["quality_flags"], batch_size=BATCH)


def _save(model, objects: list) -> None:
    model.objects.bulk_create(objects, batch_size=BATCH)


def _demo_users(area: Area) -> tuple[dict, dict]:
    password = make_password(DEMO_PASSWORD)  # hashed once: the hasher is slow on purpose
    agencies = {agency.name: agency for agency in area.agencies}
    users, memberships = {}, {}
    for login in DEMO_LOGINS:
        first, last = login["name"].split(" ", 1)
        role = next(r for r in Membership.Role if r.label == login["role"])
        user = get_user_model()(username=login["email"], email=login["email"], first_name=first, last_name=last,
                                password=password, is_staff=role == Membership.Role.ADMINISTRATOR)
        users[login["email"]] = user
        memberships[login["email"]] = Membership(user=user, agency=agencies[login["agency"]], role=role,
                                                 job_title=login["job_title"])
    return users, memberships


def _demo_referrers(pool: ReferrerPool, users: dict, memberships: dict, scale: float) -> list[DemoReferrer]:
    demo = []
    for email, at_full_scale in DEMO_REFERRER_CONTACTS.items():
        membership = memberships[email]
        referrer = pool.add(Referrer(
            name=users[email].get_full_name(), role=membership.job_title, phone=membership.agency.phone,
            email=email, agency=membership.agency, user=users[email],
        ))
        demo.append(DemoReferrer(referrer=referrer, kind=membership.agency.kind,
                                 contacts=max(3, round(at_full_scale * scale))))
    return demo


def _counts() -> dict[str, int]:
    return {
        "agencies": Agency.objects.count(),
        "schools": Agency.objects.filter(kind=Agency.Kind.SCHOOL).count(),
        "users": get_user_model().objects.count(),
        "people": Person.objects.count(),
        "children": Person.objects.filter(kind=Person.Kind.CHILD).count(),
        "unborn": Person.objects.filter(kind=Person.Kind.UNBORN).count(),
        "adults": Person.objects.filter(kind=Person.Kind.ADULT).count(),
        "addresses": Address.objects.count(),
        "residences": Residence.objects.count(),
        "households": Household.objects.count(),
        "relationships": Relationship.objects.count(),
        "contacts": Contact.objects.count(),
        "contact_children": ContactChild.objects.count(),
        "contact_family_members": ContactFamilyMember.objects.count(),
        "decisions": Decision.objects.count(),
        "cases": Case.objects.count(),
        "open_cases": Case.objects.filter(closed_on__isnull=True).count(),
        "police_notifications": PoliceNotification.objects.count(),
        "quarantined_rows": QuarantinedRow.objects.count(),
        "corrected_outcomes": OutcomeVersion.objects.values("outcome").distinct().count(),
        "school_notification_updates": SchoolNotificationUpdate.objects.count(),
    }
