"""Open episodes made in bulk, behind the services: the caseload of a bench or of a test of the
caseload pages (the demo records its year through the services instead; see demo/year.py)."""
import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.casework import clocks
from frontdoor.casework.models import (
    Assessment, ChildProtectionPlan, Episode, InitialChildProtectionConference, ReviewConference, Section47Enquiry,
    StatutoryVisit, StrategyDiscussion,
)
from frontdoor.casework.services import episodes_due_refresh
from frontdoor.people.models import Person

BATCH = 2000


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def open_episodes_bulk(*, allocations: list, rng: random.Random, today: date | None = None) -> list[Episode]:
    """One open episode per (team, social worker or None) in `allocations`, referred in the last 400
    days, each with its assessment (a tenth authorised); a twentieth with a strategy discussion still
    to hold; a fifth on the child protection path: a strategy discussion held, a section 47 enquiry,
    half of those at a conference that made a plan, with its review due and, on half the plans, a
    visit. Then each episode's next date due is stored, as the services store it."""
    today = today or timezone.localdate()
    people = Person.objects.bulk_create(
        [Person(kind=Person.Kind.CHILD, given_name=f"Child{n}", family_name="Bulk",
                date_of_birth=date(2012, 1, 1) + timedelta(days=n % 3000)) for n in range(len(allocations))],
        batch_size=BATCH)
    episodes = Episode.objects.bulk_create(
        [Episode(person=person, referral_date=today - timedelta(days=rng.randint(1, 400)), source=Episode.Source.SCHOOLS,
                 team=team, allocated_to=worker) for person, (team, worker) in zip(people, allocations)],
        batch_size=BATCH)
    authorised = {e.pk for e in episodes if rng.random() < 0.1}
    Assessment.objects.bulk_create(
        [Assessment(episode=e, started_on=e.referral_date, **({
            "outcome": Assessment.Outcome.CIN_PLAN, "submitted_on": e.referral_date + timedelta(days=20),
            "authorised_on": e.referral_date + timedelta(days=21)} if e.pk in authorised else {})) for e in episodes],
        batch_size=BATCH)
    waiting = [e for e in episodes if rng.random() < 0.05]
    StrategyDiscussion.objects.bulk_create(
        [StrategyDiscussion(episode=e, reason="Bulk", requested_at=_at(asked), due_at=_at(clocks.strategy_discussion_due(asked)))
         for e in waiting for asked in [max(e.referral_date, today - timedelta(days=rng.randint(0, 3)))]],
        batch_size=BATCH)
    _protection([e for e in episodes if rng.random() < 0.2], rng)
    episodes_due_refresh(episodes=Episode.objects.filter(pk__in=[e.pk for e in episodes]))
    return episodes


def _protection(episodes: list[Episode], rng: random.Random) -> None:
    discussions = StrategyDiscussion.objects.bulk_create(
        [StrategyDiscussion(episode=e, reason="Bulk", requested_at=_at(e.referral_date),
                            due_at=_at(e.referral_date + timedelta(days=1)), held_at=_at(e.referral_date + timedelta(days=1)),
                            decision=StrategyDiscussion.Decision.SECTION_47) for e in episodes], batch_size=BATCH)
    enquiries = Section47Enquiry.objects.bulk_create(
        [Section47Enquiry(episode=d.episode, strategy_discussion=d, started_on=d.episode.referral_date)
         for d in discussions], batch_size=BATCH)
    conferences = InitialChildProtectionConference.objects.bulk_create([InitialChildProtectionConference(
        episode=s.episode, section_47=s, due_on=clocks.initial_conference_due(s.started_on),
        held_on=s.started_on + timedelta(days=14), decision="plan", category="NEG") for s in enquiries[::2]],
        batch_size=BATCH)
    plans = ChildProtectionPlan.objects.bulk_create(
        [ChildProtectionPlan(episode=c.episode, initial_conference=c, started_on=c.held_on, initial_category="NEG",
                             latest_category="NEG") for c in conferences], batch_size=BATCH)
    ReviewConference.objects.bulk_create(
        [ReviewConference(plan=p, due_on=clocks.first_review_due(p.started_on)) for p in plans], batch_size=BATCH)
    StatutoryVisit.objects.bulk_create(
        [StatutoryVisit(plan=p, visited_on=p.started_on + timedelta(days=rng.randint(1, 13)), seen_alone=True,
                        visited_by=p.episode.allocated_to) for p in plans[::2] if p.episode.allocated_to_id],
        batch_size=BATCH)
