"""Batch linkage with Splink: a partner list against the index, and duplicates in the index.

Both take iterables of dicts (the partner-list columns) so the CLI can feed them from CSV files
and the database alike. DuckDB runs them on one machine; pass `db_api=SparkAPI(...)` to run the
same model on Spark.
"""

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from splink import DuckDBAPI, Linker

from frontdoor.csv_cells import spreadsheet_safe

from .comparisons import COMPARISONS, GIVEN_NAME, NHS_NUMBER, dedupe_blocking_rules
from .model import MatchModel, feature_table, train_model
from .resolver import Decision, Thresholds, conflicting_levels, decide, ruled_out

OUTPUT_COLUMNS = ("query_id", "index_id", "match_probability", "decision")
_LEFT, _RIGHT = "index", "query"


@dataclass(frozen=True)
class ScoredPair:
    left_id: str
    right_id: str
    match_weight: float
    match_probability: float
    levels: tuple[int, ...]   # level position per comparison, as in the in-process scorer


@dataclass(frozen=True)
class Match:
    query_id: str
    index_id: str | None
    match_probability: float | None
    decision: Decision


@dataclass(frozen=True)
class DuplicatePair:
    left_id: str
    right_id: str
    match_probability: float
    decision: Decision   # link (the same person, no doubt) or review


@dataclass(frozen=True)
class Duplicates:
    pairs: list[DuplicatePair]
    clusters: list[list[str]]   # records joined by `link` pairs, two or more each


def _linker(model: MatchModel, tables: list, db_api,
            blocking_rules: list | None = None) -> tuple[Linker, list]:
    db_api = db_api or DuckDBAPI()
    frames = [db_api.register(table) for table in tables]
    # The model is a dedupe model; predict_between takes the second table at call time.
    linker = Linker(frames[0], model.settings_for_backend(blocking_rules), log_level=None)
    model.register_term_frequencies(linker, db_api)
    return linker, frames


def _levels(row: Mapping) -> tuple[int, ...]:
    """Splink's gamma values (ELSE = 0, counting up; NULL = -1) as level positions."""
    levels = []
    for comparison in COMPARISONS:
        gamma = row[f"gamma_{comparison.name}"]
        levels.append(0 if gamma == -1 else len(comparison.levels) - 1 - gamma)
    return tuple(levels)


def _scored_pairs(predictions) -> list[ScoredPair]:
    rows = predictions.as_pandas_dataframe().to_dict("records")
    return [
        ScoredPair(str(r["unique_id_l"]), str(r["unique_id_r"]), float(r["match_weight"]),
                   float(r["match_probability"]), _levels(r))
        for r in rows
    ]


def score_between(model: MatchModel, index: Iterable[Mapping], queries: Iterable[Mapping], *,
                  min_probability: float, db_api=None) -> list[ScoredPair]:
    """Splink's predictions for index x queries pairs (left = index, right = query)."""
    index_table = _tagged(model, index, _LEFT)
    query_table = _tagged(model, queries, _RIGHT)
    linker, (left, right) = _linker(model, [index_table, query_table], db_api)
    predictions = linker.inference.predict_between(
        left, right, threshold_match_probability=min_probability
    )
    return [_orient(pair) for pair in _scored_pairs(predictions)]


def _tagged(model: MatchModel, records: Iterable[Mapping], side: str):
    """Features with ids prefixed by side, so an index id and a query id may coincide."""
    tagged = ({**record, "id": f"{side}:{record['id']}"} for record in records)
    return feature_table(tagged, validate_nhs=model.validate_nhs)


def _orient(pair: ScoredPair) -> ScoredPair:
    left, right = pair.left_id, pair.right_id
    if left.startswith(_RIGHT + ":"):
        left, right = right, left
    return ScoredPair(left.split(":", 1)[1], right.split(":", 1)[1], pair.match_weight,
                      pair.match_probability, pair.levels)


def match_records(model: MatchModel, index: Iterable[Mapping], queries: Iterable[Mapping], *,
                  thresholds: Thresholds = Thresholds(), db_api=None) -> list[Match]:
    """One row per query and candidate worth a person's look: `link` (the one index record),
    `review` (up to three candidates), or `new` (no index_id)."""
    queries = list(queries)
    pairs = score_between(model, index, queries, min_probability=thresholds.review_probability,
                          db_api=db_api)
    by_query: dict[str, list[ScoredPair]] = defaultdict(list)
    for pair in pairs:
        by_query[pair.right_id].append(pair)
    matches: list[Match] = []
    for query in queries:
        ranked = sorted(by_query.get(str(query["id"]), ()), key=lambda p: -p.match_weight)
        matches += _matches_for(str(query["id"]), ranked, thresholds, model.prior)
    return matches


def _matches_for(query_id: str, ranked: list[ScoredPair], thresholds: Thresholds,
                 prior: float | None = None) -> list[Match]:
    ranked = [p for p in ranked if not ruled_out(p.levels, thresholds)]
    decision, _ = decide([(p.match_weight, p.match_probability, p.levels) for p in ranked],
                         thresholds, prior)
    if decision == "new":
        return [Match(query_id, None, None, "new")]
    shown = ranked[:1] if decision == "link" else ranked[:3]
    return [Match(query_id, p.left_id, p.match_probability, decision) for p in shown]


def read_records(path: str | Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def link_files(index_csv: str | Path, queries_csv: str | Path, out_csv: str | Path, *,
               model: MatchModel | None = None, thresholds: Thresholds = Thresholds()) -> list[Match]:
    """`frontdoor link INDEX.csv QUERIES.csv --out MATCHES.csv`. Without a saved model, one is
    trained on the two files together."""
    index, queries = read_records(index_csv), read_records(queries_csv)
    if model is None:
        model = train_model(index + queries)
    matches = match_records(model, index, queries, thresholds=thresholds)
    write_matches(matches, out_csv)
    return matches


def write_matches(matches: Iterable[Match], out_csv: str | Path) -> None:
    with open(out_csv, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(OUTPUT_COLUMNS)
        for m in matches:
            probability = "" if m.match_probability is None else f"{m.match_probability:.6f}"
            writer.writerow((spreadsheet_safe(m.query_id), spreadsheet_safe(m.index_id or ""), probability, m.decision))


def dedupe_records(model: MatchModel, records: Iterable[Mapping], *,
                   thresholds: Thresholds = Thresholds(), db_api=None) -> Duplicates:
    """Pairs of index records that may be one person, and the clusters that `link` pairs form."""
    table = feature_table(records, validate_nhs=model.validate_nhs)
    linker, _ = _linker(model, [table], db_api, dedupe_blocking_rules())
    predictions = linker.inference.predict(
        threshold_match_probability=thresholds.review_probability
    )
    pairs = [
        DuplicatePair(p.left_id, p.right_id, p.match_probability, _pair_decision(p, thresholds))
        for p in _scored_pairs(predictions)
    ]
    return Duplicates(pairs=pairs, clusters=_clusters(p for p in pairs if p.decision == "link"))


def _pair_decision(pair: ScoredPair, thresholds: Thresholds) -> Decision:
    certain = pair.match_probability >= thresholds.merge_probability
    conflicts = conflicting_levels(pair.levels, thresholds.merge_conflicts)
    return "link" if certain and not conflicts and _same_name_or_number(pair) else "review"


def _same_name_or_number(pair: ScoredPair) -> bool:
    given, nhs = (COMPARISONS.index(c) for c in (GIVEN_NAME, NHS_NUMBER))
    return pair.levels[given] == 1 or pair.levels[nhs] == 1


def _clusters(links: Iterable[DuplicatePair]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for pair in links:
        parent[root(pair.left_id)] = root(pair.right_id)
    members: dict[str, list[str]] = defaultdict(list)
    for node in parent:
        members[root(node)].append(node)
    return sorted(sorted(group) for group in members.values() if len(group) > 1)
