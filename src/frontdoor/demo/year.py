"""`frontdoor load-demo`: a year of a children's services area, for demonstrations and benchmarks.

The area, its families and its staff are loaded as an index import would be; then every child's
year is recorded through the services, as the pages record it (journeys.py): contacts, decisions,
early help, assessments, strategy discussions, enquiries, conferences, plans and closures, each on
its own day in the last `months` months. The police's domestic abuse notifications and their
triage, missing episodes, LADO referrals and private fostering arrangements follow, as in
`frontdoor demo`. The same seed and day give the same year.
"""
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.casework import clocks
from frontdoor.casework import models as casework
from frontdoor.casework.models import Team
from frontdoor.decisions.models import Decision
from frontdoor.intake.models import Contact
from frontdoor.messaging.models import OutboxMessage
from frontdoor.people.identity import match_model_ensure
from frontdoor.people.models import Person

from .census import load_demo_census_details
from .contacts import ContactBuilder
from .corrections import load_demo_corrections
from .generator import DatabaseNotEmpty, build_area_and_people, load_demo_streams, save_area_and_people
from .journeys import SHOWCASE, Journey, Staff
from .notifications import load_demo_notifications
from .population import Family
from .referrers import POOL_SIZE
from .synthetic import Synth
from .triage_history import load_demo_triage_history

DEFAULT_CHILDREN = 300
DEFAULT_MONTHS = 12
CHILDREN_PER_HOUSEHOLD = 1.4  # families with children not known to services, besides those who are
CASES_PER_WORKER = 18  # open cases a social worker in England carries, about
FAMILIES_PER_LEAD = 60  # over the year
CONFERENCES_PER_CHAIR = 150
NOTIFICATIONS_PER_CHILD = 0.5
RETURNING_EVERY = 40  # one child in 40 has a plan early in the year and comes back to a second (journeys.py)
SHOWCASE_START_DAYS = 30
RECENT_DAYS = (4, 10)  # a recent journey began this many days ago
PROGRESS_EVERY = 50
TEAM = "Assessment and child protection team"
NOT_EMPTY = ("The database already has children ({children}) or agencies: load-demo fills only an empty database. "
             "Use a new database (DATABASE_URL) or `frontdoor demo`, which keeps what is there.")


@dataclass(frozen=True)
class YearSummary:
    children: int
    months: int
    counts: dict[str, int]
    seconds: float

    def __str__(self) -> str:
        counted = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        return f"A year of {self.children} children over {self.months} months: {counted}, in {self.seconds:.1f}s"


def load_year_demo(*, children: int = DEFAULT_CHILDREN, months: int = DEFAULT_MONTHS, seed: int = 2026,
                   today: date | None = None, progress: Callable[[str], None] | None = None) -> YearSummary:
    """Fill an empty database with `children` children's year; refuse one that has children already.
    `progress` is told every few dozen children (a load of thousands takes a while)."""
    if children < 1 or not 1 <= months <= 36:
        raise ValueError("Give 1 or more children and between 1 and 36 months")
    started = time.perf_counter()
    today = min(today or timezone.localdate(), timezone.localdate())
    _refuse_if_not_empty()
    synth = Synth(seed)
    contacts, staff = _area(synth, today=today, children=children)
    load_demo_census_details(seed=seed, today=today)
    first_day = clocks.add_months(today, -months)
    subjects = _subjects(synth, contacts, children, born_by=first_day)
    for n, (family, child) in enumerate(subjects):
        scenario = _scenario(n)
        with transaction.atomic():  # one child's year a transaction: a failure leaves no half-told story
            journey = Journey(synth, family=family, child=child, staff=staff, contacts=contacts,
                              until=today - timedelta(days=1), n=n)
            # A baby born during the months is first referred once born (the census refuses a referral
            # more than 40 weeks before the birth, rule 8606).
            journey.run(max(_first_contact_day(synth, scenario, first_day, today), child.date_of_birth),
                        scenario=scenario)
        if progress and (n + 1) % PROGRESS_EVERY == 0:
            progress(f"{n + 1} of {len(subjects)} children's journeys recorded")
    _other_streams(seed=seed, today=today, children=children)
    _letters_already_sent(before=today - timedelta(days=1))
    return YearSummary(children=len(subjects), months=months, counts=_counts(), seconds=time.perf_counter() - started)


def _scenario(n: int) -> dict:
    if n < len(SHOWCASE):
        return SHOWCASE[n]
    return {"returning": True} if n % RETURNING_EVERY == 0 else {}


def _first_contact_day(synth: Synth, scenario: dict, first_day: date, today: date) -> date:
    """Spread over the months; a showcase journey early on, so that it gets far (or in the last days)."""
    if scenario.get("recent"):
        return today - timedelta(days=synth.between(*RECENT_DAYS))
    latest = SHOWCASE_START_DAYS if scenario else (today - first_day).days - 1
    return first_day + timedelta(days=synth.between(0, latest))


def _refuse_if_not_empty() -> None:
    count = Person.objects.filter(kind=Person.Kind.CHILD).count()
    if count or Agency.objects.exists():
        raise DatabaseNotEmpty(NOT_EMPTY.format(children=count))


def _area(synth: Synth, *, today: date, children: int) -> tuple[ContactBuilder, Staff]:
    built = build_area_and_people(synth, today=today, scale=max(1.0, children / 2000),
                                  households=max(20, round(children / CHILDREN_PER_HOUSEHOLD)))
    for agency in built.area.agencies:  # every referrer made now, so that they are saved with the area
        for _ in range(POOL_SIZE.get(agency.kind, 2)):
            built.pool.pick(agency)
    users = built.users
    contacts = ContactBuilder(synth, area=built.area, population=built.population, referrers=built.pool,
                              practitioners=[users["practitioner@demo.test"]], manager=users["manager@demo.test"],
                              today=today)
    with transaction.atomic():
        save_area_and_people(built)
        staff = _staff(synth, built.area, users, children)
    return contacts, staff


def _staff(synth: Synth, area, users: dict, children: int) -> Staff:
    """The demo logins, and colleagues enough for the caseload: more workers, leads and chairs."""
    council = next(agency for agency in area.agencies if agency.kind == Agency.Kind.LOCAL_AUTHORITY)
    workers = [users["socialworker@demo.test"],
               *_colleagues(synth, council, Membership.Role.SOCIAL_WORKER, "Social worker",
                            children // (CASES_PER_WORKER * 3))]
    team = Team.objects.create(name=TEAM, receives_referrals=True)
    team.members.add(users["teammanager@demo.test"], *workers)
    return Staff(
        practitioner=users["practitioner@demo.test"], manager=users["manager@demo.test"],
        team_manager=users["teammanager@demo.test"], workers=workers,
        chairs=[users["chair@demo.test"], *_colleagues(synth, council, Membership.Role.CONFERENCE_CHAIR,
                                                       "Child protection chair", children // CONFERENCES_PER_CHAIR)],
        leads=[users["earlyhelp@demo.test"], *_colleagues(synth, council, Membership.Role.EARLY_HELP_LEAD,
                                                          "Family support worker", children // FAMILIES_PER_LEAD)])


def _colleagues(synth: Synth, council: Agency, role: str, job_title: str, count: int) -> list:
    """Staff who do not sign in to the demo (no usable password), named as the area's people are."""
    people = []
    for n in range(count):
        group = synth.name_group()
        first, last = synth.pick(group[synth.pick(["women", "men"])]), synth.pick(group["family"])
        email = f"{role.replace('_', '.')}{n + 1}@demo.test"
        user = get_user_model().objects.create_user(username=email, email=email, first_name=first, last_name=last)
        Membership.objects.create(user=user, agency=council, role=role, job_title=job_title)
        people.append(user)
    return people


def _subjects(synth: Synth, contacts: ContactBuilder, children: int, *, born_by: date) -> list[tuple[Family, Person]]:
    """The children the year is about: born, and under 17 (a year on, still a child); the showcase
    journeys' children (the first few) born by the months' first day, for their journeys start early."""
    everyone = [(family, child) for family in contacts.families for child in family.born_children
                if contacts.today.year - child.date_of_birth.year < 17]
    synth.rng.shuffle(everyone)
    showcase = [subject for subject in everyone if subject[1].date_of_birth <= born_by][:len(SHOWCASE)]
    chosen = {id(subject) for subject in showcase}
    return (showcase + [subject for subject in everyone if id(subject) not in chosen])[:children]


def _other_streams(*, seed: int, today: date, children: int) -> None:
    """What `frontdoor demo` has besides the child's journey: police notifications as the file
    brings them, with the triage meetings' history, and the other streams."""
    match_model_ensure()
    load_demo_notifications(seed=seed, today=today, count=max(20, round(children * NOTIFICATIONS_PER_CHILD)))
    load_demo_triage_history(seed=seed, today=today)
    load_demo_corrections(seed=seed, today=today)
    load_demo_streams(today=today)


def _letters_already_sent(*, before: date) -> None:
    """The year's acknowledgements and letters went at the time: only those about the last day's
    contacts still wait in the outbox, for the demo's worker to send."""
    recent = [str(pk) for pk in Contact.objects.filter(received_at__date__gte=before).values_list("pk", flat=True)]
    (OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).exclude(about_id__in=recent)
     .update(status=OutboxMessage.Status.SENT))


def _counts() -> dict[str, int]:
    return {
        "contacts": Contact.objects.count(), "decisions": Decision.objects.count(),
        "episodes": casework.Episode.objects.count(),
        "open episodes": casework.Episode.objects.filter(closed_on__isnull=True).count(),
        "assessments": casework.Assessment.objects.count(),
        "strategy discussions": casework.StrategyDiscussion.objects.count(),
        "section 47 enquiries": casework.Section47Enquiry.objects.count(),
        "initial conferences": casework.InitialChildProtectionConference.objects.count(),
        "child protection plans": casework.ChildProtectionPlan.objects.count(),
        "child in need plans": casework.ChildInNeedPlan.objects.count(),
        "early help offers": casework.EarlyHelpOffer.objects.count(),
    }
