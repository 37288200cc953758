"""What must always hold, whatever the narrative, facts or history."""
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdoor.screening.engine import ScreeningInputError, evaluate, load_tool, scan_narrative
from frontdoor.screening.evoda import screen_evoda_record

EVODA = load_tool("evoda")

# Phrases from the lexicon's world, so generated narratives actually trigger and negate things.
PHRASES = ["DP", "IP", "I/P", "the children", "were present", "in front of", "threatened to kill",
           "not", "no", "never", "if", "would", "but", ",", ".", ";", "and", "she", "frightened",
           "pushed", "sustained bruising to her arm", "staying with their grandmother", "denies",
           "drunk", "depression", "pregnant", "not only", "the baby", "asleep upstairs", "\n",
           "stalking", "her phone", "controls", "previous incidents", "ABH", "’", "'"]
narratives = st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=8)), max_size=40).map(" ".join)
dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 12, 31)).map(str)
children = st.fixed_dictionaries({
    "given_name": st.text(max_size=5), "family_name": st.text(max_size=5), "dob": dates,
    "present": st.booleans(), "disability": st.booleans(), "injured": st.booleans()})
histories = st.lists(st.fixed_dictionaries({
    "occurred_at": dates, "grade": st.sampled_from(["standard", "medium", "high"]),
    "summary": st.text(max_size=10)}), max_size=6)
facts = st.fixed_dictionaries({
    "occurred_at": dates,
    "relationship": st.sampled_from(["partner", "ex_partner", "family_member", "other"]),
    "dash_level": st.sampled_from(["standard", "medium", "high"]),
    "victim": st.fixed_dictionaries({"pregnant": st.booleans()}),
    "children": st.lists(children, max_size=3),
    "offences": st.lists(st.sampled_from(["ABH", "Common assault", "Criminal damage", "Stalking"]), max_size=2),
})


@given(narrative=narratives)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_narrative_evidence_offsets_are_always_in_range_and_exact(narrative):
    for finding in scan_narrative(EVODA, narrative):
        assert 0 <= finding.start < finding.end <= len(narrative)
        assert narrative[finding.start:finding.end] == finding.evidence


@given(facts=facts, narrative=narratives, history=histories)
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_evaluate_is_deterministic_for_a_tool_version(facts, narrative, history):
    first = evaluate(EVODA, facts, narrative, history)
    again = evaluate(load_tool("evoda", "1"), dict(facts), narrative, list(history))
    assert first == again
    assert first.suggested_grade in {"standard", "medium", "high"}


@given(facts=facts, narrative=narratives)
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_protective_factors_never_lower_the_grade(facts, narrative):
    protective = " IP has applied for a non-molestation order. IP's family are very supportive."
    grades = ["standard", "medium", "high"]
    without = evaluate(EVODA, facts, narrative).suggested_grade
    with_protection = evaluate(EVODA, facts, narrative + protective).suggested_grade
    assert grades.index(with_protection) >= grades.index(without)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)


VALID = {"police_reference": "WMP-1", "occurred_at": "2025-03-01T22:15:00Z",
         "narrative": "DP pushed IP in front of the children."}


@given(overrides=st.dictionaries(
    st.sampled_from(["police_reference", "occurred_at", "narrative", "children", "victim",
                     "offences", "relationship", "dash_level", "dash_answers", "prior_incidents",
                     "open_cp_plan", "force"]), json_values, max_size=4))
@settings(max_examples=400)
def test_any_json_record_is_screened_or_refused_with_a_reason(overrides):
    try:
        result = screen_evoda_record({**VALID, **overrides})
    except ScreeningInputError as error:
        assert str(error)
    else:
        assert result["suggested_grade"] in {"standard", "medium", "high"}
