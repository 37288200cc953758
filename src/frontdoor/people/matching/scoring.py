"""Score a pair of prepared records in process with the trained model's level weights.

The same comparison levels as the Splink model (comparisons.py) and the same weights (read from
Splink's own settings object), so a pair scores as it would in `linker.inference.predict`.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from operator import getitem

from .comparisons import COMPARISONS, levels_for
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
        self._tf = tuple(
            (n, c.tf_level, c.levels[c.tf_level].tf_column,
             math.log2(trained[n][c.tf_level]["u_probability"]),
             model.term_frequencies[c.levels[c.tf_level].tf_column])
            for n, c in enumerate(COMPARISONS)
            if c.tf_level is not None and c.levels[c.tf_level].tf_column in model.term_frequencies
        )
        self._tf_by_position = {tf[0]: tf for tf in self._tf}
        self._level_weights = tuple(tuple(weights) for weights in self.weights)

    def score(self, query: dict, candidate: dict) -> PairScore:
        total, levels = self.weigher(query)(candidate)
        return PairScore(total, match_probability(total), levels)

    def weigher(self, query: dict) -> Callable[[dict], tuple[float, tuple[int, ...]]]:
        """A function of a candidate record that gives its match weight and levels against
        `query` (`score` without the probability): what ranking a lookup's candidates needs."""
        levels_of, prior, level_weights, tf = (
            levels_for(query), self.prior_weight, self._level_weights, self._tf
        )

        def weigh(candidate: dict) -> tuple[float, tuple[int, ...]]:
            levels = levels_of(candidate)
            # Added up by `sum` in comparison order, then the adjustments: the same additions as
            # ever, so that a weight is the same to the last bit.
            total = prior + sum(map(getitem, level_weights, levels))
            for n, level, column, log2_u, shares in tf:
                if levels[n] == level:  # otherwise the adjustment is 0.0 (and total is never -0.0)
                    share = max(shares.get(query[column]) or 0.0, shares.get(candidate[column]) or 0.0)
                    total += log2_u - math.log2(share) if share > 0 else 0.0
            return total, levels

        return weigh

    def evidence(self, query: dict, candidate: dict, levels: tuple[int, ...]) -> tuple[FieldEvidence, ...]:
        return tuple(
            self._field_evidence(position, comparison, index, query, candidate)
            for position, (comparison, index) in enumerate(zip(COMPARISONS, levels))
        )

    def _field_evidence(self, position, comparison, index, query, candidate) -> FieldEvidence:
        # A shared rare name counts for more than a shared common one (term frequency).
        tf = self._tf_by_position.get(position)
        weight = self._level_weights[position][index] + (
            _tf_adjustment(*tf[1:], query, candidate, index) if tf else 0.0
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


def _tf_adjustment(level: int, column: str, log2_u: float, shares: dict, query: dict,
                   candidate: dict, reached: int) -> float:
    """Splink's term frequency adjustment: log2(u of the level) - log2(the larger share of the two
    values), when the pair reached the adjusted level and a share is known."""
    if reached != level:
        return 0.0
    share = max(shares.get(query[column]) or 0.0, shares.get(candidate[column]) or 0.0)
    return log2_u - math.log2(share) if share > 0 else 0.0


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
