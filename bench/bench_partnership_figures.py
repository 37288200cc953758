"""The partnership's figures and the statutory returns at 10 times seed 003's authority: 50,000 referrals in a year.

Seed 003's area has about 5,300 referrals and 600 children on plans a year; this generates ten
times that (contacts, referrals, assessments, strategy discussions and section 47 enquiries, initial
conferences, child protection plans with reviews, child in need plans, early help assessments)
straight into the tables, then times the measures (as `frontdoor report partnership` computes
them, and with the months as the page does), the page itself, a drill-down and the downloads; the
CIN census (checked as its page does, and the file `frontdoor report cin-census` writes) and Ofsted
Annex A (the lists, and the workbook and CSVs); and prints a few figures beside the census's and
Annex A's counts of the same records, which agree because all three read `reporting.period_selectors`.
Run: DATABASE_URL=postgres://.../empty_db .venv/bin/python bench/bench_partnership_figures.py [--referrals 50000]
The database must be empty of casework (it is migrated first); the records stay for inspection.
"""
import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
os.environ.setdefault("FRONTDOOR_DEMO", "1")  # synthetic data: the demo key will do
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from frontdoor.casework.calendar import add_working_days  # noqa: E402
from frontdoor.casework.models import (  # noqa: E402
    AbuseCategory, Assessment, ChildInNeedPlan, ChildProtectionPlan, EarlyHelpOffer, Episode,
    InitialChildProtectionConference, ReviewConference, Section47Enquiry, StrategyDiscussion,
)
from frontdoor.intake.models import Contact, ContactChild  # noqa: E402
from frontdoor.people.models import Person  # noqa: E402
from frontdoor.reporting import annex_a_sheets  # noqa: E402
from frontdoor.reporting import partnership_measures as pm  # noqa: E402
from frontdoor.reporting.annex_a import Window, annex_a_lists  # noqa: E402
from frontdoor.reporting.cin_census import cin_census_build  # noqa: E402
from frontdoor.reporting.partnership import partnership_data, partnership_figures  # noqa: E402
from frontdoor.reporting.services import cin_census_export  # noqa: E402
from frontdoor.reporting.partnership_sheets import csv_text, workbook_bytes  # noqa: E402
from tests import factories  # noqa: E402

PERIOD_END = date(2026, 3, 31)
YEAR_START = date(2025, 4, 1)
BATCH = 5000


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _aware(day: date):
    return timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 10))


def populate(referrals: int, rng: random.Random, user) -> dict[str, int]:
    children = [Person(kind=Person.Kind.CHILD, given_name="Bench", family_name=f"Child {n}",
                       date_of_birth=_day(rng, date(2008, 4, 1), date(2026, 3, 1)),
                       sex=rng.choice((Person.Sex.FEMALE, Person.Sex.MALE)),
                       disabilities=["NONE"] if rng.random() < 0.9 else ["AUT"])
                for n in range(int(referrals * 0.8))]  # a fifth of referrals are about a child referred before
    Person.objects.bulk_create(children, batch_size=BATCH)
    agency = user.membership.agency
    contacts = [Contact(referrer_agency=agency, referrer_name="Bench Referrer", referrer_email="bench@example.test",
                        concern_now="Bench concern", consent="given", received_at=_aware(day), decision_due_at=_aware(day),
                        status=Contact.Status.NEW)
                for day in (_day(rng, YEAR_START, PERIOD_END) for _ in range(referrals * 2))]  # half become referrals
    Contact.objects.bulk_create(contacts, batch_size=BATCH)
    ContactChild.objects.bulk_create([ContactChild(contact=c, person=rng.choice(children), given_name="Bench")
                                      for c in contacts], batch_size=BATCH)
    episodes = []
    for _ in range(referrals):
        referred = _day(rng, YEAR_START, PERIOD_END)
        closed = referred + timedelta(days=rng.randint(5, 200)) if rng.random() < 0.7 else None
        episodes.append(Episode(person=rng.choice(children), referral_date=referred, source=Episode.Source.POLICE,
                                closed_on=closed if closed and closed <= PERIOD_END else None,
                                closure_reason=Episode.ClosureReason.values[0] if closed and closed <= PERIOD_END else ""))
    Episode.objects.bulk_create(episodes, batch_size=BATCH)

    assessments = []
    for episode in rng.sample(episodes, int(referrals * 0.85)):
        started = episode.referral_date + timedelta(days=rng.randint(0, 3))
        authorised = started + timedelta(days=rng.randint(20, 80))
        assessments.append(Assessment(episode=episode, started_on=started,
                                      authorised_on=authorised if authorised <= PERIOD_END else None))
    Assessment.objects.bulk_create(assessments, batch_size=BATCH)

    discussed = rng.sample(episodes, int(referrals * 0.12))
    discussions = [StrategyDiscussion(reason="Bench", episode=e, requested_at=_aware(e.referral_date),
                                      due_at=_aware(e.referral_date + timedelta(days=1)),
                                      held_at=_aware(e.referral_date + timedelta(days=1)),
                                      decision=StrategyDiscussion.Decision.SECTION_47) for e in discussed]
    StrategyDiscussion.objects.bulk_create(discussions, batch_size=BATCH)
    enquiries = [Section47Enquiry(episode=d.episode, strategy_discussion=d, started_on=d.held_at.date())
                 for d in discussions]
    Section47Enquiry.objects.bulk_create(enquiries, batch_size=BATCH)

    conferences = [InitialChildProtectionConference(
        episode=s.episode, section_47=s, due_on=add_working_days(s.started_on, 15),
        held_on=s.started_on + timedelta(days=rng.randint(10, 30)), decision="plan",
        category=rng.choice(AbuseCategory.values)) for s in rng.sample(enquiries, int(len(enquiries) * 0.6))]
    InitialChildProtectionConference.objects.bulk_create(conferences, batch_size=BATCH)
    plans, reviews = [], []
    for c in conferences:
        ended = c.held_on + timedelta(days=rng.randint(90, 400)) if rng.random() < 0.4 else None
        ended = ended if ended and ended <= PERIOD_END else None
        plans.append(ChildProtectionPlan(episode=c.episode, initial_conference=c, started_on=c.held_on,
                                         initial_category=c.category, latest_category=c.category,
                                         previous_plans=int(rng.random() < 0.2), ended_on=ended,
                                         end_reason=ChildProtectionPlan.EndReason.OTHER if ended else ""))
    ChildProtectionPlan.objects.bulk_create(plans, batch_size=BATCH)
    for plan in plans:
        review = plan.started_on + timedelta(days=rng.randint(80, 100))
        if review <= PERIOD_END:
            reviews.append(ReviewConference(plan=plan, due_on=review, held_on=review, decision="continue"))
    ReviewConference.objects.bulk_create(reviews, batch_size=BATCH)

    cin = [ChildInNeedPlan(episode=a.episode, started_on=a.authorised_on, started_by=user)
           for a in rng.sample(assessments, int(referrals * 0.15)) if a.authorised_on]
    ChildInNeedPlan.objects.bulk_create(cin, batch_size=BATCH)
    offers = [EarlyHelpOffer(person=rng.choice(children), offered_on=day, status=EarlyHelpOffer.Status.ACCEPTED,
                             lead_professional=user, eha_started_on=day + timedelta(days=5))
              for day in (_day(rng, YEAR_START, PERIOD_END - timedelta(days=5)) for _ in range(referrals // 10))]
    EarlyHelpOffer.objects.bulk_create(offers, batch_size=BATCH)
    return {"children": len(children), "contacts": len(contacts), "referrals": len(episodes), "assessments": len(assessments),
            "section 47 enquiries": len(enquiries), "initial conferences": len(conferences),
            "child protection plans": len(plans), "reviews": len(reviews), "child in need plans": len(cin),
            "early help assessments": len(offers)}


def timed(label: str, run, repeat: int = 3):
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        samples.append(time.perf_counter() - started)
    print(f"{label:<62} median {statistics.median(samples):6.2f} s   (best {min(samples):.2f} s, n={repeat})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referrals", type=int, default=50_000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Set DATABASE_URL to an empty PostgreSQL database", file=sys.stderr)
        raise SystemExit(2)
    call_command("migrate", verbosity=0)
    if Episode.objects.exists():
        print("The database already holds casework: use an empty one", file=sys.stderr)
        raise SystemExit(2)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    manager = factories.user(role="manager")
    started = time.perf_counter()
    made = populate(args.referrals, random.Random(14), manager)
    print(f"Generated in {time.perf_counter() - started:.0f} s: " + ", ".join(f"{n} {what}" for what, n in made.items()))
    call_command("migrate", verbosity=0)  # nothing to do; then refresh the planner's statistics
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    today = date(2026, 5, 1)
    figures = timed("every measure for the year (the command: no months)",
                    lambda: partnership_figures(period_end=PERIOD_END, today=today, by_month=False))
    timed("every measure and item 4's month by month (the page)",
          lambda: partnership_figures(period_end=PERIOD_END, today=today))
    timed("the CSV and the XLSX written", lambda: (csv_text(figures), workbook_bytes(figures)))
    client = Client()
    client.force_login(manager)
    query = {"period_end_0": "31", "period_end_1": "3", "period_end_2": "2026"}
    timed("GET /figures/partnership (server time)", lambda: client.get("/figures/partnership", query, HTTP_HOST="localhost"))
    timed("GET the drill-down: ICPCs not within 15 working days", lambda: client.get(
        "/figures/partnership/children", {"period_end": "2026-03-31", "measure": "icpc_within_15wd_pct",
                                          "part": "others"}, HTTP_HOST="localhost"))
    for measure_id in ("referrals", "assessments_within_45wd_pct", "icpc_within_15wd_pct", "cp_plans_started",
                       "cp_plans_open_at_period_end", "second_plans_within_18m_pct", "cin_plans_started"):
        m = figures.measure(measure_id)
        print(f"  {measure_id:<32} {m.numerator:>7} {m.denominator or '':>7} {m.value}")
    returns(client, figures, today)


def returns(client, figures, today: date) -> None:
    """The CIN census and Annex A for the same year, and their counts beside the figures'."""
    census = timed("the CIN census built and checked (what its page shows)",
                   lambda: cin_census_build(reference_date=PERIOD_END, today=today))
    timed("GET /reporting/cin-census (server time)", lambda: client.get(
        "/reporting/cin-census", {"period_end_0": "31", "period_end_1": "3", "period_end_2": "2026"},
        HTTP_HOST="localhost"))
    written = timed("the census file (frontdoor report cin-census: built, logged, XML)",
                    lambda: cin_census_export(user=None, reference_date=PERIOD_END), repeat=1)
    lists = timed("Annex A lists 1 to 7 (six months to the period end)", lambda: annex_a_lists(period_end=PERIOD_END))
    timed("the Annex A workbook and the CSVs written",
          lambda: (annex_a_sheets.workbook_bytes(lists), annex_a_sheets.csv_zip_bytes(lists)))
    timed("GET /reporting/annex-a.xlsx (server time)", lambda: client.get(
        "/reporting/annex-a.xlsx", {"period_end": PERIOD_END.isoformat()}, HTTP_HOST="localhost"))
    print(f"  census: {len(census.children)} children, {len(census.problems)} problems, "
          f"{len(written.xml) / 1e6:.1f} MB of XML; Annex A rows: "
          + ", ".join(f"list {lst.number} {len(lst.rows)}" for lst in lists))

    year = pm.Window(YEAR_START, PERIOD_END, PERIOD_END)
    steps = [e for child in census.children for e in child.episodes]
    in_census = {"referrals": sum(year.holds(e.referral_date) for e in steps),
                 "icpc_held": sum(year.holds(s.icpc_on) for e in steps for s in e.section_47s),
                 "cp_plans_started": sum(year.holds(p.started_on) for e in steps for p in e.plans),
                 "cp_plans_open_at_period_end": sum(p.ended_on is None for e in steps for p in e.plans)}
    six_months = pm.Window(Window(PERIOD_END).start, PERIOD_END, PERIOD_END)
    in_window = {m.id: m.numerator for m in pm.journey_measures(partnership_data(six_months), six_months)}
    by_number = {lst.number: lst for lst in lists}
    in_annex_a = {"referrals": len(by_number[3].rows),
                  "icpc_held": sum(six_months.holds(row[by_number[5].headers.index("Date of Initial Child Protection "
                                                                                   "Conference")]) for row in by_number[5].rows),
                  "cp_plans_started": sum(six_months.holds(row[by_number[7].headers.index(
                      "Child Protection Plan Start Date")]) for row in by_number[7].rows)}
    print(f"  {'':<32} {'year':>7} {'census':>7} {'6 months':>9} {'Annex A':>8}")
    for measure_id, counted in in_census.items():
        print(f"  {measure_id:<32} {figures.measure(measure_id).numerator:>7} {counted:>7} "
              f"{in_window[measure_id]:>9} {in_annex_a.get(measure_id, ''):>8}")


if __name__ == "__main__":
    main()
