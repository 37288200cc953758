"""Which steps of the children's journeys fall in a period (issue 14 item 4: one definition per figure).

The partnership's figures, the CIN census and Ofsted Annex A all select their records here, so a
definition changes in one place. A period runs from `first` to `last`, both days included. A step
"open in" a period had started by its last day and had not ended before its first: the census's
"open at any time in the year" and Annex A's "open now or closed in the window" are that one rule.
What is counted of the records read (started in a month, open at the period end) is worked out once,
in `partnership_measures` (`Window.holds`, `open_on`).
No access check: the callers check who may see what they make of these.
"""
import operator
from datetime import date
from functools import reduce

from django.db.models import Exists, OuterRef, Q, QuerySet

from frontdoor.casework.models import (
    Assessment, ChildInNeedPlan, ChildProtectionPlan, Episode, InitialChildProtectionConference, Section47Enquiry,
)


def _on(name: str, first: date, last: date) -> Q:
    return Q(**{f"{name}__gte": first, f"{name}__lte": last})


def _open(started: str, ended: str, first: date, last: date) -> Q:
    return Q(**{f"{started}__lte": last}) & (Q(**{f"{ended}__isnull": True}) | Q(**{f"{ended}__gte": first}))


def referrals_in(*, first: date, last: date) -> QuerySet[Episode]:
    """Episodes referred in the period: `referrals`, Annex A list 3."""
    return Episode.objects.filter(_on("referral_date", first, last))


def episodes_open_in(*, first: date, last: date) -> QuerySet[Episode]:
    """Episodes referred by the period's end and not closed before it began: the census's children,
    Annex A list 6's."""
    return Episode.objects.filter(_open("referral_date", "closed_on", first, last))


def assessments_authorised_in(*, first: date, last: date) -> QuerySet[Assessment]:
    """`assessments_completed`: authorised in the period."""
    return Assessment.objects.filter(_on("authorised_on", first, last))


def assessments_open_in(*, first: date, last: date) -> QuerySet[Assessment]:
    """Started by the period's end and not authorised before it began: the census's assessments and
    Annex A list 4 (an assessment under way all through the window is one of the window's)."""
    return Assessment.objects.filter(_open("started_on", "authorised_on", first, last))


def section_47s_started_in(*, first: date, last: date) -> QuerySet[Section47Enquiry]:
    """`s47_started`: the strategy discussion that initiated the enquiry was in the period."""
    return Section47Enquiry.objects.filter(_on("started_on", first, last))


def section_47s_completed_in(*, first: date, last: date) -> QuerySet[Section47Enquiry]:
    return Section47Enquiry.objects.filter(_on("completed_on", first, last))


def section_47s_open_in(*, first: date, last: date) -> QuerySet[Section47Enquiry]:
    """Started by the period's end and whose last step was not over before it began: the enquiry's
    initial conference when one is booked (held in the period, or not yet held), else its completion.
    The census's section 47s and Annex A list 5's ("every s47 in 6 months incl. open ones"): an
    enquiry completed just before the window whose conference is in it belongs to the window."""
    booked = Q(initial_conference__isnull=False)
    last_step = ((booked & (Q(initial_conference__held_on__isnull=True) | Q(initial_conference__held_on__gte=first)))
                 | (~booked & (Q(completed_on__isnull=True) | Q(completed_on__gte=first))))
    return Section47Enquiry.objects.filter(Q(started_on__lte=last) & last_step)


def initial_conferences_held_in(*, first: date, last: date) -> QuerySet[InitialChildProtectionConference]:
    """Every initial conference held in the period: after a section 47, or a transfer-in one."""
    return InitialChildProtectionConference.objects.filter(_on("held_on", first, last))


def icpcs_after_section_47_held_in(*, first: date, last: date) -> QuerySet[InitialChildProtectionConference]:
    """`icpc_held`: the census's section 47s with an ICPC date in the period."""
    return initial_conferences_held_in(first=first, last=last).filter(section_47__isnull=False)


def transfer_in_conferences_held_in(*, first: date, last: date) -> QuerySet[InitialChildProtectionConference]:
    """Conferences with no section 47 in the episode (a child protected elsewhere who moved here)."""
    return initial_conferences_held_in(first=first, last=last).filter(section_47__isnull=True)



def cp_plans_open_in(*, first: date, last: date) -> QuerySet[ChildProtectionPlan]:
    """Started by the period's end and not ended before it began: the census's plans, Annex A list 7's."""
    return ChildProtectionPlan.objects.filter(_open("started_on", "ended_on", first, last))




def cin_plans_open_in(*, first: date, last: date) -> QuerySet[ChildInNeedPlan]:
    return ChildInNeedPlan.objects.filter(_open("started_on", "ended_on", first, last))


def with_further_action(episodes: QuerySet[Episode], *, by: date) -> QuerySet[Episode]:
    """Each episode annotated `further_action`: whether, by `by`, it had an assessment, a section 47, a
    child in need or child protection plan, or an initial conference (a transfer-in). The census's
    ReferralNFA and Annex A list 3's "Referral NFA?" are a closed episode without one."""
    started = {model: Exists(model.objects.filter(episode=OuterRef("pk"), started_on__lte=by))
               for model in (Assessment, Section47Enquiry, ChildInNeedPlan, ChildProtectionPlan)}
    conference = Exists(InitialChildProtectionConference.objects.filter(episode=OuterRef("pk"), held_on__lte=by))
    return episodes.annotate(further_action=reduce(operator.or_, started.values(), conference))
