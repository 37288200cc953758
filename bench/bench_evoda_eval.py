"""EVODA suggestions on notifications written apart from the tool (bench/evaluation/evoda/).

Prints grade agreement, the grade confusion matrix, the highs missed, indicator precision and
recall overall and per factor against the writer's labels (the seed's own indicator wording,
mapped to the tool's ids by its `listed` text), and how many trap notifications (negated,
hypothetical, historical or other-person mentions, source/meta.jsonl) the tool fell into: a trap
is hit when the suggestion lists a factor the writer did not or grades above the writer. Improve on
dev; the test split is run once per release.

    python bench/bench_evoda_eval.py [--set evoda|evoda2] --split dev [--misses]
"""
import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from frontdoor.screening.evoda import screen_evoda_record
from frontdoor.screening.tools import load_tool

EVALUATION = Path(__file__).parent / "evaluation"
# Two sets by two authors who never saw the tool: evoda (200, West Mercia, 2026-12-03) and evoda2
# (120, nine forces and other styles, 2026-12-04).
SETS = ("evoda", "evoda2")
LABELS = ("expected_grade", "expected_indicators", "rationale")
GRADES = ("standard", "medium", "high")


@dataclass
class Tally:
    grades: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    unmapped: Counter = field(default_factory=Counter)
    highs_missed: list = field(default_factory=list)
    traps: int = 0
    traps_hit: list = field(default_factory=list)
    uncertain: int = 0


def _ids_by_text() -> dict[str, str]:
    tool = load_tool("evoda")
    factors = (*tool.indicators, *tool.risk_factors, *tool.protective_factors)
    return {" ".join(text.split()): factor.id for factor in factors for text in factor.listed.values()}


def _found_ids(result: dict) -> set[str]:
    return {found["id"] for kind in ("indicators", "risk_factors", "protective_factors") for found in result[kind]}


def _traps(here: Path) -> dict[str, str]:
    lines = (here / "source" / "meta.jsonl").read_text(encoding="utf-8").splitlines()
    return {meta["police_reference"]: meta["trap"] for meta in map(json.loads, lines) if meta["trap"]}


def _expected_ids(case: dict, by_text: dict[str, str], tally: Tally) -> set[str]:
    expected = set()
    for text in case["expected_indicators"]:
        key = " ".join(text.split())
        if key in by_text:
            expected.add(by_text[key])
        else:
            tally.unmapped[text] += 1
    return expected


def _score(case: dict, result: dict, expected: set[str], trap: str | None, tally: Tally) -> None:
    want, got = case["expected_grade"], result["suggested_grade"]
    found = _found_ids(result)
    tally.grades[want, got] += 1
    tally.uncertain += bool(result.get("uncertain_between"))
    for fid in found:
        tally.found[fid] += 1
    for fid in expected:
        tally.expected[fid] += 1
    for fid in found & expected:
        tally.right[fid] += 1
    if want == "high" and got != "high":
        tally.highs_missed.append(f"{case['police_reference']} suggested {got}")
    if trap:
        tally.traps += 1
        if found - expected or GRADES.index(got) > GRADES.index(want):
            tally.traps_hit.append(f"{case['police_reference']} ({trap}): extra {sorted(found - expected)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--set", choices=SETS, default="evoda", dest="evaluation_set")
    parser.add_argument("--misses", action="store_true", help="list each notification's missed and extra findings")
    args = parser.parse_args()
    here = EVALUATION / args.evaluation_set
    by_text, traps, tally = _ids_by_text(), _traps(here), Tally()
    cases = [json.loads(line) for line in (here / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()]
    started = time.perf_counter()
    for case in cases:
        result = screen_evoda_record({k: v for k, v in case.items() if k not in LABELS})
        expected = _expected_ids(case, by_text, tally)
        _score(case, result, expected, traps.get(case["police_reference"]), tally)
        found = _found_ids(result)
        if args.misses and (expected ^ found or case["expected_grade"] != result["suggested_grade"]):
            print(f"{case['police_reference']} expected {case['expected_grade']} got {result['suggested_grade']}"
                  f"\n    missed {sorted(expected - found)}\n    extra  {sorted(found - expected)}"
                  f"\n    {case['narrative'][:400]}")
    _report(f"{args.evaluation_set} {args.split}", len(cases), tally, time.perf_counter() - started)


def _report(split: str, total: int, tally: Tally, seconds: float) -> None:
    grades = tally.grades
    agree = sum(grades[g, g] for g in GRADES)
    highs = sum(grades["high", g] for g in GRADES)
    right, found, expected = (sum(c.values()) for c in (tally.right, tally.found, tally.expected))
    print(f"split {split}: {total} notifications, {seconds:.2f} s")
    print(f"grade agreement {agree / total:.2f}; highs found {grades['high', 'high']} of {highs}"
          f" (recall {grades['high', 'high'] / max(highs, 1):.2f})")
    print(f"indicator precision {right / max(found, 1):.2f}, recall {right / max(expected, 1):.2f}")
    print(f"traps hit {len(tally.traps_hit)} of {tally.traps} ({len(tally.traps_hit) / max(tally.traps, 1):.2f});"
          f" suggestions unsure between two grades {tally.uncertain}")
    print("confusion matrix (rows: the writer's grade; columns: suggested)")
    print(f"  {'':10}" + "".join(f"{g:>10}" for g in GRADES))
    for want in GRADES:
        print(f"  {want:10}" + "".join(f"{grades[want, got]:>10}" for got in GRADES))
    print("highs missed:", ", ".join(tally.highs_missed) or "none")
    print("traps hit:", "; ".join(tally.traps_hit) or "none")
    print("per factor (precision, recall; found / labelled):")
    for fid in sorted(set(tally.found) | set(tally.expected)):
        p = tally.right[fid] / tally.found[fid] if tally.found[fid] else float("nan")
        r = tally.right[fid] / tally.expected[fid] if tally.expected[fid] else float("nan")
        print(f"  {fid:40} P {p:4.2f}  R {r:4.2f}  ({tally.found[fid]} / {tally.expected[fid]})")
    if tally.unmapped:
        print("labels that name no indicator of the tool:", dict(tally.unmapped))


if __name__ == "__main__":
    main()
