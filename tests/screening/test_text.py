"""The narrative scanner on hand-written police narratives: what it finds, what it must not."""
import pytest

from frontdoor.screening.engine import load_tool, scan_narrative

EVODA = load_tool("evoda")


def found(narrative: str) -> set[str]:
    return {finding.id for finding in scan_narrative(EVODA, narrative)}


# (narrative, ids that must be found, ids that must not be found)
FINDS = [
    ("DP punched IP in front of the children.", {"children_witnessed"}, set()),
    ("The children were present throughout the argument.", {"children_witnessed", "verbal_argument"}, set()),
    ("Both children witnessed DP pushing IP into the wall.", {"children_witnessed", "intimidation"}, set()),
    ("Their son heard the shouting from the landing.", {"children_witnessed"}, set()),
    ("The eldest daughter tried to pull DP off her mother.", {"children_involved"}, set()),
    ("The 12 year old son rang the police.", {"children_involved"}, set()),
    ("DP threw a mug which hit the baby.", {"children_involved", "rf_child_harmed", "intimidation"}, set()),
    ("IP was holding the baby at the time of the assault.", {"children_involved"}, set()),
    ("IP states DP threatened to kill her.", {"threats_to_kill_or_harm"}, set()),
    ("DP told IP that he would kill her if she called the police.", {"threats_to_kill_or_harm"}, set()),
    ("DP was holding a kitchen knife when officers arrived.", {"threats_to_kill_or_harm"}, set()),
    ("DP shouted 'I'll kill you' at IP.", {"threats_to_kill_or_harm"}, set()),
    ("IP is terrified of DP.", {"fearful"}, set()),
    ("IP sustained a cut lip and bruising to her face.", {"victim_injured"}, set()),
    ("IP has a red mark on her cheek.", {"victim_injured"}, set()),
    ("DP grabbed IP around the throat.", {"victim_injured"}, set()),
    ("DP has been following IP home from work and waiting outside her house.", {"stalking"}, set()),
    ("IP reports receiving over 50 calls a day from DP.", {"stalking"}, set()),
    ("DP checks IP's phone and controls all the money.", {"controlling_behaviour"}, set()),
    ("IP is not allowed to see her friends.", {"controlling_behaviour"}, set()),
    ("DP won't let her go out without him.", {"controlling_behaviour"}, set()),
    ("DP has called her names and humiliated her in front of friends.", {"coercive_behaviour"}, set()),
    ("DP kicked the family dog.", {"violence_to_animals"}, set()),
    ("DP threatened to kill the dog.", {"violence_to_animals"}, {"threats_to_kill_or_harm"}),
    ("IP disclosed that her family were planning a forced marriage.", {"honour_fgm_forced_marriage"}, set()),
    ("There are concerns about FGM for the daughter.", {"honour_fgm_forced_marriage"}, set()),
    ("DP has previous convictions for assault.", {"abuser_criminal_history"}, set()),
    ("DP has a history of violence towards previous partners.", {"violence_history_partners"}, set()),
    ("This is the third incident this month.", {"repeat_police_callouts"}, set()),
    ("IP says the abuse is getting worse.", {"escalation"}, set()),
    ("There have been previous incidents of domestic abuse.", {"history_minor_incidents"}, set()),
    ("DP is jealous and tries to control her.", {"controlling_attempts_isolation"}, set()),
    ("They had a verbal argument over money.", {"verbal_argument"}, set()),
    ("DP has been sending abusive texts and posting about her on Facebook.", {"low_level_harassment"}, set()),
    ("IP is 20 weeks pregnant.", {"rf_pregnant"}, set()),
    ("DP was drunk and IP suffers from depression.", {"rf_substance_misuse", "rf_mental_health"}, set()),
    ("The children were asleep upstairs.", {"rf_children_present_in_home"}, {"children_witnessed"}),
    ("DP breached his bail conditions by attending the address.", {"rf_breach_of_order_or_bail"}, set()),
    ("The children are subject to a child protection plan.", {"rf_cp_plan_or_csc_history"}, set()),
    ("DP threatened to take the children abroad.", {"rf_threat_abduct_child"}, {"threats_to_kill_or_harm"}),
    ("DP threatened to kill himself.", {"rf_suicidal_homicidal_intent"}, {"threats_to_kill_or_harm"}),
    ("IP has an 8 month old baby.", {"rf_infant_or_disabled_child"}, set()),
    ("IP does not speak English and an interpreter was used.", {"rf_language_immigration"}, set()),
    ("IP is living in temporary accommodation.", {"rf_isolated_temp_accommodation"}, set()),
    ("IP has applied for a non-molestation order.", {"pf_protective_order_sought"}, set()),
    ("IP is engaging with the IDVA service.", {"pf_victim_engaging_support"}, set()),
    ("IP's family are very supportive.", {"pf_family_support"}, set()),
    ("DP accepted responsibility and apologised.", {"pf_abuser_accepts_responsibility"}, set()),
    ("IP minimised the incident.", {"rf_victim_minimises"}, set()),
    ("The couple separated two weeks ago.", {"rf_separation"}, set()),
    ("Officers separated the parties.", set(), {"rf_separation"}),
    ("DP showed no remorse.", {"rf_abuser_lacks_insight"}, {"pf_abuser_accepts_responsibility"}),
]

# Negated, hypothetical or "elsewhere" mentions: nothing in `absent` may be found.
NOT_FINDINGS = [
    ("No weapons were used.", {"threats_to_kill_or_harm"}),
    ("The children were staying with their grandmother.", {"children_witnessed", "rf_children_present_in_home"}),
    ("The children were at their grandmother's and were not present.", {"children_witnessed"}),
    ("DP denies making threats to kill.", {"threats_to_kill_or_harm"}),
    ("She is not frightened of him.", {"fearful"}),
    ("There was no injury.", {"victim_injured"}),
    ("IP said she would be frightened if he does it again.", {"fearful"}),
    ("There have been no previous incidents.", {"history_minor_incidents"}),
    ("IP did not sustain any injuries.", {"victim_injured"}),
    ("The children were not present.", {"children_witnessed"}),
    ("The children did not witness the incident as they were at school.", {"children_witnessed"}),
    ("DP has no previous convictions.", {"abuser_criminal_history"}),
    ("No threats to kill were made.", {"threats_to_kill_or_harm"}),
    ("IP was not injured, frightened or upset.", {"fearful", "victim_injured"}),
    ("IP denies being scared of DP.", {"fearful"}),
    ("IP is worried that DP might hurt the children.", {"children_involved", "rf_child_harmed"}),
    ("IP declined to engage with support services.", {"pf_victim_engaging_support"}),
    ("DP sustained a cut to his hand.", {"victim_injured"}),
    ("There is no evidence that DP has been stalking IP.", {"stalking"}),
    ("Threats to kill were denied by both parties.", {"threats_to_kill_or_harm"}),
    ("IP is no longer frightened of DP.", {"fearful"}),
    ("Informant (a neighbour) heard screaming.", {"children_witnessed"}),
    ("IP was unsure whether the children could have heard anything.", {"children_witnessed"}),
    ("There was no alcohol involved.", {"rf_substance_misuse"}),
    ("IP is not pregnant.", {"rf_pregnant"}),
]

# Scope ends where a new clause starts, and pseudo-negations negate nothing.
STILL_FINDINGS = [
    ("No weapons were used, but DP punched IP in front of the children.", {"children_witnessed"}),
    ("There were no injuries, the children were present.", {"children_witnessed"}),
    ("Not only did DP push IP, he also threatened to kill her.", {"intimidation", "threats_to_kill_or_harm"}),
    ("DP would often threaten to kill IP.", {"threats_to_kill_or_harm"}),
    ("IP was not frightened but the children were scared.", {"fearful"}),
    ("DP denies the assault, however IP sustained bruising to her arm.", {"victim_injured"}),
    ("If she leaves, he said he would kill her.", {"threats_to_kill_or_harm"}),
]

SHORTHAND = [
    ("I/P stated D/P punched her and she sustained swelling to her eye.", {"victim_injured"}),
    ("DP took IP's phone and would not give it back.", {"controlling_behaviour"}),
    ("DP had his hands around IP's neck.", {"victim_injured"}),
    ("AP states the DP threatened her with a knife.", {"threats_to_kill_or_harm"}),
    ("S/he was frightened of the DP.", {"fearful"}),
]

ALL_NARRATIVES = [case[0] for case in FINDS + NOT_FINDINGS + STILL_FINDINGS + SHORTHAND]


@pytest.mark.parametrize(("narrative", "present", "absent"), FINDS, ids=[c[0][:50] for c in FINDS])
def test_indicator_is_found_with_its_words(narrative, present, absent):
    ids = found(narrative)
    assert present <= ids
    assert not (absent & ids)


@pytest.mark.parametrize(("narrative", "absent"), NOT_FINDINGS, ids=[c[0][:50] for c in NOT_FINDINGS])
def test_negated_hypothetical_or_elsewhere_mention_is_not_a_finding(narrative, absent):
    assert not (absent & found(narrative))


@pytest.mark.parametrize(("narrative", "present"), STILL_FINDINGS, ids=[c[0][:50] for c in STILL_FINDINGS])
def test_negation_does_not_reach_past_its_clause(narrative, present):
    assert present <= found(narrative)


@pytest.mark.parametrize(("narrative", "present"), SHORTHAND, ids=[c[0][:50] for c in SHORTHAND])
def test_police_shorthand_is_understood(narrative, present):
    assert present <= found(narrative)


@pytest.mark.parametrize("narrative", ALL_NARRATIVES)
def test_evidence_is_exactly_the_words_at_its_offsets(narrative):
    for finding in scan_narrative(EVODA, narrative):
        assert finding.source == "narrative"
        assert 0 <= finding.start < finding.end <= len(narrative)
        assert narrative[finding.start:finding.end] == finding.evidence


def test_finding_shows_the_triggering_words_in_a_longer_narrative():
    narrative = ("Police attended at 23:10hrs. IP stated that DP came home drunk. "
                 "He threatened to kill her and the children were present in the lounge. "
                 "No weapons were used.")
    findings = {f.id: f for f in scan_narrative(EVODA, narrative)}
    assert findings["threats_to_kill_or_harm"].evidence == "threatened to kill"
    assert findings["children_witnessed"].evidence == "the children were present"
    assert findings["rf_substance_misuse"].evidence == "drunk"


def test_sentences_split_after_full_stops_but_not_after_abbreviations():
    narrative = "Officers attended approx. 2300hrs. No injuries. IP sustained bruising to her arm."
    assert "victim_injured" in found(narrative)


def test_negation_in_one_sentence_does_not_carry_to_the_next():
    assert "fearful" in found("There were no weapons. IP is frightened.")


def test_empty_narrative_finds_nothing():
    assert scan_narrative(EVODA, "") == ()
