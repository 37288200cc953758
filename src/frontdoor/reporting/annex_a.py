"""Ofsted ILACS Annex A, lists 1 to 7: one row per event in the six months before the period end
(lists 4 to 7: each assessment, section 47, episode or plan open at some time in the window, as
`period_selectors` defines it for the census too). shared/STATUTORY-RETURNS.md §2.

Each list is built from the records practitioners keep in the child's journey; the writing of the
workbook and the CSVs lives in annex_a_sheets.py.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from frontdoor.casework.models import (
    Assessment, ChildProtectionPlan, EarlyHelpOffer, Episode, InitialChildProtectionConference, Section47Enquiry,
)
from frontdoor.casework.services import contact_census_source
from frontdoor.intake.models import ContactChild
from frontdoor.reporting import annex_a_codes as codes
from frontdoor.reporting import period_selectors as periods
from frontdoor.reporting.partnership_measures import open_on
from frontdoor.reporting.child_ids import child_unique_id

CHILD = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)")
DISABILITY = ("Does the Child have a Disability",)
ALLOCATED = ("Allocated Team", "Allocated Worker")


@dataclass(frozen=True)
class Window:
    period_end: date

    @property
    def start(self) -> date:
        """The window's first day: six months ending on the period end (31 March -> 1 October)."""
        return codes.months_before(self.period_end, 6) + timedelta(days=1)

    def by_end(self, day: date | None) -> date | None:
        """The date, if it had come by the period end; what came later is left blank."""
        return day if day and day <= self.period_end else None

    @property
    def year_before(self) -> date:
        return codes.months_before(self.period_end, 12)

    @property
    def period(self) -> dict:
        """The window as the period selectors take it."""
        return {"first": self.start, "last": self.period_end}

    @property
    def twelve_months(self) -> dict:
        """The 12 months up to and including the period end (Annex A's 'in the last 12 months')."""
        return {"first": self.year_before + timedelta(days=1), "last": self.period_end}


@dataclass
class AnnexAList:
    number: int
    title: str
    slug: str
    headers: tuple[str, ...]
    rows: list[list] = field(default_factory=list)
    people: list = field(default_factory=list)  # the records read, for the access log

    @property
    def filename(self) -> str:
        return f"list-{self.number}-{self.slug}.csv"


def _child_cells(*, person, contact_child, on: date, disability: bool) -> list:
    """The columns every list starts with, from the person index or, unlinked, the contact child."""
    child = person or contact_child
    cells = [child_unique_id(person_id=person.pk if person else None,
                             contact_child_id=contact_child.pk if contact_child else None,
                             prefix=settings.FRONTDOOR_CENSUS_CHILD_ID_PREFIX),
             codes.gender_cell(child.sex), codes.ethnicity_cell(getattr(person, "ethnicity", None)),
             child.date_of_birth,
             codes.age_in_years(child.date_of_birth, on)]
    return cells + ([codes.disability_cell(getattr(person, "disabilities", None))] if disability else [])


def _episode_child(episode: Episode, window: Window, *, disability: bool = True) -> list:
    return _child_cells(person=episode.person, contact_child=episode.contact_child, on=window.period_end,
                        disability=disability)


def _allocated(episode: Episode) -> list:
    worker = episode.allocated_to
    return [episode.team.name if episode.team else "", worker.get_full_name() if worker else ""]


def _subject(episode: Episode):
    return episode.person or episode.contact_child


def _child_key(person_id, contact_child_id) -> tuple:
    """One child across records: by person, or by contact child when the child is unlinked."""
    return ("person", person_id) if person_id else ("contact_child", contact_child_id)


def _per_child_counts(queryset, via: str = "episode__") -> Counter:
    """How many of `queryset`'s records each child has, in one query (not one per row)."""
    counted = queryset.values(f"{via}person_id", f"{via}contact_child_id").annotate(n=Count("pk"))
    return Counter({_child_key(r[f"{via}person_id"], r[f"{via}contact_child_id"]): r["n"] for r in counted})


def contacts(window: Window) -> AnnexAList:
    result = AnnexAList(1, "Contacts", "contacts", CHILD + ("Date of Contact", "Contact Source"))
    start = timezone.make_aware(timezone.datetime.combine(window.start, timezone.datetime.min.time()))
    end = timezone.make_aware(timezone.datetime.combine(window.period_end + timedelta(days=1),
                                                        timezone.datetime.min.time()))
    children = (ContactChild.objects.filter(contact__received_at__gte=start, contact__received_at__lt=end)
                .select_related("contact__referrer_agency", "person").order_by("contact__received_at"))
    for child in children:
        source = contact_census_source(child.contact)
        result.rows.append(_child_cells(person=child.person, contact_child=child, on=window.period_end,
                                        disability=False)
                           + [timezone.localdate(child.contact.received_at), codes.SOURCE[source]])
        result.people.append(child.contact)
    return result


def _organisation(offer: EarlyHelpOffer) -> str:
    membership = getattr(offer.lead_professional, "membership", None)
    return membership.agency.name if membership else ""


def early_help(window: Window) -> AnnexAList:
    """Early help assessments started by the period end whose family's early help was still open in
    the window: those done in it and the interventions under way."""
    result = AnnexAList(2, "Early help", "early-help", CHILD + (
        "Assessment start date", "Assessment completion date", "Organisation completing assessment"))
    found = (EarlyHelpOffer.objects.filter(eha_started_on__lte=window.period_end)
             .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=window.start))
             .select_related("person", "contact_child", "lead_professional__membership__agency")
             .order_by("eha_started_on"))
    for offer in found:
        result.rows.append(_child_cells(person=offer.person, contact_child=offer.contact_child, on=window.period_end,
                                        disability=False)
                           + [offer.eha_started_on, window.by_end(offer.eha_completed_on), _organisation(offer)])
        result.people.append(offer.person or offer.contact_child)
    return result


def _with_row_details(episodes):
    """The episodes with what a row says of the child and who is allocated, in the same query."""
    return episodes.select_related("person", "contact_child", "team", "allocated_to")


def referrals(window: Window) -> AnnexAList:
    result = AnnexAList(3, "Referrals", "referrals", CHILD + (
        "Date of Referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months") + ALLOCATED)
    dates = defaultdict(list)  # each child's referral dates, for the 12 months before each referral
    for person_id, contact_child_id, day in periods.referrals_in(
            first=codes.months_before(window.start, 12) + timedelta(days=1), last=window.period_end
    ).values_list("person_id", "contact_child_id", "referral_date"):
        dates[_child_key(person_id, contact_child_id)].append(day)
    found = _with_row_details(periods.with_further_action(periods.referrals_in(**window.period), by=window.period_end))
    for episode in found.order_by("referral_date"):
        nfa = window.by_end(episode.closed_on) is not None and not episode.further_action
        since = codes.months_before(episode.referral_date, 12)
        earlier = [d for d in dates[_child_key(episode.person_id, episode.contact_child_id)]
                   if since < d <= episode.referral_date]
        result.rows.append(_episode_child(episode, window, disability=False) + [
            episode.referral_date, codes.SOURCE[episode.source], codes.yes_no(nfa), len(earlier)]
            + _allocated(episode))
        result.people.append(_subject(episode))
    return result


def _assessment_outcome(assessment: Assessment) -> str:
    if not assessment.outcome:
        return ""
    return codes.yes_no(assessment.outcome in (Assessment.Outcome.CIN_PLAN, Assessment.Outcome.STRATEGY_DISCUSSION))


def assessments(window: Window) -> AnnexAList:
    result = AnnexAList(4, "Assessments", "assessments", CHILD + DISABILITY + (
        "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?") + ALLOCATED)
    found = (periods.assessments_open_in(**window.period)
             .select_related("episode__person", "episode__contact_child", "episode__team", "episode__allocated_to")
             .order_by("started_on"))
    for assessment in found:
        episode = assessment.episode
        # Whether the child was seen is not recorded on the assessment yet.
        result.rows.append(_episode_child(episode, window) + [
            assessment.started_on, codes.UNKNOWN, assessment.authorised_on, _assessment_outcome(assessment)]
            + _allocated(episode))
        result.people.append(_subject(episode))
    return result


def _conference_of(enquiry: Section47Enquiry):
    try:
        return enquiry.initial_conference
    except InitialChildProtectionConference.DoesNotExist:
        return None


def _s47_cells(enquiry: Section47Enquiry) -> list:
    conference = _conference_of(enquiry)
    held = conference.held_on if conference else None
    decided = conference.decision if conference and conference.decision else None
    unnecessary = None if not enquiry.outcome else enquiry.icpc_not_required
    return [enquiry.started_on, codes.yes_no(unnecessary), held,
            codes.yes_no(None if decided is None else decided == InitialChildProtectionConference.Decision.PLAN)]


def _s47_counts(window: Window):
    """Each child's enquiries and conferences in the 12 months to the period end (this one included)."""
    enquiries = _per_child_counts(periods.section_47s_started_in(**window.twelve_months))
    conferences = _per_child_counts(periods.initial_conferences_held_in(**window.twelve_months))

    def counts(episode: Episode) -> list:
        key = _child_key(episode.person_id, episode.contact_child_id)
        return [enquiries[key], conferences[key]]
    return counts


def section_47s(window: Window) -> AnnexAList:
    result = AnnexAList(5, "Section 47 enquiries", "section-47", CHILD + DISABILITY + (
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months") + ALLOCATED)
    found = (periods.section_47s_open_in(**window.period)
             .select_related("episode__person", "episode__contact_child", "episode__team", "episode__allocated_to",
                             "initial_conference")
             .order_by("started_on"))
    counts = _s47_counts(window)
    for enquiry in found:
        result.rows.append(_episode_child(enquiry.episode, window) + _s47_cells(enquiry) + counts(enquiry.episode)
                           + _allocated(enquiry.episode))
        result.people.append(_subject(enquiry.episode))
    return result


def _on_plans_at_end(window: Window) -> tuple[set, set]:
    """The episodes with a child protection plan, and those with a child in need plan, open at the period end."""
    return tuple({plan.episode_id for plan in plans.only("episode_id", "started_on", "ended_on")
                  if open_on(plan, window.period_end)}
                 for plans in (periods.cp_plans_open_in(**window.period), periods.cin_plans_open_in(**window.period)))


def _case_status(episode: Episode, window: Window, on_plans: tuple[set, set]) -> str:
    if episode.closed_on and episode.closed_on <= window.period_end:
        return codes.CASE_STATUS["closed"]
    on_cp_plan, on_cin_plan = on_plans
    if episode.pk in on_cp_plan:
        return codes.CASE_STATUS["cp_plan"]
    if episode.pk in on_cin_plan:
        return codes.CASE_STATUS["cin_plan"]
    return codes.CASE_STATUS["open_assessment"]


def children_in_need(window: Window) -> AnnexAList:
    result = AnnexAList(6, "Children in need", "children-in-need", CHILD + DISABILITY + (
        "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure",
        "Case Status") + ALLOCATED)
    # Referral-only episodes (closed with no assessment) are not children in need (Annex A list 6).
    found = (_with_row_details(periods.episodes_open_in(**window.period)).filter(assessments__isnull=False)
             .distinct().order_by("referral_date"))
    on_plans = _on_plans_at_end(window)
    for episode in found:
        closed = window.by_end(episode.closed_on)
        # Visits are not recorded yet, so the date the child was last seen is blank.
        result.rows.append(_episode_child(episode, window) + [
            episode.referral_date, codes.PRIMARY_NEED[episode.primary_need], None, closed,
            codes.CLOSURE_REASON[episode.closure_reason] if closed else "", _case_status(episode, window, on_plans)]
            + _allocated(episode))
        result.people.append(_subject(episode))
    return result


def _latest_review(plan: ChildProtectionPlan, window: Window) -> date | None:
    held = [r.held_on for r in plan.reviews.all() if r.held_on and r.held_on <= window.period_end]
    return max(held, default=None)


def _last_visit(plan: ChildProtectionPlan, window: Window) -> list:
    """The last statutory visit by the period end and whether the child was seen alone at it."""
    visits = [v for v in plan.visits.all() if v.visited_on <= window.period_end]  # ordered by date
    return [visits[-1].visited_on, codes.yes_no(visits[-1].seen_alone)] if visits else [None, ""]


def _protected_in(window: Window) -> set:
    """The children subject to an emergency protection order or police protection in the window."""
    return {_child_key(person_id, contact_child_id) for person_id, contact_child_id in Section47Enquiry.objects.filter(
        emergency_protection_on__range=(window.start, window.period_end)).values_list("episode__person_id", "episode__contact_child_id")}


def child_protection(window: Window) -> AnnexAList:
    result = AnnexAList(7, "Child protection", "child-protection", CHILD + DISABILITY + (
        "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
        "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
        "Child Protection Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        "Number of Previous Child Protection Plans") + ALLOCATED)
    found = (periods.cp_plans_open_in(**window.period)
             .select_related("episode__person", "episode__contact_child", "episode__team", "episode__allocated_to")
             .prefetch_related("reviews", "visits").order_by("started_on"))
    protected = _protected_in(window)
    for plan in found:
        episode = plan.episode
        result.rows.append(_episode_child(episode, window) + [
            plan.started_on, codes.ABUSE_CATEGORY[plan.initial_category], codes.ABUSE_CATEGORY[plan.latest_category],
            *_last_visit(plan, window), _latest_review(plan, window), window.by_end(plan.ended_on),
            codes.yes_no(_child_key(episode.person_id, episode.contact_child_id) in protected), plan.previous_plans]
            + _allocated(episode))
        result.people.append(_subject(episode))
    return result


BUILDERS = (contacts, early_help, referrals, assessments, section_47s, children_in_need, child_protection)


def annex_a_lists(*, period_end: date) -> list[AnnexAList]:
    """Lists 1 to 7 for the six months before `period_end`, in the template's order."""
    window = Window(period_end)
    return [build(window) for build in BUILDERS]
