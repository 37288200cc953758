"""The incident as a school reads it (seed 001: "the detail for the incident"), as plain values."""
import pytest

from frontdoor.triage.school_words import contribution_request, incident_circumstances


def _circumstances(**changes):
    values = {"relationship": "partner", "offences": ["Assault occasioning actual bodily harm"],
              "child_present": True, "dash_answers": {"q1": True}}
    return incident_circumstances(**{**values, **changes})


def test_the_circumstances_say_what_the_child_may_have_lived_through_in_a_schools_words():
    assert _circumstances() == ("The police attended a domestic abuse incident between two adults in a relationship. "
                                "The child was present. The police recorded physical violence. Someone was injured.")


def test_the_charge_against_an_adult_becomes_the_kind_of_harm():
    text = _circumstances(offences=["Criminal damage", "Common assault", "Controlling or coercive behaviour"])
    assert "damage to property, physical violence and harassment or controlling behaviour" in text
    assert "Criminal" not in text and "assault" not in text.lower()


def test_no_offence_no_injury_and_a_child_not_present_are_said_plainly():
    text = _circumstances(offences=[], dash_answers={"q1": False}, child_present=False,
                          relationship="ex_partner")
    assert text == ("The police attended a domestic abuse incident between former partners. "
                    "The police did not record the child as present.")


@pytest.mark.parametrize(("decision", "process"), [("social_work_assessment", "a social work assessment"),
                                                   ("strategy_discussion", "a strategy discussion")])
def test_an_assessment_or_a_strategy_discussion_asks_the_school_to_contribute(decision, process):
    request = contribution_request(decision)
    assert f"The triage meeting decided on {process}" in request
    assert "you will be contacted to contribute" in request


@pytest.mark.parametrize("decision", ["early_help_offer", "information_only", "marac_referral", ""])
def test_other_decisions_ask_nothing_of_the_school(decision):
    assert contribution_request(decision) == ""
