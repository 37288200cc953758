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
# The tag a practitioner reads for each agreement; "missing" is the matcher's word, not theirs.
AGREEMENT_WORDS = {"missing": "not recorded"}
# What the field is called inside a sentence ("Sex is not recorded on one record").
FIELD_NOUNS = {
    "given_name": "The first name", "family_name": "The last name", "dob": "The date of birth", "sex": "Sex",
    "nhs_number": "The NHS number", "address": "The address", "school": "The school",
}
# Level labels that need their field named to read as a sentence on their own.
LEVEL_SENTENCES = {
    "within 10 days": "The dates of birth are within 10 days of each other",
    "day and month swapped": "The day and month of birth are swapped",
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


def level_sentence(*, field: str, level: str, agreement: str, given: str, indexed: str) -> str:
    """The matcher's level label as a sentence: 'Sex is not recorded on one record.', not 'sex missing'."""
    if agreement == "missing":
        where = "either record" if not given and not indexed else "one record"
        noun = FIELD_NOUNS.get(field, FIELD_LABELS.get(field, field.replace("_", " ")))
        return f"{noun} is not recorded on {where}."
    text = LEVEL_SENTENCES.get(level, level).strip()
    if not text:
        return ""
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def evidence_rows(evidence) -> list[EvidenceRow]:
    """Rows from a resolver candidate's FieldEvidence or its stored JSON."""
    rows = []
    for e in evidence:
        field, agreement = _get(e, "field"), _get(e, "agreement")
        given, indexed = _get(e, "query_value") or "", _get(e, "candidate_value") or ""
        rows.append(EvidenceRow(
            label=FIELD_LABELS.get(field, field),
            given=given or "Not given",
            indexed=indexed or "Not known",
            agreement=AGREEMENT_WORDS.get(agreement, agreement),
            tag_class=AGREEMENT_TAGS.get(agreement, ""),
            level=level_sentence(field=field, level=_get(e, "level") or "", agreement=agreement,
                                 given=given, indexed=indexed),
            counted="did not count" if agreement == "missing" else counted(_get(e, "match_weight")),
        ))
    return rows
