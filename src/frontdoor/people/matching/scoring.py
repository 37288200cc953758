"""Score a pair of prepared records in process with the trained model's level weights.

The same comparison levels as the Splink model (comparisons.py) and the same weights (read from
Splink's own settings object), so a pair scores as it would in `linker.inference.predict`.
"""

import math
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
        if not model.fits_comparisons():
            raise ValueError(f"match model {model.version} was trained on other comparison levels "
                             "than this code scores with: train it again (frontdoor train-matcher)")
        self.model = model
        self.weights = model.level_weights()
        self.prior_weight = prior_weight(model.prior)
        # (comparison position, adjusted level, column, log2 u of that level, value -> share)
        trained = model.trained_levels()
        self._tf = [
            (n, c.tf_level, c.levels[c.tf_level].tf_column,
             math.log2(trained[n][c.tf_level]["u_probability"]),
             model.term_frequencies[c.levels[c.tf_level].tf_column])
            for n, c in enumerate(COMPARISONS)
            if c.tf_level is not None and c.levels[c.tf_level].tf_column in model.term_frequencies
        ]

    def score(self, query: dict, candidate: dict) -> PairScore:
        levels = tuple(c.level_index(query, candidate) for c in COMPARISONS)
        total = self.prior_weight + sum(w[i] for w, i in zip(self.weights, levels))
        for position, _, _, _, _ in self._tf:
            total += self._tf_adjustment(position, query, candidate, levels)
        return PairScore(total, match_probability(total), levels)

    def _tf_adjustment(self, position: int, query: dict, candidate: dict,
                       levels: tuple[int, ...]) -> float:
        """Splink's term frequency adjustment: log2(u of the level) - log2(the larger share of
        the two values), when the pair reached the adjusted level and a share is known."""
        for n, level, column, log2_u, shares in self._tf:
            if n != position:
                continue
            if levels[n] != level:
                return 0.0
            share = max(shares.get(query[column]) or 0.0, shares.get(candidate[column]) or 0.0)
            return log2_u - math.log2(share) if share > 0 else 0.0
        return 0.0

    def evidence(self, query: dict, candidate: dict, levels: tuple[int, ...]) -> tuple[FieldEvidence, ...]:
        return tuple(
            self._field_evidence(comparison, index, query, candidate, levels)
            for comparison, index in zip(COMPARISONS, levels)
        )

    def _field_evidence(self, comparison, index, query, candidate, levels) -> FieldEvidence:
        position = COMPARISONS.index(comparison)
        # A shared rare name counts for more than a shared common one (term frequency).
        weight = self.weights[position][index] + self._tf_adjustment(
            position, query, candidate, levels
        )
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
