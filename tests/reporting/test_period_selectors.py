"""One definition per figure (issue 14 item 4): on one hand-built year, each of item 4's figures counts the
same records as the CIN census's elements and Annex A's rows, because all three select them through
`reporting.period_selectors`. The boundaries are worked by hand below."""
from datetime import date, timedelta

import pytest

from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.models import Assessment, ChildInNeedPlan, Episode, InitialChildProtectionConference, Section47Enquiry
from frontdoor.people.models import Person
from frontdoor.reporting import partnership_measures as pm
from frontdoor.reporting.annex_a import Window, annex_a_lists
from frontdoor.reporting.child_ids import child_unique_id
from frontdoor.reporting.cin_census import cin_census_build
from frontdoor.reporting.partnership import partnership_data, partnership_figures
from tests.reporting import journeys

pytestmark = pytest.mark.django_db
PERIOD_END = date(2026, 3, 31)
YEAR = pm.Window(date(2025, 4, 1), PERIOD_END, PERIOD_END)  # the census year
SIX_MONTHS = pm.Window(Window(PERIOD_END).start, PERIOD_END, PERIOD_END)  # Annex A's, from 1 October 2025
TODAY = date(2026, 6, 1)
STRATEGY_DISCUSSION = date(2025, 12, 15)  # a Monday
# 15 working days on: Christmas Day, Boxing Day and New Year's Day 2026 are bank holidays, so the
# 15th working day is Thursday 8 January and the 16th Friday 9 January.
ICPC_ON_15TH, ICPC_ON_16TH = date(2026, 1, 8), date(2026, 1, 9)
ASSESSMENT_STARTED = date(2025, 12, 1)  # a Monday
# 45 working days on, the same three bank holidays between: Thursday 5 February 2026, the 46th Friday 6 February.
AUTHORISED_ON_45TH, AUTHORISED_ON_46TH = date(2026, 2, 5), date(2026, 2, 6)


def test_the_hand_worked_deadlines_are_the_calendars():
    assert add_working_days(STRATEGY_DISCUSSION, 15) == ICPC_ON_15TH
    assert add_working_days(ASSESSMENT_STARTED, 45) == AUTHORISED_ON_45TH


@pytest.fixture
def year(db):
    """Priya's conference on the 15th working day after her strategy discussion and Sam's on the 16th, Sam's
    plan ending on the period end; Cai's assessment authorised on the 45th working day and Dan's on the 46th,
    each then on a child in need plan; Nora referred in June (in the census year, before Annex A's window)
    and closed with no further action."""
    staff = journeys.Staff.make()
    priya, sam = journeys.protection_plan_child(staff), journeys.protection_plan_child(staff)
    journeys.protection_dated(priya, referral=date(2025, 12, 12), s47=STRATEGY_DISCUSSION, icpc=ICPC_ON_15TH,
                              ended=None)
    journeys.protection_dated(sam, referral=date(2025, 12, 12), s47=STRATEGY_DISCUSSION, icpc=ICPC_ON_16TH,
                              ended=PERIOD_END)
    cai, dan = journeys.cin_plan_child(staff), journeys.cin_plan_child(staff)
    journeys.assessment_dated(cai, referral=date(2025, 11, 28), started=ASSESSMENT_STARTED,
                              authorised=AUTHORISED_ON_45TH)
    journeys.assessment_dated(dan, referral=date(2025, 11, 28), started=ASSESSMENT_STARTED,
                              authorised=AUTHORISED_ON_46TH)
    Person.objects.filter(pk=sam.episode.person_id).update(given_name="Sam")
    Person.objects.filter(pk=dan.person_id).update(given_name="Dan")
    nora = journeys.nfa_child(staff)
    Episode.objects.filter(pk=nora.pk).update(referral_date=date(2025, 6, 2), closed_on=date(2025, 6, 3))
    return {"priya": priya, "sam": sam, "cai": cai, "dan": dan, "nora": nora}


def _figures(window: pm.Window) -> dict:
    return {m.id: m for m in pm.journey_measures(partnership_data(window), window)}


def _census_steps():
    census = cin_census_build(reference_date=PERIOD_END, today=TODAY)
    episodes = [episode for child in census.children for episode in child.episodes]
    return census, episodes


def _counted(figures: dict) -> dict:
    return {measure_id: (m.numerator, m.denominator) for measure_id, m in figures.items()
            if measure_id in EXPECTED}


EXPECTED = {
    "referrals": (5, None), "assessments_completed": (2, None), "assessments_within_45wd_pct": (1, 2),
    "s47_started": (2, None), "icpc_held": (2, None), "icpc_within_15wd_pct": (1, 2),
    "cp_plans_started": (2, None), "cp_plans_started_neg": (2, None), "cp_plans_open_at_period_end": (1, None),
    "cin_plans_started": (2, None),
}


def test_the_years_figures_are_the_hand_worked_counts(year):
    figures = {m.id: m for m in partnership_figures(period_end=PERIOD_END, today=TODAY, by_month=False).measures}
    assert _counted(figures) == EXPECTED
    assert figures["icpc_within_15wd_pct"].others == (str(year["sam"].initial_conference_id),)
    assert figures["assessments_within_45wd_pct"].others == (str(year["dan"].assessments.get().pk),)
    assert figures["cp_plans_open_at_period_end"].keys == (str(year["priya"].pk),)  # Sam's ended on the period end


def test_the_census_has_an_element_for_each_record_the_years_figures_count(year):
    figures = _figures(YEAR)
    census, episodes = _census_steps()
    assessments = [a for e in episodes for a in e.assessments if YEAR.holds(a.authorised_on)]
    enquiries = [s for e in episodes for s in e.section_47s if YEAR.holds(s.started_on)]
    conferences = [s for e in episodes for s in e.section_47s if YEAR.holds(s.icpc_on)]
    plans = [p for e in episodes for p in e.plans if YEAR.holds(p.started_on)]
    counted = {
        "referrals": (sum(YEAR.holds(e.referral_date) for e in episodes), None),
        "assessments_completed": (len(assessments), None),
        "assessments_within_45wd_pct": (sum(a.authorised_on <= AUTHORISED_ON_45TH for a in assessments),
                                        len(assessments)),
        "s47_started": (len(enquiries), None),
        "icpc_held": (len(conferences), None),
        "icpc_within_15wd_pct": (sum(s.icpc_on <= ICPC_ON_15TH for s in conferences), len(conferences)),
        "cp_plans_started": (len(plans), None),
        "cp_plans_started_neg": (sum(p.initial_category == "NEG" for p in plans), None),
        "cp_plans_open_at_period_end": (sum(p.ended_on is None for p in plans), None),
        "cin_plans_started": (sum(YEAR.holds(p.started_on) for e in episodes for p in e.cin_plans), None),
    }
    assert counted == _counted(figures) == EXPECTED
    assert len(census.children) == 5 and [e.nfa for e in episodes].count(True) == 1  # Nora


def _rows(lists, number: int) -> list[dict]:
    [found] = [lst for lst in lists if lst.number == number]
    return [dict(zip(found.headers, row)) for row in found.rows]


def test_annex_a_has_a_row_for_each_record_the_windows_figures_count(year):
    figures = _figures(SIX_MONTHS)
    lists = annex_a_lists(period_end=PERIOD_END)
    referrals, assessments, enquiries = (_rows(lists, n) for n in (3, 4, 5))
    plans = [r for r in _rows(lists, 7) if SIX_MONTHS.holds(r["Child Protection Plan Start Date"])]
    authorised = [d for r in assessments if SIX_MONTHS.holds(d := r["Continuous Assessment Date of Authorisation"])]
    held = [d for r in enquiries if SIX_MONTHS.holds(d := r["Date of Initial Child Protection Conference"])]
    started = [r for r in enquiries if SIX_MONTHS.holds(r["Strategy discussion initiating Section 47 Enquiry Start Date"])]
    counted = {
        "referrals": (len(referrals), None),
        "assessments_completed": (len(authorised), None),
        "assessments_within_45wd_pct": (sum(day <= AUTHORISED_ON_45TH for day in authorised), len(authorised)),
        "s47_started": (len(started), None),
        "icpc_held": (len(held), None),
        "icpc_within_15wd_pct": (sum(day <= ICPC_ON_15TH for day in held), len(held)),
        "cp_plans_started": (len(plans), None),
        "cp_plans_started_neg": (sum(r["Initial Category of Abuse"] == "a) Neglect" for r in plans), None),
        "cp_plans_open_at_period_end": (sum(r["Child Protection Plan End Date"] is None for r in _rows(lists, 7)), None),
        "cin_plans_started": (sum(r["Case Status"] == "c) Child in need plan" for r in _rows(lists, 6)), None),
    }
    assert counted == _counted(figures) == {**EXPECTED, "referrals": (4, None)}  # Nora's referral was in June


def test_an_enquiry_completed_before_the_window_whose_conference_is_in_it_is_in_the_census_and_annex_a(year):
    """A section 47 is open until its last step, its conference when one is booked."""
    enquiry = Section47Enquiry.objects.get(episode=year["priya"].episode)
    Section47Enquiry.objects.filter(pk=enquiry.pk).update(started_on=date(2025, 9, 15), completed_on=date(2025, 9, 30))
    InitialChildProtectionConference.objects.filter(pk=year["priya"].initial_conference_id).update(
        held_on=date(2025, 10, 1))
    [row] = [r for r in _rows(annex_a_lists(period_end=PERIOD_END), 5)
             if r["Strategy discussion initiating Section 47 Enquiry Start Date"] == date(2025, 9, 15)]
    assert row["Date of Initial Child Protection Conference"] == date(2025, 10, 1)
    Section47Enquiry.objects.filter(pk=enquiry.pk).update(started_on=date(2025, 3, 3), completed_on=date(2025, 3, 20))
    InitialChildProtectionConference.objects.filter(pk=year["priya"].initial_conference_id).update(
        held_on=date(2025, 3, 31))
    _, episodes = _census_steps()
    assert sorted(s.started_on for e in episodes for s in e.section_47s) == [STRATEGY_DISCUSSION]  # Sam's only


def test_an_assessment_under_way_all_through_the_window_is_in_annex_a_list_4(year):
    Assessment.objects.filter(episode=year["dan"]).update(started_on=date(2025, 9, 1), authorised_on=None)
    ChildInNeedPlan.objects.filter(episode=year["dan"]).delete()
    rows = _rows(annex_a_lists(period_end=PERIOD_END), 4)
    assert [(r["Continuous Assessment Start Date"], r["Continuous Assessment Date of Authorisation"]) for r in rows] \
        == [(date(2025, 9, 1), None), (ASSESSMENT_STARTED, AUTHORISED_ON_45TH)]


def test_the_census_leaves_out_an_assessment_started_after_its_last_day(year):
    Assessment.objects.filter(episode=year["dan"]).update(started_on=date(2026, 4, 1), authorised_on=None)
    _, episodes = _census_steps()
    assert [a.started_on for e in episodes for a in e.assessments] == [ASSESSMENT_STARTED]


def _nfa(year: dict) -> dict[str, tuple[bool, str]]:
    """Each child's census ReferralNFA beside Annex A list 3's "Referral NFA?", by name."""
    census = cin_census_build(reference_date=PERIOD_END, today=TODAY)
    annex_a = {r["Child Unique ID"]: r["Referral NFA?"] for r in _rows(annex_a_lists(period_end=PERIOD_END), 3)}
    found = {}
    for child in census.children:
        person = census.people[child.la_child_id]
        found[person.given_name] = (child.episodes[0].nfa, annex_a.get(child_unique_id(person_id=person.pk)))
    return found


def test_referral_nfa_is_closed_by_the_period_end_with_nothing_done_in_the_census_and_annex_a(year):
    """A section 47 and a plan are further action without an assessment; a closure after the period end
    had not happened at it."""
    Episode.objects.filter(pk=year["nora"].pk).update(referral_date=date(2026, 1, 5), closed_on=date(2026, 4, 1))
    Episode.objects.filter(pk=year["priya"].episode_id).update(closed_on=date(2026, 3, 30), closure_reason="RC7")
    assert _nfa(year) == {"Priya": (False, "b) No"), "Sam": (False, "b) No"), "Cai": (False, "b) No"),
                          "Dan": (False, "b) No"), "Nora": (False, "b) No")}
    Episode.objects.filter(pk=year["nora"].pk).update(closed_on=date(2026, 1, 6))
    assert _nfa(year)["Nora"] == (True, "a) Yes")


@pytest.mark.parametrize("referred, in_year, in_window", [
    (date(2025, 3, 31), 4, 4), (date(2025, 4, 1), 5, 4), (date(2025, 9, 30), 5, 4), (date(2025, 10, 1), 5, 5)])
def test_a_referral_on_the_first_day_of_the_year_or_the_window_is_in_it_and_one_the_day_before_is_not(
        year, referred, in_year, in_window):
    Episode.objects.filter(pk=year["nora"].pk).update(referral_date=referred, closed_on=referred + timedelta(days=1))
    _, episodes = _census_steps()
    assert _figures(YEAR)["referrals"].numerator == sum(YEAR.holds(e.referral_date) for e in episodes) == in_year
    assert _figures(SIX_MONTHS)["referrals"].numerator == len(_rows(annex_a_lists(period_end=PERIOD_END), 3)) \
        == in_window
