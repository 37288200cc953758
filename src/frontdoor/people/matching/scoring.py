"""Score a pair of prepared records in process with the trained model's level weights.

The same comparison levels as the Splink model (comparisons.py) and the same weights (read from
Splink's own settings object), so a pair scores as it would in `linker.inference.predict`.
"""

from dataclasses import dataclass

from .comparisons import COMPARISONS
from .model import MatchModel, match_probability, prior_weight

Agreement = str  # "agrees" | "partly agrees" | "disagrees" | "missing"

_DISPLAY_COLUMN = {
    "given_name": "given_name", "family_name": "family_name", "dob": "dob", "sex": "sex",
    "nhs_number": "nhs_number", "address": "address_shown", "school": "school",
}


@dataclass(frozen=True)
class FieldEvidence:
    """How one field counted: the level it reached and that level's weight of evidence."""

    field: str
    level: str
    agreement: Agreement
    match_weight: float      # log2 of the Bayes factor: + for the same person, - against
    bayes_factor: float
    query_value: str | None
    candidate_value: str | None


@dataclass(frozen=True)
class PairScore:
    match_weight: float
    match_probability: float
    levels: tuple[int, ...]  # level position per comparison, in COMPARISONS order


class Scorer:
    def __init__(self, model: MatchModel):
        self.model = model
        self.weights = model.level_weights()
        self.prior_weight = prior_weight(model.prior)

    def score(self, query: dict, candidate: dict) -> PairScore:
        levels = tuple(c.level_index(query, candidate) for c in COMPARISONS)
        total = self.prior_weight + sum(w[i] for w, i in zip(self.weights, levels))
        return PairScore(total, match_probability(total), levels)

    def evidence(self, query: dict, candidate: dict, levels: tuple[int, ...]) -> tuple[FieldEvidence, ...]:
        return tuple(
            self._field_evidence(comparison, index, query, candidate)
            for comparison, index in zip(COMPARISONS, levels)
        )

    def _field_evidence(self, comparison, index, query, candidate) -> FieldEvidence:
        weight = self.weights[COMPARISONS.index(comparison)][index]
        column = _DISPLAY_COLUMN[comparison.name]
        return FieldEvidence(
            field=comparison.name,
            level=comparison.levels[index].label,
            agreement=_agreement(comparison, index),
            match_weight=weight,
            bayes_factor=2.0 ** weight,
            query_value=_shown(query.get(column)),
            candidate_value=_shown(candidate.get(column)),
        )


def _agreement(comparison, index: int) -> Agreement:
    if comparison.levels[index].is_null:
        return "missing"
    if index == 1:
        return "agrees"
    if index == len(comparison.levels) - 1:
        return "disagrees"
    return "partly agrees"


def _shown(value) -> str | None:
    return None if value is None else str(value)
