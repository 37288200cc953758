"""Seed 004's consent rules for a decision, as plain values."""
import pytest

from frontdoor.decisions.consent import BASIS_NEEDED, HARM_NEEDED, decision_consent_problems


def _problems(**changes):
    values = {"consent": "refused", "level": 2, "consent_basis": "", "significant_harm": False,
              "early_help_declined": False}
    return decision_consent_problems(**{**values, **changes})


@pytest.mark.parametrize("level", [2, 3])
def test_a_support_outcome_without_consent_needs_its_lawful_basis(level):
    assert _problems(level=level) == {"consent_basis": BASIS_NEEDED}
    assert _problems(level=level, consent_basis="Ruby's safety may be at risk") == {}


@pytest.mark.parametrize("consent", ["given", "not_sought"])
def test_consent_given_or_not_sought_needs_no_basis(consent):
    assert _problems(consent=consent) == {}


def test_level_1_after_a_refusal_needs_nothing():
    assert _problems(level=1) == {}


@pytest.mark.parametrize(("consent", "declined"), [("refused", False), ("given", True)])
def test_a_refusal_alone_never_raises_the_level_to_4(consent, declined):
    assert _problems(consent=consent, early_help_declined=declined, level=4) == {"significant_harm": HARM_NEEDED}
    assert _problems(consent=consent, early_help_declined=declined, level=4, significant_harm=True) == {}


def test_level_4_with_consent_needs_no_confirmation():
    assert _problems(consent="given", level=4) == {}
