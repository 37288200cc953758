"""evaluate(): structured and history evidence, and the grading rules written as data."""
import pytest

from frontdoor.screening.engine import Finding, ScreeningInputError, evaluate, load_tool

EVODA = load_tool("evoda")
INCIDENT = "2025-03-01T22:15:00Z"


def child(**fields):
    return {"given_name": "Amy", "family_name": "Smith", "dob": "2018-05-04", "present": False,
            "disability": False, "injured": False, **fields}


def suggest(narrative="", history=(), **facts):
    return evaluate(EVODA, {"occurred_at": INCIDENT, **facts}, narrative, history)


def ids(findings):
    return {finding.id for finding in findings}


def by_id(findings, finding_id):
    return [finding for finding in findings if finding.id == finding_id]


# --- structured fields --------------------------------------------------------------------

def test_child_recorded_present_was_in_the_home_naming_the_child_and_is_no_witness_by_itself():
    """"Present at the incident" is the targeted column's "present in the home"; a witness
    needs the officer's words that the child saw or heard it."""
    suggestion = suggest(children=[child(present=True)])
    [finding] = by_id(suggestion.risk_factors, "rf_children_present_in_home")
    assert finding == Finding("rf_children_present_in_home", "structured", "Amy Smith recorded as present")
    assert "children_witnessed" not in ids(suggestion.indicators)
    assert suggestion.suggested_grade == "medium"


def test_a_named_child_who_saw_it_is_a_witness():
    suggestion = suggest("Jay shoved IP into the fridge. Amy, stood by the sink, watched it all.",
                         children=[child(present=True)])
    [finding] = by_id(suggestion.indicators, "children_witnessed")
    assert finding.evidence.startswith("Amy")
    assert suggestion.suggested_grade == "high"


def test_child_injured_means_children_involved_and_child_harmed():
    suggestion = suggest(children=[child(injured=True)])
    assert "children_involved" in ids(suggestion.indicators)
    assert "rf_child_harmed" in ids(suggestion.risk_factors)


@pytest.mark.parametrize(("dob", "infant"), [
    ("2024-04-02", True),    # 10 months at the incident
    ("2024-03-02", True),    # a day short of 12 months
    ("2024-03-01", False),   # first birthday on the incident date
    ("2025-04-01", False),   # born after the incident
])
def test_child_under_12_months_at_the_incident_is_a_risk_factor(dob, infant):
    suggestion = suggest(children=[child(dob=dob)])
    assert ("rf_infant_or_disabled_child" in ids(suggestion.risk_factors)) is infant


def test_disabled_child_is_a_risk_factor():
    suggestion = suggest(children=[child(disability=True)])
    [finding] = by_id(suggestion.risk_factors, "rf_infant_or_disabled_child")
    assert finding.evidence == "Amy Smith recorded as having a disability"


def test_pregnant_victim_and_ex_partner_are_risk_factors():
    suggestion = suggest(victim={"pregnant": True}, relationship="ex_partner")
    assert {"rf_pregnant", "rf_separation"} <= ids(suggestion.risk_factors)


@pytest.mark.parametrize("offence", [
    "Assault occasioning actual bodily harm", "ABH", "GBH with intent", "Wounding",
    "Intentional strangulation",
])
def test_offences_that_imply_injury_mean_victim_injured(offence):
    suggestion = suggest(offences=[offence])
    [finding] = by_id(suggestion.indicators, "victim_injured")
    assert finding.evidence == f"Offence recorded: {offence}"


def test_common_assault_alone_implies_no_injury():
    assert "victim_injured" not in ids(suggest(offences=["Common assault"]).indicators)


def test_open_cp_plan_is_a_risk_factor():
    assert "rf_cp_plan_or_csc_history" in ids(suggest(open_cp_plan=True).risk_factors)


def test_police_dash_high_is_noted_without_changing_the_grade():
    suggestion = suggest(dash_level="high")
    assert suggestion.suggested_grade == "standard"
    assert any("DASH risk level is high" in line for line in suggestion.explanation)


def test_dash_answers_feed_evoda_indicators():
    suggestion = suggest(dash_answers={"q14": True, "q19": True, "q2": False})
    assert {"threats_to_kill_or_harm", "violence_to_animals"} <= ids(suggestion.indicators)
    assert "fearful" not in ids(suggestion.indicators)


# --- history ------------------------------------------------------------------------------

def prior(when, grade="standard", summary=""):
    return {"occurred_at": when, "grade": grade, "summary": summary}


def test_three_incidents_in_the_last_12_months_are_repeat_callouts():
    history = [prior("2024-04-10"), prior("2024-09-01"), prior("2025-02-20")]
    suggestion = suggest(history=history)
    [finding] = by_id(suggestion.indicators, "repeat_police_callouts")
    assert finding.source == "history"
    assert finding.evidence.startswith("3 earlier incidents in the 12 months before 01 March 2025")
    assert "history_minor_incidents" not in ids(suggestion.indicators)


def test_an_incident_older_than_12_months_does_not_count_as_repeat():
    history = [prior("2024-02-28"), prior("2024-09-01"), prior("2025-02-20")]
    suggestion = suggest(history=history)
    assert "repeat_police_callouts" not in ids(suggestion.indicators)
    assert "history_minor_incidents" in ids(suggestion.indicators)


def test_one_earlier_incident_is_a_history_of_minor_incidents():
    suggestion = suggest(history=[prior("2024-10-01", summary="verbal argument")])
    [finding] = by_id(suggestion.indicators, "history_minor_incidents")
    assert "verbal argument" in finding.evidence
    assert suggestion.suggested_grade == "medium"


def test_incidents_after_this_one_are_not_history():
    assert suggest(history=[prior("2025-06-01")]).indicators == ()


def test_incidents_coming_closer_together_are_escalation():
    history = [prior("2024-03-15"), prior("2024-12-01")]
    [finding] = by_id(suggest(history=history).indicators, "escalation")
    assert "closer together" in finding.evidence


def test_evenly_spaced_incidents_of_the_same_grade_are_not_escalation():
    history = [prior("2024-09-01"), prior("2024-12-01")]
    assert "escalation" not in ids(suggest(history=history, dash_level="standard").indicators)


def test_rising_grades_are_escalation():
    history = [prior("2024-03-01", "standard"), prior("2024-06-01", "medium")]
    suggestion = suggest(history=history, dash_level="high")
    [finding] = by_id(suggestion.indicators, "escalation")
    assert "now high" in finding.evidence


def test_history_without_an_incident_date_is_refused_with_a_reason():
    with pytest.raises(ScreeningInputError, match="occurred_at"):
        evaluate(EVODA, {}, "", [prior("2024-03-01")])


# --- grading rules ------------------------------------------------------------------------

def test_nothing_found_suggests_standard_and_says_why():
    suggestion = suggest("Police attended following a call from a neighbour.")
    assert suggestion.suggested_grade == "standard"
    assert suggestion.explanation[0].startswith("No targeted or high indicator was found")


def test_a_universal_indicator_alone_stays_standard():
    assert suggest("They had a verbal argument.").suggested_grade == "standard"


def test_a_targeted_indicator_suggests_medium():
    suggestion = suggest("DP pushed IP.")
    assert suggestion.suggested_grade == "medium"
    assert "targeted column" in suggestion.explanation[0]


def test_a_high_indicator_suggests_high_and_names_it():
    suggestion = suggest("DP threatened to kill IP.")
    assert suggestion.suggested_grade == "high"
    assert "Threats of serious harm and/or to kill" in suggestion.explanation[0]


def test_toxic_trio_raises_medium_to_high():
    suggestion = suggest("DP pushed IP. DP was drunk. IP suffers from depression.")
    assert suggestion.suggested_grade == "high"
    assert any(line.startswith("Toxic trio") for line in suggestion.explanation)


def test_infant_with_a_targeted_indicator_raises_to_high():
    suggestion = suggest("DP pushed IP.", children=[child(dob="2024-12-01")])
    assert suggestion.suggested_grade == "high"
    assert any("under 12 months" in line for line in suggestion.explanation)


def test_a_targeted_indicator_with_a_high_column_risk_factor_suggests_high():
    suggestion = suggest("DP pushed IP. IP is pregnant.")
    assert suggestion.suggested_grade == "high"
    assert any(line.startswith("A targeted indicator together with a risk factor") for line in suggestion.explanation)


def test_risk_factors_are_not_counted_two_targeted_ones_leave_medium():
    """The seed weighs risk factors; it gives no count that makes a case high."""
    suggestion = suggest("DP pushed IP. The children were asleep upstairs. DP uses a wheelchair.")
    assert suggestion.suggested_grade == "medium"


def test_one_targeted_column_risk_factor_leaves_medium():
    assert suggest("DP pushed IP. The children were asleep upstairs.").suggested_grade == "medium"


def test_a_child_recorded_present_but_asleep_was_in_the_home_not_a_witness():
    suggestion = suggest("DP pushed IP. The children were asleep upstairs and did not wake.",
                         children=[child(dob="2015-06-01", present=True)])
    assert "children_witnessed" not in ids(suggestion.indicators)
    assert "rf_children_present_in_home" in ids(suggestion.risk_factors)


def test_a_risk_factor_the_matrix_lists_for_targeted_or_high_cases_brings_a_standard_incident_to_the_meeting():
    suggestion = suggest("IP is pregnant. They separated last month.")
    assert suggestion.suggested_grade == "medium"
    assert any("for the triage meeting to weigh" in line for line in suggestion.explanation)


def test_risk_factors_without_a_targeted_indicator_do_not_raise_to_high():
    assert suggest("IP is pregnant. They separated last month. DP was drunk.").suggested_grade == "medium"


def test_the_toxic_trio_alone_suggests_high_with_its_reason():
    """The notification is the domestic abuse; mental illness and substance misuse complete the trio (seed 001)."""
    suggestion = suggest("IP is pregnant. DP was drunk and IP suffers from depression.")
    assert suggestion.suggested_grade == "high"
    assert any(line.startswith("Toxic trio") for line in suggestion.explanation)


def test_protective_factors_are_shown_and_never_lower_a_high_indicator():
    narrative = ("DP threatened to kill IP. DP accepted responsibility and apologised. "
                 "IP has applied for a non-molestation order. IP's family are very supportive.")
    suggestion = suggest(narrative)
    assert suggestion.suggested_grade == "high"
    assert {"pf_abuser_accepts_responsibility", "pf_protective_order_sought",
            "pf_family_support"} <= ids(suggestion.protective_factors)
    assert any("never lower" in line for line in suggestion.explanation)


def test_findings_from_every_source_are_kept_in_source_order():
    suggestion = suggest("The children were present.", children=[child(injured=True)],
                         history=[prior("2024-04-01"), prior("2024-08-01"), prior("2025-01-01")])
    sources = [finding.source for finding in suggestion.indicators]
    assert sources == sorted(sources, key=["structured", "history", "narrative"].index)
    assert {"structured", "history", "narrative"} == set(sources)


def test_same_inputs_give_the_same_suggestion():
    args = ("DP pushed IP in front of the children.", [prior("2024-06-01")])
    assert suggest(*args, relationship="partner") == suggest(*args, relationship="partner")


def test_suggestion_as_dict_is_plain_json_data():
    data = suggest("DP pushed IP.").as_dict()
    assert data["suggested_grade"] == "medium"
    assert data["indicators"][0] == {"id": "intimidation", "source": "narrative",
                                     "evidence": "pushed", "start": 3, "end": 9}
