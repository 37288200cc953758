"""The Dash risk checklist tool and the MARAC referral criteria around it."""
import pytest

from frontdoor.screening.dash import dash_marac_criteria
from frontdoor.screening.engine import ScreeningInputError, evaluate, load_tool

DASH = load_tool("dash")


def yes_to(count: int) -> dict[str, bool]:
    return {f"q{n}": n <= count for n in range(1, 25)}


def test_checklist_has_24_questions_with_stable_ids():
    assert [q.id for q in DASH.indicators] == [f"q{n}" for n in range(1, 25)]
    assert DASH.factor("q1").text == "Has the current incident resulted in injury?"
    assert DASH.factor("q14").text == (
        "Has (……) ever threatened to kill you or someone else and you believed them?")


@pytest.mark.parametrize(("yes", "grade"), [(14, "high"), (24, "high"), (13, "below_threshold"), (0, "below_threshold")])
def test_fourteen_or_more_yes_answers_is_visible_high_risk(yes, grade):
    suggestion = evaluate(DASH, {"dash_answers": yes_to(yes)})
    assert suggestion.suggested_grade == grade
    assert len(suggestion.indicators) == yes


def test_below_fourteen_explains_the_other_marac_criteria():
    [first, *_] = evaluate(DASH, {"dash_answers": yes_to(9)}).explanation
    assert "professional judgement and potential escalation are separate MARAC criteria" in first


def test_no_answers_means_no_grade_rather_than_a_low_one():
    assert evaluate(DASH, {}).suggested_grade is None


def test_fourteen_yes_answers_meets_visible_high_risk_and_both_referrals_are_due():
    result = dash_marac_criteria(yes_to(14), professional_judgement=False, callouts_12m=0)
    assert result["yes_count"] == 14
    assert result["criteria_met"] == ["visible_high_risk"]
    assert result["marac_referral_due"] and result["idva_referral_due"]


def test_professional_judgement_refers_below_the_count():
    result = dash_marac_criteria(yes_to(8), professional_judgement=True, callouts_12m=0)
    assert result["criteria_met"] == ["professional_judgement"]
    assert result["marac_referral_due"]


@pytest.mark.parametrize(("callouts", "met"), [(3, True), (5, True), (2, False)])
def test_three_callouts_in_12_months_is_potential_escalation(callouts, met):
    result = dash_marac_criteria(yes_to(2), professional_judgement=False, callouts_12m=callouts)
    assert result["potential_escalation"] is met
    assert result["marac_referral_due"] is met


def test_repeat_within_12_months_of_last_referral_is_re_referred():
    result = dash_marac_criteria({}, False, 0, repeat_since_last_marac=True)
    assert result["criteria_met"] == ["repeat"]


def test_nothing_met_means_no_referral_and_says_judgement_can_still_refer():
    result = dash_marac_criteria(yes_to(10), False, 1)
    assert result["criteria_met"] == []
    assert not result["marac_referral_due"] and not result["idva_referral_due"]
    assert "professional judgement can still refer" in result["explanation"][-1]


@pytest.mark.parametrize(("answers", "callouts", "message"), [
    ({"q25": True}, 0, "Unknown Dash question ids: q25"),
    ({"q1": "yes"}, 0, "must be true or false: q1"),
    ({}, -1, "callouts_12m"),
])
def test_bad_answers_are_refused_with_a_reason(answers, callouts, message):
    with pytest.raises(ScreeningInputError, match=message):
        dash_marac_criteria(answers, False, callouts)
