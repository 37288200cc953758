"""The Fellegi-Sunter model of people in this area: trained without labels, saved as JSON.

Training follows Splink's unsupervised recipe on the DuckDB backend: the prior from
deterministic rules, u from random pairs, m by expectation maximisation on two blocking passes
(each pass learns the comparisons it does not block on).
"""

import json
import logging
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import splink
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.internals.settings_creator import SettingsCreator as _Creator

from .comparisons import (
    COMPARISONS,
    GIVEN_NAME,
    NHS_NUMBER,
    TF_COLUMNS,
    prediction_blocking_rules,
)
from .features import prepare_record

MODEL_FORMAT = "frontdoor-match-model/1"
DEFAULT_PRIOR = 1e-5
# No kind of slip is ever treated as impossible for the same person: a level that EM saw too
# rarely among matches would otherwise carry a weight that no other evidence can outvote.
M_FLOOR = 0.001

_TEXT = pa.string()
_TEXT_LIST = pa.list_(pa.string())
FEATURE_SCHEMA = pa.schema([
    ("unique_id", _TEXT), ("given_name", _TEXT), ("family_name", _TEXT),
    ("given_keys", _TEXT_LIST), ("family_parts", _TEXT_LIST), ("given_parts", _TEXT_LIST),
    ("family_keys", _TEXT_LIST), ("dob", _TEXT),
    ("dob_swapped", _TEXT), ("dob_days", pa.int64()), ("dob_year_month", _TEXT),
    ("dob_month_day", _TEXT), ("sex", _TEXT), ("nhs_number", _TEXT), ("address_key", _TEXT),
    ("address_keys", _TEXT_LIST), ("postcodes", _TEXT_LIST), ("sectors", _TEXT_LIST),
    ("districts", _TEXT_LIST), ("house_number", _TEXT), ("street", _TEXT), ("school", _TEXT),
])


def feature_table(records: Iterable[Mapping], *, validate_nhs: bool = True) -> pa.Table:
    rows = [prepare_record(record, validate_nhs=validate_nhs) for record in records]
    return pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA)


def settings_creator(trained_levels: list[list[dict]] | None = None, *,
                     prior: float = DEFAULT_PRIOR,
                     blocking_rules: list | None = None,
                     term_frequencies: bool = False) -> SettingsCreator:
    """Backend-neutral settings; with `trained_levels`, the m/u of each level are filled in.
    Pairs are blocked by `blocking_rules` (default: the rules for resolving records). With
    `term_frequencies`, name agreement is adjusted by how common the name is (the lookup
    tables must then be registered: `register_term_frequencies`)."""
    trained_levels = trained_levels or [None] * len(COMPARISONS)
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[c.splink_comparison(t, term_frequencies=term_frequencies)
                     for c, t in zip(COMPARISONS, trained_levels)],
        blocking_rules_to_generate_predictions=(
            prediction_blocking_rules() if blocking_rules is None else blocking_rules
        ),
        probability_two_random_records_match=prior,
        retain_intermediate_calculation_columns=True,
    )


@dataclass(frozen=True)
class MatchModel:
    splink_settings: dict   # Splink's own settings dict, trained m/u included (DuckDB dialect)
    metadata: dict          # version, trained_at, record_count, splink_version, validate_nhs

    @property
    def version(self) -> str:
        return self.metadata["version"]

    @property
    def validate_nhs(self) -> bool:
        return self.metadata.get("validate_nhs", True)

    @property
    def term_frequencies(self) -> dict[str, dict[str, float]]:
        """Column -> value -> share of the training records holding it (empty for a model
        trained before term frequencies were used: its names are then not adjusted)."""
        return self.metadata.get("term_frequencies") or {}

    @property
    def prior(self) -> float:
        return self.splink_settings["probability_two_random_records_match"]

    def fits_comparisons(self) -> bool:
        """Whether the model was trained on the comparison levels this code scores with. A model
        trained before a level was added or removed has weights for other levels: it must be
        retrained, not read."""
        trained = [
            [level.get("label_for_charts") for level in comparison["comparison_levels"]
             if not level.get("is_null_level")]
            for comparison in self.splink_settings["comparisons"]
        ]
        spec = [[level.label for level in c.levels if not level.is_null] for c in COMPARISONS]
        return trained == spec

    def trained_levels(self) -> list[list[dict]]:
        """m and u of every level, comparison by comparison, in the spec's order."""
        return [
            [_level_parameters(level) for level in comparison["comparison_levels"]]
            for comparison in self.splink_settings["comparisons"]
        ]

    def level_weights(self) -> list[list[float]]:
        """Each level's match weight (log2 Bayes factor), as Splink computes it."""
        settings = _Creator.from_path_or_dict(self.splink_settings).get_settings("duckdb")
        return [
            [level._log2_bayes_factor for level in comparison.comparison_levels]
            for comparison in settings.comparisons
        ]

    def settings_for_backend(self, blocking_rules: list | None = None) -> SettingsCreator:
        """The trained model as dialect-free settings, e.g. for Splink's Spark backend."""
        return settings_creator(self.trained_levels(), prior=self.prior,
                                blocking_rules=blocking_rules,
                                term_frequencies=bool(self.term_frequencies))

    def register_term_frequencies(self, linker, db_api) -> None:
        """Give Splink the model's own frequency tables, so that batch scores equal the
        in-process scorer's, whatever records a batch holds."""
        for column, shares in self.term_frequencies.items():
            table = pa.table({column: pa.array(list(shares), _TEXT),
                              f"tf_{column}": pa.array(list(shares.values()), pa.float64())})
            linker.table_management.register_term_frequency_lookup(
                db_api.register(table), column
            )

    def save(self, path: str | Path) -> None:
        document = {"format": MODEL_FORMAT, "metadata": self.metadata,
                    "splink_settings": self.splink_settings}
        Path(path).write_text(json.dumps(document, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "MatchModel":
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        if document.get("format") != MODEL_FORMAT:
            raise ValueError(f"{path} is not a Front Door match model ({MODEL_FORMAT})")
        return cls(splink_settings=document["splink_settings"], metadata=document["metadata"])


def _with_m_floor(settings: dict, unseen: set[tuple[str, str]] = frozenset()) -> dict:
    """Every learned m at least M_FLOOR. A level seen neither among the sampled pairs (`unseen`)
    nor among matches (m at the floor) says nothing either way: its weight is 0, not the floor
    over the sample size."""
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("fix_m_probability") or level.get("is_null_level"):
                continue
            level["m_probability"] = max(level.get("m_probability") or 0.0, M_FLOOR)
            key = (comparison["output_column_name"], level.get("label_for_charts"))
            if key in unseen and level["m_probability"] <= M_FLOOR:
                level["u_probability"] = level["m_probability"]
    return settings


def _level_parameters(level: dict) -> dict:
    if level.get("is_null_level"):
        return {}
    return {key: level[key] for key in ("m_probability", "u_probability") if key in level}


def train_model(
    records: Iterable[Mapping],
    *,
    version: str | None = None,
    validate_nhs: bool = True,
    seed: int = 1,
    u_sample_pairs: float = 2e6,
    prior_rule_recall: float = 0.7,
) -> MatchModel:
    """Train on the records the area holds (the index, and contact records if available);
    no labels. Retraining is calling this again: each call gives a new version."""
    table = feature_table(records, validate_nhs=validate_nhs)
    # Splink warns about levels EM never saw among matches; M_FLOOR deals with those.
    logging.getLogger("splink").setLevel(logging.ERROR)
    db_api = DuckDBAPI()
    settings = settings_creator()
    if not validate_nhs:
        # An identifier without a check digit is mistyped like any other field: how often one
        # person's records disagree on it is learned, not fixed at near-never.
        for level in settings.comparisons[COMPARISONS.index(NHS_NUMBER)]._comparison_levels:
            level.configure(fix_m_probability=False)
    linker = Linker(db_api.register(table), settings, log_level=None)
    training = linker.training
    # An NHS number, or full name and date of birth, agreeing: matches with almost no doubt.
    training.estimate_probability_two_random_records_match(
        [block_on("nhs_number"), block_on("given_name", "family_name", "dob")],
        recall=prior_rule_recall,
    )
    training.estimate_u_using_random_sampling(max_pairs=u_sample_pairs, seed=seed)
    unseen = _complete_u(linker, table, u_sample_pairs)
    # Pairs sharing an NHS number are almost all the same person, so they show how one person's
    # records vary. Blocking on date of birth or name instead lets twins and a father and son
    # of the same name pass for matches, and EM then learns that they may disagree.
    if not validate_nhs:
        # Learns the identifier's m from pairs agreeing on name and date of birth; the pass
        # on the identifier below then re-learns every other comparison.
        training.estimate_parameters_using_expectation_maximisation(
            block_on("given_name", "family_name", "dob"),
            fix_probability_two_random_records_match=True,
        )
    training.estimate_parameters_using_expectation_maximisation(
        block_on("nhs_number"), fix_probability_two_random_records_match=True
    )
    trained_at = datetime.now(UTC)
    return MatchModel(
        splink_settings=_with_m_floor(linker.misc.save_model_to_json(), unseen),
        metadata={
            "version": version or trained_at.strftime("%Y%m%dT%H%M%SZ"),
            "trained_at": trained_at.isoformat(),
            "record_count": table.num_rows,
            "splink_version": splink.__version__,
            "validate_nhs": validate_nhs,
            "term_frequencies": _term_frequencies(table),
        },
    )


def _complete_u(linker, table: pa.Table, u_sample_pairs: float) -> set[tuple[str, str]]:
    """u where random sampling cannot see it. Two random records share an NHS number about once
    in as many pairs as there are records, so among a few million sampled pairs of a large index
    there is often no such pair; Splink then falls back to a placeholder u (weight about 10 bits,
    where a million-person index needs over 20). The chance that two records share an identifier
    is exact from its value counts, as term frequencies are. Any other level the sample never
    saw gets u = 1 / pairs sampled: the most its rarity can be told from the sample. Returns those
    levels (comparison, label)."""
    unseen = set()
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            if level._fix_u_probability:
                continue
            if level._trained_u_median is None:
                _set_u(level, 1.0 / u_sample_pairs, "not seen among the pairs sampled")
                unseen.add((comparison.output_column_name, level.label_for_charts))
        if comparison.output_column_name == GIVEN_NAME.name:
            swapped = comparison.comparison_levels[GIVEN_NAME.swapped_level]
            _set_u(swapped, _chance_names_swapped(table),
                   "exact share of record pairs with the names swapped")
            unseen.discard((comparison.output_column_name, swapped.label_for_charts))
        if comparison.output_column_name == NHS_NUMBER.name:
            same = comparison.comparison_levels[1]
            _set_u(same, _chance_two_records_share(table, "nhs_number"),
                   "exact share of record pairs with the same identifier")
            different = comparison.comparison_levels[-1]
            _set_u(different, 1.0 - sum(level.u_probability
                                        for level in comparison.comparison_levels[1:-1]),
                   "pairs with different identifiers")
    return unseen


def _set_u(level, u: float, description: str) -> None:
    """Replaces the sampled u (Splink trains with the median of a level's u estimates)."""
    level._trained_u_probabilities = [
        {"probability": u, "description": description, "m_or_u": "u"}
    ]
    level.u_probability = u


def _chance_two_records_share(table: pa.Table, column: str) -> float:
    counts = [row["counts"] for row in table.column(column).drop_null().value_counts().to_pylist()]
    records = sum(counts)
    if records < 2:
        return 1.0 / max(records, 1)
    shared = sum(count * (count - 1) for count in counts)
    # At least one pair's worth, so a model trained on records that share no number still has u.
    return max(shared, 2) / (records * (records - 1))


def _chance_names_swapped(table: pa.Table) -> float:
    """Share of ordered pairs of records in which one's given name is the other's family name and
    the other way round (names that are the same either way, 'James James', excluded)."""
    counts: dict[tuple[str, str], int] = {}
    for given, family in zip(table.column("given_name").to_pylist(),
                             table.column("family_name").to_pylist()):
        if given and family and given != family:
            counts[given, family] = counts.get((given, family), 0) + 1
    records = sum(counts.values())
    shared = sum(count * counts.get((family, given), 0) for (given, family), count in counts.items())
    return max(shared, 1) / max(records * (records - 1), 1)


def _term_frequencies(table: pa.Table) -> dict[str, dict[str, float]]:
    """Each name's share of the records that have one (as Splink computes it)."""
    frequencies = {}
    for column in TF_COLUMNS:
        counts = table.column(column).drop_null().value_counts().to_pylist()
        total = sum(row["counts"] for row in counts)
        frequencies[column] = {row["values"]: row["counts"] / total for row in counts}
    return frequencies


def match_probability(match_weight: float) -> float:
    """Splink's conversion of a total match weight to a probability."""
    if match_weight > 1000:
        return 1.0
    odds = 2.0 ** match_weight
    return odds / (1.0 + odds)


def prior_weight(prior: float) -> float:
    return math.log2(prior / (1.0 - prior))
