"""Resolve a record to the person index: ranked candidates, evidence per field, and one of
three answers. `link` only when the best candidate is near-certain, clearly ahead of the next and
contradicted by nothing that separates members of one household; otherwise `review` (a person
decides) or `new`.

Single lookups run in process: a candidate index (the model's blocking keys -> records) and the
scorer, so one lookup costs a few dictionary reads and a few hundred comparisons.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import InitVar, dataclass
from functools import cached_property, partial
from operator import itemgetter
from typing import Literal

from .comparisons import COMPARISONS
from .features import prepare_record
from .model import MatchModel, match_probability, prior_weight
from .scoring import FieldEvidence, Scorer

Decision = Literal["link", "review", "new"]


# Levels that, whatever the total, mean a person must look: each is how a twin, a sibling or a
# father and son of the same name differ from the person sought.
HOUSEHOLD_CONFLICTS = frozenset({
    ("nhs_number", "different NHS number"),
    ("nhs_number", "NHS number one digit apart"),
    ("dob", "different date of birth"),
    ("dob", "born a generation apart"),
    ("given_name", "different given name"),
})


# Namesakes, told apart from one person whatever the score, unless the NHS number agrees:
# - born a generation apart: a father and son of one name at one address are two people, not
#   one to review (one NHS number with dates a generation apart is a date typed badly);
# - born nearly on the same day with nothing else in common: a near date of birth is a typing
#   slip only when something that does not come from the name (NHS number, address, school)
#   says it is the same person; otherwise it is the same name born a few days apart, which in a
#   year's births is common.
GENERATION_APART = "born a generation apart"
NEAR_DATES_OF_BIRTH = frozenset({
    "same month and year, different day", "one digit of the date of birth different",
    "within 10 days", "same day and month, year a few years out",
})
UNCORROBORATED = {
    "nhs_number": frozenset({"nhs_number missing", "different NHS number"}),
    "address": frozenset({"address_keys missing", "different area"}),
    "school": frozenset({"school missing", "different school"}),
}


# Two index records merged unseen must not be a parent and child of one name who share a
# birthday: a year apart on the same day and month is how they differ (a typing slip in the year
# goes to a person instead).
MERGE_CONFLICTS = HOUSEHOLD_CONFLICTS | {("dob", "one digit of the date of birth different"),
                                         ("dob", "same day and month, year a few years out")}


@dataclass(frozen=True)
class Thresholds:
    """Calibrated on generated populations (docs/adr/0004-identity-resolution.md)."""

    link_probability: float = 0.98
    # The link test weighs the evidence against a prior of at least this. The model's own prior
    # (the share of all pairs of training records that match) shrinks as the index grows, so
    # without a floor a link would need ever more evidence as an area grows, and a million-person
    # index sent a sixth of all lookups to review. None: the model's prior, however small.
    link_prior: float | None = 1e-5
    # The best must be at least 2**link_margin times likelier than the runner-up.
    link_margin: float = 6.0
    review_probability: float = 0.01
    # Two records already in the index were each accepted as a distinct person once: merging
    # them unseen needs more (twins named Jack and Jacob look like one boy with a nickname).
    merge_probability: float = 0.999
    household_conflicts: frozenset = HOUSEHOLD_CONFLICTS
    # Off for a source with no households and no namesakes, whose dates carry heavy errors.
    namesakes_ruled_out: bool = True
    merge_conflicts: frozenset = MERGE_CONFLICTS




@dataclass(frozen=True)
class Candidate:
    record_id: str
    match_probability: float
    match_weight: float
    levels: tuple[int, ...]   # level position per comparison, in COMPARISONS order
    # How to work out the evidence: most answers (`link`, `new`) are acted on without showing it.
    explain: InitVar[Callable[[], tuple[FieldEvidence, ...]]]

    def __post_init__(self, explain: Callable[[], tuple[FieldEvidence, ...]]) -> None:
        object.__setattr__(self, "_explain", explain)

    @cached_property
    def evidence(self) -> tuple[FieldEvidence, ...]:
        """How each field counted; worked out when first read, then kept."""
        return self._explain()

    @property
    def conflicts(self) -> tuple[str, ...]:
        return tuple(conflicting_levels(self.levels))


@dataclass(frozen=True)
class Resolution:
    decision: Decision
    candidates: tuple[Candidate, ...]   # best first
    reason: str

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def conflicting_levels(levels: tuple[int, ...], conflicts=HOUSEHOLD_CONFLICTS) -> list[str]:
    return [
        comparison.levels[index].label
        for comparison, index in zip(COMPARISONS, levels)
        if (comparison.name, comparison.levels[index].label) in conflicts
    ]


def ruled_out(levels: tuple[int, ...], thresholds: Thresholds = Thresholds()) -> bool:
    """Whether a candidate is a namesake, another person whatever its score (see
    GENERATION_APART)."""
    if not thresholds.namesakes_ruled_out:
        return False
    labels = {comparison.name: comparison.levels[index].label
              for comparison, index in zip(COMPARISONS, levels)}
    if labels["nhs_number"] == "same NHS number":
        return False
    return labels["dob"] == GENERATION_APART or labels["dob"] in NEAR_DATES_OF_BIRTH and all(
        labels[field] in unsupported for field, unsupported in UNCORROBORATED.items()
    )


def decide(
    ranked: list[tuple[float, float, tuple[int, ...]]], thresholds: Thresholds = Thresholds(),
    prior: float | None = None,
) -> tuple[Decision, str]:
    """The answer from candidates ranked best first as (match_weight, probability, levels);
    `prior` is the model's, which the weights include."""
    ranked = [candidate for candidate in ranked if not ruled_out(candidate[2], thresholds)]
    if not ranked or ranked[0][1] < thresholds.review_probability:
        return "new", "no candidate is a plausible match"
    best_weight, best_probability, best_levels = ranked[0]
    if prior is not None and thresholds.link_prior is not None and prior < thresholds.link_prior:
        best_probability = match_probability(
            best_weight - prior_weight(prior) + prior_weight(thresholds.link_prior)
        )
    if best_probability < thresholds.link_probability:
        return "review", "the best candidate is not near-certain"
    if len(ranked) > 1 and best_weight - ranked[1][0] < thresholds.link_margin:
        return "review", "another candidate is nearly as likely"
    conflicts = conflicting_levels(best_levels, thresholds.household_conflicts)
    if conflicts:
        return "review", "differs where household members differ: " + ", ".join(conflicts)
    return "link", "near-certain, clearly ahead of the next candidate, nothing contradicts it"


def _blocking_keys(features: dict) -> list[tuple]:
    """The model's prediction blocking rules as dictionary keys (comparisons.py)."""
    keys = []
    given, family, dob = features["given_name"], features["family_name"], features["dob"]
    if features["nhs_number"]:
        keys.append(("nhs", features["nhs_number"]))
    if dob:
        keys.append(("dob", dob))
    if given and family:
        if dob:
            keys.append(("name_year", given, family, dob[:4]))
            keys.append(("name_month_day", given, family, features["dob_month_day"]))
        keys += [("name_district", given, family, d) for d in features["districts"] or ()]
    if family and dob:
        keys.append(("family_year_month", family, features["dob_year_month"]))
        keys.append(("family_month_day", family, features["dob_month_day"]))
    keys += [("postcode", pc) for pc in features["postcodes"] or ()]
    if features["house_number"] and features["street"]:
        keys.append(("street", features["house_number"], features["street"]))
    if features["school"]:
        keys += [(kind, features[name], features["school"])
                 for kind, name in (("family_school", "family_name"), ("given_school", "given_name"))
                 if features[name]]
    if family and _sparse(features):
        keys.append(("sparse_family", family))
    return keys


def _sparse(features: dict) -> bool:
    """Neither a date of birth nor a postcode: only the family name can find the record."""
    return not features["dob"] and not features["postcodes"]


def _index_keys(features: dict) -> list[tuple]:
    """Keys an index record is found by: its own, and its family name for a sparse query."""
    keys = _blocking_keys(features)
    if features["family_name"]:
        keys.append(("family", features["family_name"]))
    return keys


def _probe_keys(features: dict) -> list[tuple]:
    """Keys to look up for a query: its own, and its date of birth with day and month swapped."""
    keys = _blocking_keys(features)
    if features["dob_swapped"]:
        keys.append(("dob", features["dob_swapped"]))
    if features["family_name"]:
        if _sparse(features):
            keys.append(("family", features["family_name"]))
        else:
            keys.append(("sparse_family", features["family_name"]))
    return keys


class Resolver:
    def __init__(self, model: MatchModel, records: Iterable[Mapping] = (),
                 thresholds: Thresholds = Thresholds()):
        self.model = model
        self.scorer = Scorer(model)
        self.thresholds = thresholds
        self._features: list[dict] = []
        self._position_by_id: dict[str, int] = {}
        self._positions_by_key: dict[tuple, list[int]] = defaultdict(list)
        for record in records:
            self.add(record)

    def __len__(self) -> int:
        return len(self._features)

    def add(self, record: Mapping) -> None:
        """Put an index record in the candidate index (a new or updated person).

        An updated person replaces their earlier record: kept beside it, the earlier one would be
        the runner-up to the person themselves and no lookup of them could ever `link`."""
        features = prepare_record(record, validate_nhs=self.model.validate_nhs)
        position = self._position_by_id.setdefault(features["unique_id"], len(self._features))
        if position == len(self._features):
            self._features.append(features)
        else:
            for key in _index_keys(self._features[position]):
                self._positions_by_key[key].remove(position)
            self._features[position] = features
        for key in _index_keys(features):
            self._positions_by_key[key].append(position)

    def resolve(self, record: Mapping, *, limit: int = 5) -> Resolution:
        query = prepare_record(record, validate_nhs=self.model.validate_nhs)
        scored = [found for found in self._scored_candidates(query)
                  if not ruled_out(found[1], self.thresholds)]
        ranked = [(weight, match_probability(weight), levels) for weight, levels, _ in scored]
        decision, reason = decide(ranked, self.thresholds, self.model.prior)
        candidates = tuple(
            self._candidate(query, *score, found)
            for score, (_, _, found) in zip(ranked[:limit], scored)
        )
        return Resolution(decision, candidates, reason)

    def _scored_candidates(self, query: dict) -> list[tuple[float, tuple[int, ...], dict]]:
        """(match weight, levels, record) of every candidate, best first (in the order found when
        two weigh the same)."""
        positions = {p for key in _probe_keys(query) for p in self._positions_by_key.get(key, ())}
        features, weigh, query_id = self._features, self.scorer.weigher(query), query["unique_id"]
        scored = []
        for position in positions:
            candidate = features[position]
            if candidate["unique_id"] != query_id:
                scored.append((*weigh(candidate), candidate))
        scored.sort(key=itemgetter(0), reverse=True)
        return scored

    def _candidate(self, query: dict, weight: float, probability: float,
                   levels: tuple[int, ...], found: dict) -> Candidate:
        return Candidate(
            record_id=found["unique_id"],
            match_probability=probability,
            match_weight=weight,
            levels=levels,
            explain=partial(self.scorer.evidence, query, found, levels),
        )
