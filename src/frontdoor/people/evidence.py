"""How the match evidence reads on a page: one row per field, in words a practitioner uses."""
from dataclasses import dataclass

FIELD_LABELS = {
    "given_name": "First name", "family_name": "Last name", "dob": "Date of birth", "sex": "Sex",
    "nhs_number": "NHS number", "address": "Address (and previous addresses)", "school": "School",
}
AGREEMENT_TAGS = {
    "agrees": "govuk-tag--green", "partly agrees": "govuk-tag--yellow", "disagrees": "govuk-tag--red",
    "missing": "govuk-tag--grey",
}
RECOMMENDATIONS = {
    "link": "Near-certain match",
    "review": "Possible match: check the evidence",
    "new": "No match: add as a new person",
}


@dataclass(frozen=True)
class EvidenceRow:
    label: str
    given: str
    indexed: str
    agreement: str
    tag_class: str
    level: str
    counted: str


def probability_text(probability: float) -> str:
    """'99.7%'; never '100%', which the matcher never means."""
    if probability >= 0.999:
        return "over 99.9%"
    if probability < 0.001:
        return "under 0.1%"
    return f"{probability:.1%}"


def _get(evidence, name):
    return evidence[name] if isinstance(evidence, dict) else getattr(evidence, name)


def counted(match_weight: float) -> str:
    """A level's weight of evidence as odds: 'for, x 4,096' means 4,096 times likelier the same person."""
    if abs(match_weight) < 0.5:
        return "hardly counted"
    direction = "for" if match_weight > 0 else "against"
    return f"{direction}, × {2 ** abs(match_weight):,.0f}"


def evidence_rows(evidence) -> list[EvidenceRow]:
    """Rows from a resolver candidate's FieldEvidence or its stored JSON."""
    return [
        EvidenceRow(
            label=FIELD_LABELS.get(_get(e, "field"), _get(e, "field")),
            given=_get(e, "query_value") or "Not given",
            indexed=_get(e, "candidate_value") or "Not known",
            agreement=_get(e, "agreement"),
            tag_class=AGREEMENT_TAGS.get(_get(e, "agreement"), ""),
            level=_get(e, "level"),
            counted="did not count" if _get(e, "agreement") == "missing" else counted(_get(e, "match_weight")),
        )
        for e in evidence
    ]
