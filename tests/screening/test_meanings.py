"""EVODA meanings written in wording of our own (not the evaluation set's): the act, who did it,
to whom and when; names read as roles; other people's and past states; the grade as the seed's
rule combines indicators and risk factors; and the tool saying when it is unsure."""
import pytest

from frontdoor.screening.engine import evaluate, load_tool, scan_narrative

EVODA = load_tool("evoda")
FACTS = {
    "occurred_at": "2026-02-10T21:00:00Z",
    "victim": {"given_name": "Priya", "family_name": "Shah"},
    "perpetrator": {"given_name": "Connor", "family_name": "Hale"},
    "children": [{"given_name": "Tomasz", "family_name": "Hale", "present": False}],
}


def found(narrative, facts=FACTS):
    return {finding.id for finding in scan_narrative(EVODA, narrative, facts)}


def suggest(narrative, **facts):
    return evaluate(EVODA, {**FACTS, **facts}, narrative)


MEANS = [
    ("Tomasz, on the stairs in his pyjamas, heard all of it.", {"children_witnessed"}),
    ("Ch x2 in back room & heard everything.", {"children_witnessed"}),
    ("Priya said Connor has not let her visit her parents since Christmas.", {"rf_isolation"}),
    ("She has not spoken to her sisters for a year because of him.", {"rf_isolation"}),
    ("Connor told the officer it was her own fault and that we were wasting police time.", {"rf_abuser_lacks_insight"}),
    ("IP says DP drinks every night and was heavily intox on arrival.", {"rf_substance_misuse"}),
    ("Her GP put her on citalopram for low mood last month.", {"rf_mental_health_not_serious"}),
    ("Priya and her ex-partner Connor split last month.", {"rf_separation"}),
    ("This is the fourth call-out in the last six weeks.", {"repeat_police_callouts"}),
    ("IP states there have been 7 calls to police in 3 months.", {"repeat_police_callouts"}),
    ("IP received over 40 texts overnight.", {"stalking"}),
    ("Connor said it is getting more violent every time.", {"escalation"}),
    ("Tomasz adores his nan, who has him every weekend.", {"pf_significant_other"}),
    ("Priya said she has a good support network at work.", {"pf_family_support"}),
    ("Connor said he has self-referred to an anger management course.", {"pf_abuser_seeks_help"}),
    ("Connor accepted it was all his fault.", {"pf_abuser_accepts_responsibility"}),
    ("She realises the shouting is starting to upset Tomasz.", {"pf_victim_insight"}),
    ("PC's view is that this might turn physical unless both get support.", {"rf_potential_to_escalate"}),
    ("They row every night and Tomasz is living with the atmosphere.", {"rf_cumulative_harm"}),
    ("Officer worried the constant rows will damage Tomasz emotionally.", {"rf_emotional_abuse_likely"}),
    ("Connor threw the kettle at the wall with the kids watching.", {"children_witnessed"}),
    ("IP has graze R elbow and swelling L wrist.", {"victim_injured"}),
    ("He says he's going to take Tomasz away to his family and she won't see him again.", {"rf_threat_abduct_child"}),
    ("She is not allowed to ring her mum.", {"rf_isolation"}),
    # destruction of property in everyday words (seed 001: intimidation)
    ("DP put his fist through the bedroom door.", {"intimidation"}),
    ("Connor snapped her phone in half and keyed her car.", {"intimidation"}),
    ("He ripped the door off its hinges.", {"intimidation"}),
    # control, separation, support, harassment, fear, threats, told loosely or in shorthand
    ("She has to ask his permission to go anywhere.", {"controlling_behaviour"}),
    ("He checks where she is on Find My iPhone all day.", {"stalking"}),
    ("Priya told him it was over on Friday.", {"rf_separation"}),
    ("They seperated 3 weeks ago.", {"rf_separation"}),
    ("IP happy to be referred to the local DA service.", {"pf_victim_engaging_support"}),
    ("He keeps ringing her from withheld numbers.", {"low_level_harassment"}),
    ("Verbal only, words of advice given.", {"verbal_argument"}),
    ("She was shaking and said she feared for her safety.", {"fearful"}),
    ("He told her she would end up in a box.", {"threats_to_kill_or_harm"}),
    ("IP has a split lip and minor injs to face.", {"victim_injured"}),
    ("IP is 6 months preg.", {"rf_pregnant"}),
    ("DP in drink on arrival.", {"rf_substance_misuse"}),
    ("Connor said he would kill himself if she left.", {"rf_suicidal_homicidal_intent"}),
    ("DP is subject to a non mol which he has breached by attending.", {"rf_breach_of_order_or_bail"}),
    ("Family are known to childrens services.", {"rf_cp_plan_or_csc_history"}),
    ("DP has previous for assault.", {"abuser_criminal_history"}),
    ("Her family are pressuring her to marry a cousin abroad.", {"honour_fgm_forced_marriage"}),
    ("The 6yo was in the room when he punched her.", {"children_witnessed"}),
    ("Her daughter got in between them to stop him.", {"children_involved"}),
    ("He made her have sex when she did not want to.", {"coercive_behaviour"}),
    ("Connor admitted he pushed her.", {"pf_abuser_accepts_responsibility"}),
    ("Her mum lives nearby and is very supportive.", {"pf_family_support"}),
    ("IP says it's just a normal argument and nothing to worry about.", {"rf_victim_minimises"}),
    ("She has no friends or family in the UK.", {"rf_isolated_temp_accommodation"}),
    # a child's distress is the likely emotional harm; seeing and hearing in any tense
    ("Tomasz was sobbing on the stairs.", {"rf_emotional_abuse_likely"}),
    ("Tomasz has been clingy and is wetting the bed since the rows started.", {"rf_emotional_abuse_likely"}),
    ("The two kids was in the lounge and see it all.", {"children_witnessed"}),
    ("Tomasz was upstairs in bed, he heard everything.", {"children_witnessed"}),
    ("Connor punched her while Tomasz was on the sofa.", {"children_witnessed"}),
    # family and agencies, in other words
    ("Her sister is always there for her.", {"pf_family_support"}),
    ("Priya is going to stay with her sister tonight.", {"pf_family_support"}),
    ("Priya agrees to a referral to the DA service.", {"pf_victim_engaging_support"}),
    ("Priya asked officers for the IDVA's number.", {"pf_victim_engaging_support"}),
    # control and coercion by meaning
    ("He told her he would post her nude photos online.", {"coercive_behaviour"}),
    ("He said that's what happens when you answer back.", {"coercive_behaviour"}),
    ("She must leave her live location on for him.", {"controlling_behaviour"}),
    ("He says a woman's place is in the kitchen.", {"controlling_attempts_isolation"}),
    ("DP hid her bank card and handed it back that evening.", {"controlling_attempts_isolation"}),
    ("He punched her, leaving a bruise.", {"victim_injured"}),
    # hurried typing
    ("ip is pregnent", {"rf_pregnant"}),
    ("she is frightend of him", {"fearful"}),
    ("dp pushd her over", {"intimidation"}),
    ("visable reddness to ips neck", {"victim_injured"}),
    ("he has breeched his bail", {"rf_breach_of_order_or_bail"}),
    ("baby is 3 mths old", {"rf_infant_or_disabled_child"}),
    ("he keeps folowing her", {"stalking"}),
    ("he said hed kill her", {"threats_to_kill_or_harm"}),
]

NOT_MEANS = [
    # the act denied, or a thing that is not damage
    ("No damage was caused to the property.", {"intimidation"}),
    ("They are not separated.", {"rf_separation"}),
    ("She has no friends or family in the UK.", {"rf_isolation"}),
    ("DP, a 34 year old male, was in the room.", {"children_witnessed"}),
    ("He said he would take the kids to school in the morning.", {"rf_threat_abduct_child"}),
    ("Her adult daughter (22) screamed at her and cried.", {"rf_emotional_abuse_likely"}),
    # an earlier incident told as history is not this incident's act
    ("They had lots of rows back in 2009 but nothing since.", {"verbal_argument"}),
    ("PREVIOUS HISTORY: ARGUMENTS AND PUSHING.", {"intimidation", "verbal_argument"}),
    ("The last call, last month, was verbal only.", {"verbal_argument"}),
    ("DP has convictions for ABH.", {"victim_injured"}),
    ("Connor understands his son would have been terrified if he had seen it.", {"children_witnessed"}),
    ("He took her car keys and gave them back after an hour.", {"controlling_behaviour"}),
    ("A neighbour called to say her own daughter was frightened by the shouting.", {"fearful"}),
    # another person's state, or the abuser's act on an object, not the matrix row
    ("Priya's flatmate, who was visiting, is pregnant.", {"rf_pregnant"}),
    ("Connor's mate has a conviction for robbery.", {"abuser_criminal_history"}),
    ("Connor kicked the cat's bowl across the floor.", {"violence_to_animals"}),
    ("They argued about his ex-girlfriend's messages.", {"rf_separation"}),
    # the past, long resolved
    ("Connor was treated for psychosis in 2012 and has had no input since.", {"rf_mental_health"}),
    ("Priya used to drink heavily but has been sober for years.", {"rf_substance_misuse"}),
    # a rate that is not frequent, drinking not abuse getting worse, a handful of messages
    ("This is the second time police have been called in four years.", {"repeat_police_callouts"}),
    ("His drinking has been getting worse.", {"escalation"}),
    ("She had 12 messages from him, none threatening.", {"stalking"}),
    # a negated or hypothetical witness
    ("Tomasz was at his friend's and did not hear anything.", {"children_witnessed"}),
    # an apology alone is not accepting responsibility
    ("Connor said sorry to the neighbours for the noise.", {"pf_abuser_accepts_responsibility"}),
]


@pytest.mark.parametrize(("narrative", "present"), MEANS, ids=[c[0][:50] for c in MEANS])
def test_the_meaning_is_found_in_other_words(narrative, present):
    assert present <= found(narrative)


@pytest.mark.parametrize(("narrative", "absent"), NOT_MEANS, ids=[c[0][:50] for c in NOT_MEANS])
def test_someone_elses_or_a_past_state_is_not_a_finding(narrative, absent):
    assert not (absent & found(narrative))


def test_a_name_is_read_as_its_role_and_the_evidence_keeps_the_name():
    [finding] = [f for f in scan_narrative(EVODA, "Connor threatened Priya with a knife.", FACTS)
                 if f.id == "threats_to_kill_or_harm"]
    assert finding.evidence == "threatened Priya with a knife"


def test_a_past_year_counts_from_the_incident_not_from_today():
    narrative = "IP was sectioned in 2024."
    assert "rf_mental_health" in found(narrative, {**FACTS, "occurred_at": "2025-06-01"})
    assert "rf_mental_health" not in found(narrative, {**FACTS, "occurred_at": "2031-06-01"})


def test_an_argument_that_is_the_setting_of_a_push_is_not_also_an_intense_argument():
    assert found("Connor pushed Priya during a row about money.") & {"verbal_argument"} == set()
    assert "verbal_argument" in found("They had a blazing row about money; nothing physical.")


def test_a_high_column_risk_factor_lifts_a_targeted_incident_and_the_tool_says_it_is_unsure():
    suggestion = suggest("Connor shoved Priya into the door frame.", victim={"given_name": "Priya", "pregnant": True})
    assert suggestion.suggested_grade == "high"
    assert (suggestion.uncertain_between.lower, suggestion.uncertain_between.higher) == ("medium", "high")
    assert "Victim is pregnant" in suggestion.uncertain_between.reason
    assert suggestion.as_dict()["uncertain_between"]["grades"] == ["medium", "high"]
    assert any(line.startswith("Unsure between medium and high") for line in suggestion.explanation)


def test_a_high_indicator_is_certain_even_with_a_risk_factor():
    suggestion = suggest("Connor threatened to stab Priya. He was drunk.")
    assert suggestion.suggested_grade == "high" and suggestion.uncertain_between is None
    assert suggestion.as_dict()["uncertain_between"] is None


def test_a_risk_factor_alone_brings_a_standard_incident_to_the_meeting_unsure():
    suggestion = suggest("They argued loudly in the kitchen.", relationship="ex_partner")
    assert suggestion.suggested_grade == "medium"
    assert (suggestion.uncertain_between.lower, suggestion.uncertain_between.higher) == ("standard", "medium")


def test_other_maltreatment_of_a_child_is_high_by_itself():
    suggestion = suggest("Officers found the flat filthy and the children neglected; no food in the house.")
    assert suggestion.suggested_grade == "high"
    assert any("maltreatment" in line for line in suggestion.explanation)


def test_rising_grades_that_stop_short_of_high_are_history_not_escalation():
    history = [{"occurred_at": "2025-06-01", "grade": "standard"}, {"occurred_at": "2025-10-01", "grade": "standard"}]
    suggestion = evaluate(EVODA, {**FACTS, "dash_level": "medium"}, "", history)
    assert {"history_minor_incidents"} == {f.id for f in suggestion.indicators}


def test_an_ex_partner_the_officer_says_parted_years_ago_is_not_a_recent_separation():
    ex = {**FACTS, "relationship": "ex_partner"}
    recent = evaluate(EVODA, ex, "Her ex-partner Connor sent abusive texts.")
    parted = evaluate(EVODA, ex, "Connor, from whom she separated five years ago, sent abusive texts.")
    assert "rf_separation" in {f.id for f in recent.risk_factors}
    assert "rf_separation" not in {f.id for f in parted.risk_factors}
