"""Seed 004's consent rules for a Front Door decision. Pure: plain values in, the problems out.

"Consent to make a referral will always be needed where a practitioner is requesting support of
services on behalf of a child or family - this is regardless of whether they are seeking support
from early help services or from Children's Social Care for child in need [...] services", so a
support outcome (Level 2 or 3) on a contact whose consent was refused goes ahead only with the
decider's lawful basis. "If a family refuse prevention or early help services this does not mean
that specialist safeguarding services will become involved": a refusal never raises the level to
4 by itself, only a risk of significant harm does.
"""
REFUSED = "refused"
SUPPORT_LEVELS = (2, 3)
STATUTORY_LEVEL = 4

BASIS_NEEDED = (
    "The family refused consent, and consent to make a referral will always be needed where support is requested "
    "on the family's behalf: enter the lawful basis for going ahead without it, or choose another level"
)
HARM_NEEDED = (
    "A family's refusal of consent or of early help does not by itself raise the level: confirm there is a risk of "
    "significant harm to the child, or choose another level"
)


def consent_basis_needed(*, consent: str, level: int | None) -> bool:
    return consent == REFUSED and level in SUPPORT_LEVELS


def decision_consent_problems(*, consent: str, level: int | None, consent_basis: str, significant_harm: bool,
                              early_help_declined: bool) -> dict[str, str]:
    """Each consent field of the decision that is missing, with its message."""
    if consent_basis_needed(consent=consent, level=level) and not consent_basis.strip():
        return {"consent_basis": BASIS_NEEDED}
    refused = consent == REFUSED or early_help_declined
    if refused and level == STATUTORY_LEVEL and not significant_harm:
        return {"significant_harm": HARM_NEEDED}
    return {}
