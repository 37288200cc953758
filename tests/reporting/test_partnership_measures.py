"""Issue 14 item 4's measures, hand-worked around their boundaries. Good Friday (26 March 2027) and
Easter Monday (29 March 2027) are bank holidays: 15 working days after Monday 22 March 2027 is
Wednesday 14 April 2027 (23, 24, 25, 30, 31 March, 1, 2, 5-9, 12, 13, 14 April)."""
from datetime import date, timedelta

import pytest

from frontdoor.reporting import partnership_measures as pm

APRIL_2027 = pm.Window(date(2027, 4, 1), date(2027, 4, 30), date(2027, 4, 30))


def _measures(data: pm.Data, window: pm.Window = APRIL_2027) -> dict[str, pm.Measure]:
    return {m.id: m for m in pm.all_measures(data, window)}


def _plan(key, started_on, ended_on=None, category="NEG", child="child", **kwargs) -> pm.Plan:
    return pm.Plan(key, child, started_on, ended_on, category, kwargs.pop("previous_plans", 0), **kwargs)


def test_referrals_count_the_referral_dates_in_the_period_only():
    data = pm.Data(referrals=[pm.Referral(n, None, day, False, False, False) for n, day in enumerate(
        (date(2027, 3, 31), date(2027, 4, 1), date(2027, 4, 30), date(2027, 5, 1)))])
    assert _measures(data)["referrals"].keys == (1, 2)


def test_a_conference_on_the_15th_working_day_is_in_time_and_on_the_16th_is_not():
    s47_start = date(2027, 3, 22)  # the strategy discussion, before Easter
    data = pm.Data(conferences=[pm.Conference("15th", s47_start, date(2027, 4, 14)),
                                pm.Conference("16th", s47_start, date(2027, 4, 15))])
    measures = _measures(data)
    assert measures["icpc_held"].numerator == 2
    within = measures["icpc_within_15wd_pct"]
    assert (within.numerator, within.denominator, within.value) == (1, 2, 50.0)
    assert within.keys == ("15th",) and within.others == ("16th",)
    assert within.others_label == "ICPCs not within 15 working days"


def test_a_conference_held_before_the_period_is_not_counted_even_when_its_enquiry_started_in_it():
    data = pm.Data(conferences=[pm.Conference("march", date(2027, 3, 1), date(2027, 3, 31))])
    assert _measures(data)["icpc_held"].numerator == 0
    assert _measures(data)["icpc_within_15wd_pct"].value is None


def test_assessments_within_45_working_days_counts_the_bank_holidays_out():
    started = date(2027, 1, 26)  # 45 working days on, past Good Friday and Easter Monday: 1 April 2027
    data = pm.Data(assessments=[pm.Assessment("on-day", started, date(2027, 4, 1)),
                                pm.Assessment("a-day-late", started, date(2027, 4, 2)),
                                pm.Assessment("last-period", started, date(2027, 3, 31))])
    measures = _measures(data)
    assert measures["assessments_completed"].keys == ("on-day", "a-day-late")
    assert measures["assessments_within_45wd_pct"].value == 50.0


def test_three_in_time_of_seven_rounds_to_one_decimal_place():
    data = pm.Data(conferences=[pm.Conference(n, date(2027, 4, 1), date(2027, 4, 5 if n < 3 else 29))
                                for n in range(7)])
    assert _measures(data)["icpc_within_15wd_pct"].value == 42.9


def test_section_47_enquiries_started_count_their_start_dates():
    data = pm.Data(enquiries=[pm.Enquiry("in", date(2027, 4, 1), None), pm.Enquiry("before", date(2027, 3, 31),
                                                                                    date(2027, 4, 2))])
    assert _measures(data)["s47_started"].keys == ("in",)


def test_a_plan_ending_on_the_period_end_is_not_open_at_it_and_one_ending_the_day_after_is():
    data = pm.Data(plans=[_plan("ends-on-end", date(2027, 1, 10), date(2027, 4, 30)),
                          _plan("ends-after", date(2027, 1, 10), date(2027, 5, 1)),
                          _plan("starts-on-end", date(2027, 4, 30)), _plan("starts-after", date(2027, 5, 1))])
    measures = _measures(data)
    assert set(measures["cp_plans_open_at_period_end"].keys) == {"ends-after", "starts-on-end"}
    assert measures["cp_plans_started"].keys == ("starts-on-end",)


def test_a_year_to_date_counts_plans_open_today():
    today = date(2027, 4, 20)
    window = pm.Window(date(2027, 4, 1), date(2028, 3, 31), today)
    data = pm.Data(plans=[_plan("ended", date(2027, 1, 10), date(2027, 4, 19)), _plan("open", date(2027, 1, 10)),
                          _plan("future", date(2027, 4, 21))])
    assert _measures(data, window)["cp_plans_open_at_period_end"].keys == ("open",)


@pytest.mark.parametrize(("suffix", "code"), [(s, c) for s, c, _ in pm.CATEGORIES])
def test_plans_started_by_initial_category(suffix, code):
    data = pm.Data(plans=[_plan(code, date(2027, 4, 2), category=code), _plan("other", date(2027, 4, 2),
                                                                             category="XXX")])
    assert _measures(data)[f"cp_plans_started_{suffix}"].keys == (code,)


def test_cin_plans_started_count_their_start_dates():
    data = pm.Data(cin_plans=[pm.CinPlan("in", date(2027, 4, 30), None), pm.CinPlan("out", date(2027, 3, 31), None)])
    measures = _measures(data)
    assert measures["cin_plans_started"].keys == ("in",)
    assert set(measures["cin_plans_open_at_period_end"].keys) == {"in", "out"}


def test_re_referral_within_12_months_to_the_day():
    data = pm.Data(referrals=[pm.Referral("first", "ann", date(2026, 4, 10), False, False, False),
                              pm.Referral("again", "ann", date(2027, 4, 10), False, False, False),
                              pm.Referral("old", "bob", date(2026, 4, 9), False, False, False),
                              pm.Referral("late", "bob", date(2027, 4, 10), False, False, False)])
    re_referrals = _measures(data)["re_referrals_12m_pct"]
    assert (re_referrals.keys, re_referrals.denominator) == (("again",), 2)


def test_second_plan_within_18_months_and_ever():
    data = pm.Data(plans=[_plan("earlier", date(2025, 1, 6), date(2025, 10, 29), child="ann"),
                          _plan("ann-again", date(2027, 4, 30), child="ann"),
                          _plan("bob-again", date(2027, 4, 5), child="bob", previous_plans=1)])
    measures = _measures(data)
    assert measures["second_plans_within_18m_pct"].keys == ()  # ann's plan ended 18 months and a day before
    assert set(measures["second_plans_ever_pct"].keys) == {"ann-again", "bob-again"}
    data.plans[0] = _plan("earlier", date(2025, 1, 6), date(2025, 10, 30), child="ann")  # 18 months to the day
    assert _measures(data)["second_plans_within_18m_pct"].keys == ("ann-again",)


def test_plans_reviewed_in_timescale():
    # Started 11 January 2027: first review due by 9 April 2027 (11 April is a Sunday).
    on_time = _plan("on-time", date(2027, 1, 11), reviews=(date(2027, 4, 9),))
    late = _plan("late", date(2027, 1, 11), reviews=(date(2027, 4, 12),))
    overdue = _plan("overdue", date(2027, 1, 11))
    too_new = _plan("too-new", date(2027, 2, 1))
    reviewed = _measures(pm.Data(plans=[on_time, late, overdue, too_new]))["plans_reviewed_in_timescale_pct"]
    assert (reviewed.keys, set(reviewed.others)) == (("on-time",), {"late", "overdue"})


def test_plans_ended_after_two_years_or_more():
    data = pm.Data(plans=[_plan("two-years", date(2025, 4, 30), date(2027, 4, 30)),
                          _plan("a-day-short", date(2025, 5, 1), date(2027, 4, 30))])
    assert _measures(data)["plans_ended_lasting_2y_plus_pct"].keys == ("two-years",)


def test_plans_open_by_age_band_sex_disability_and_per_10000():
    facts = [pm.Child(date(2026, 5, 1), "female", False), pm.Child(date(2026, 4, 30), "male", True),
             pm.Child(date(2011, 4, 30), "female", None), pm.Child(None, "unknown", None)]
    plans = [_plan(n, date(2027, 4, 2), facts=f, child=n) for n, f in enumerate(facts)]
    measures = _measures(pm.Data(plans=plans, child_population=20_000))
    assert measures["cp_plans_open_age_under_1"].keys == (0,)
    assert measures["cp_plans_open_age_1_4"].keys == (1,)  # one on the period end
    assert measures["cp_plans_open_age_16_plus"].keys == (2,)
    assert measures["cp_plans_open_age_unknown"].keys == (3,)
    assert measures["cp_plans_open_sex_female"].keys == (0, 2)
    assert measures["cp_plans_open_disabled"].keys == (1,)
    assert measures["cp_plans_open_disability_not_recorded"].keys == (2, 3)
    assert measures["cp_plans_open_per_10000"].value == 2.0


def test_no_population_configured_gives_no_rate_per_10000():
    assert "cp_plans_open_per_10000" not in _measures(pm.Data(plans=[_plan("p", date(2027, 4, 2))]))


def test_early_help_by_lead_agency_and_domestic_abuse_and_marac():
    data = pm.Data(
        early_help_assessments=[pm.EarlyHelp("e1", date(2027, 4, 2), "Cherry Tree School"),
                                pm.EarlyHelp("e2", date(2027, 3, 2), "Cherry Tree School")],
        tac_meetings=[pm.EarlyHelp("t1", date(2027, 4, 2), "Health visiting")],
        notifications=[pm.DaNotification("n1", date(2027, 4, 2), "high", True),
                       pm.DaNotification("n2", date(2027, 4, 3), "", False)],
        marac_referrals=[pm.MaracReferral("m0", "v", date(2026, 5, 1), False),
                         pm.MaracReferral("m1", "v", date(2027, 4, 30), False),
                         pm.MaracReferral("m2", "w", date(2027, 4, 2), True)],
        marac_cases=[pm.MaracCase("c0", "v", date(2026, 6, 1), False, False),
                     pm.MaracCase("c1", "v", date(2027, 4, 30), False, True),
                     pm.MaracCase("c2", "w", date(2027, 4, 2), True, False),
                     pm.MaracCase("c3", "w", date(2027, 5, 3), True, False)])
    measures = _measures(data)
    assert measures["early_help_assessments_cherry_tree_school"].keys == ("e1",)
    assert measures["tac_meetings_health_visiting"].numerator == 1
    assert measures["da_notifications_high"].keys == ("n1",)
    assert measures["da_notifications_not_graded"].keys == ("n2",)
    assert measures["da_incidents_young_people_10_17"].keys == ("n1",)
    assert measures["marac_referrals_under_18"].keys == ("m2",)
    assert measures["marac_repeat_referrals_pct"].keys == ("m1",)
    assert measures["marac_cases"].keys == ("c1", "c2")  # c0 before the month and c3 after it are not counted
    assert measures["marac_cases_victim_under_18"].keys == ("c2",)
    assert measures["marac_cases_perpetrator_under_18"].keys == ("c1",)
    assert measures["marac_repeat_cases_pct"].keys == ("c1",)  # c0 was within 12 months before it


def test_month_windows_stop_at_today_and_the_last_month_is_counted_to_the_period_end():
    months = pm.month_windows(date(2027, 4, 1), date(2028, 3, 31), date(2027, 6, 15))
    assert [(w.first, w.last, w.as_of) for w in months][-1] == (date(2027, 6, 1), date(2027, 6, 30), date(2027, 6, 15))
    assert len(months) == 3


def test_ages():
    assert pm.age_on(date(2010, 2, 28), date(2027, 2, 27)) == 16
    assert pm.age_band(date(2010, 2, 28), date(2027, 2, 28)) == "16_plus"


def test_the_months_count_as_each_month_would_on_its_own():
    year = pm.Window(date(2026, 4, 1), date(2027, 3, 31), date(2027, 3, 31))
    days = [date(2026, 4, 1) + timedelta(days=n * 17) for n in range(22)]
    data = pm.Data(
        referrals=[pm.Referral(n, n % 5, d, False, False, False) for n, d in enumerate(days)],
        assessments=[pm.Assessment(n, d, d + timedelta(days=40 + n)) for n, d in enumerate(days)],
        enquiries=[pm.Enquiry(n, d, None) for n, d in enumerate(days)],
        conferences=[pm.Conference(n, d, d + timedelta(days=18 + n % 8)) for n, d in enumerate(days)],
        plans=[_plan(n, d, d + timedelta(days=60) if n % 2 else None, category=pm.CATEGORIES[n % 5][1])
               for n, d in enumerate(days)],
        cin_plans=[pm.CinPlan(n, d, None) for n, d in enumerate(days)])
    windows = pm.month_windows(year.first, year.last, year.as_of)
    assert len(windows) == 12
    assert pm.journey_by_month(data, windows) == [(w, pm.journey_measures(data, w)) for w in windows]
