"""Loading tool definitions, and the Levels of Need texts word for word from seed 001."""
from pathlib import Path

import pytest

from frontdoor.screening.engine import ToolNotFound, evaluate, load_tool
from frontdoor.screening.tools import Tool, ToolDefinitionError, tool_versions

LON = load_tool("levels_of_need")


def test_latest_version_is_loaded_when_none_is_given_and_cached():
    assert load_tool("evoda").version == tool_versions("evoda")[-1] == "1"
    assert load_tool("evoda") is load_tool("evoda", "1")


@pytest.mark.parametrize(("tool_id", "version", "message"), [
    ("no_such_tool", None, "There is no tool called 'no_such_tool'"),
    ("evoda", "99", "has no version '99' (versions: 1)"),
    ("../evoda", None, "is not a tool id"),
])
def test_unknown_tool_or_version_is_refused_clearly(tool_id, version, message):
    with pytest.raises(ToolNotFound, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_tool(tool_id, version)


def test_every_tool_names_its_source_in_the_data():
    for tool_id in ("evoda", "levels_of_need", "dash"):
        tool = load_tool(tool_id)
        assert tool.source and tool.title and tool.version == "1"
    assert LON.source["seed"] == "001_88bc01d13c27bdbc"


def test_a_loaded_tool_cannot_be_changed_in_place():
    with pytest.raises(TypeError):
        LON.data["letter"]["intro"] = "Changed"


def test_a_rule_naming_an_undefined_factor_fails_at_load():
    data = {"id": "t", "version": "1", "title": "T", "source": {},
            "indicators": [{"id": "a", "column": "high", "text": "A."}],
            "grading": {"grades": ["low", "high"], "otherwise": "none",
                        "rules": [{"raise_to": "high", "when": {"found": "b"}, "because": "b"}]}}
    with pytest.raises(ToolDefinitionError, match="b"):
        Tool(data, path=Path("t/v1.yaml"))


# --- Levels of Need (seed 001, Referral Outcome Notification) -------------------------------

def test_four_levels_in_order_with_the_seed_titles():
    assert [level.title for level in LON.levels] == [
        "Level 1 Threshold - Universal",
        "Level 2 Threshold – Children in Need of Early Help",
        "Level 3 Threshold – Children with complex needs",
        "Level 4 Threshold – Targeted - Children with acute specialist needs/child protection",
    ]


def test_key_features_are_the_seed_line_split_on_semicolons():
    assert "; ".join(LON.level(1).key_features) == (
        "Needs met within universal provision; May need limited help within setting to prevent "
        "needs arising; Children, young people and parents/carers can access these services directly")
    assert LON.level(4).key_features == (
        "At risk of becoming, or has become, a child in care", "Multi-agency plan failing",
        "In need of a formal Child Protection Plan", "Often poor co-operation")


def test_outcome_codes_per_level():
    assert [[o.code for o in LON.outcomes_for(n)] for n in (1, 2, 3, 4)] == [
        ["L1.1"], ["L2.1", "L2.2"], ["L3.1", "L3.2"], ["L4.1", "L4.2"]]


def test_outcome_texts_are_word_for_word():
    assert LON.outcome("L1.1").text == (
        "No further action will be taken but your referral is recorded for information only.")
    assert LON.outcome("L2.1").text == (
        "You continue to offer single agency support and you may consider completing an EHAF with "
        "the parent/carer and child/young person to identify what additional supports are needed.")
    assert LON.outcome("L3.1").text == (
        "An offer of targeted early help needs to be made in the first instance and to support "
        "this child / family a COMPASS worker will be in touch with you to progress this.")
    assert LON.outcome("L3.2").text == LON.outcome("L4.1").text == "Social work assessment (child in need)"


def test_strategy_discussion_outcome_has_its_five_options_with_seed_spelling():
    strategy = LON.outcome("L4.2")
    assert strategy.text == "A strategy discussion/meeting was held and the following outcome was the result:"
    assert [(o.code, o.text) for o in strategy.options] == [
        ("L4.2a", "Social work assessment (child in need)"),
        ("L4.2b", "Child protection enquiries (child protection)"),
        ("L4.2c", "An offer of Early Help to be made to the family"),
        ("L4.2d", "Police only investigation (no action under taken by social care)"),
        ("L4.2e", "No further action for either police or social care"),
    ]
    assert LON.outcome("L4.2d") is strategy.options[3]


def test_unknown_outcome_code_or_level_raises_a_clear_key_error():
    with pytest.raises(KeyError, match="no outcome 'L5.1'.*L1.1"):
        LON.outcome("L5.1")
    with pytest.raises(KeyError, match="no level 7"):
        LON.level(7)


def test_letter_fixed_texts_are_kept_for_the_template():
    letter = LON.letter
    assert letter["intro"] == "Thank you for your recent contact."
    assert letter["considered"] == (
        "Your referral has been considered alongside information held by Children’s social care "
        "and in line with the agreed {safeguarding_partnership} levels of need. The following action will be taken as "
        "an outcome to your referral:")
    # The area's words and the channel fill the placeholders (decisions/letter.py, tests/decisions/test_letter.py).
    assert letter["dissatisfied"].startswith("Thank you for {thank_you_for}, if dissatisfied")
    assert [(p["label"], p["number"]) for p in letter["phone_lines"]] == [
        ("FFD contact number is:", "{front_door_phone}"), ("EDT contact number is:", "{edt_phone}")]


def test_levels_of_need_suggests_no_level():
    suggestion = evaluate(LON, {"anything": True}, "The child was hit.")
    assert suggestion.suggested_grade is None
    assert "judgement tool" in suggestion.explanation[0]


# --- EVODA data ---------------------------------------------------------------------------

REQUIRED_EVODA_IDS = {
    "universal": ["verbal_argument", "low_level_harassment"],
    "targeted": ["history_minor_incidents", "intimidation", "controlling_attempts_isolation"],
    "high": ["escalation", "stalking", "fearful", "threats_to_kill_or_harm", "children_witnessed",
             "children_involved", "coercive_behaviour", "controlling_behaviour",
             "repeat_police_callouts", "victim_injured", "violence_history_partners",
             "abuser_criminal_history", "violence_to_animals", "honour_fgm_forced_marriage"],
}


def test_evoda_indicators_sit_in_their_matrix_columns():
    evoda = load_tool("evoda")
    for column, indicator_ids in REQUIRED_EVODA_IDS.items():
        assert [i.id for i in evoda.indicators if i.column == column] == indicator_ids
    assert evoda.factor("verbal_argument").text == "Intense Verbal Arguments."
    assert evoda.factor("honour_fgm_forced_marriage").text == (
        "Cultural – honour based violence, FGM or forced marriage.")


def test_repeated_risk_rows_are_one_factor_recording_every_column_and_its_wording():
    evoda = load_tool("evoda")
    language = evoda.factor("rf_language_immigration")
    assert language.columns == ("universal", "targeted", "high")
    honour = evoda.factor("rf_close_knit_community_honour")
    assert honour.listed["high"].startswith("Is living in a close-knit and puts")
    assert honour.listed["universal"].startswith("Is living in a close-knit community and puts")


def test_evoda_has_the_named_risk_and_protective_factors_and_definitions():
    evoda = load_tool("evoda")
    factor_ids = {factor.id for factor in evoda.factors}
    assert {"rf_infant_or_disabled_child", "rf_mental_health", "rf_substance_misuse",
            "rf_suicidal_homicidal_intent", "rf_separation", "rf_victim_minimises",
            "rf_threat_abduct_child", "rf_pregnant", "rf_breach_of_order_or_bail",
            "rf_cp_plan_or_csc_history", "rf_language_immigration",
            "rf_isolated_temp_accommodation", "pf_victim_engaging_support",
            "pf_abuser_accepts_responsibility", "pf_family_support",
            "pf_protective_order_sought"} <= factor_ids
    assert evoda.definitions["toxic_trio"].startswith("Toxic Trio – Research from Serious Case Reviews")
    assert "regardless of gender or sexuality" in evoda.definitions["home_office_definition"]
