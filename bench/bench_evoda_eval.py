"""EVODA suggestions on notifications written apart from the tool (bench/evaluation/evoda/).

Prints grade agreement, the grade confusion matrix, the highs missed, and indicator precision and
recall against the writer's labels (the seed's own indicator wording, mapped to the tool's ids by
its `listed` text). Improve on dev; the test split is run once per release.

    python bench/bench_evoda_eval.py --split dev [--misses]
"""
import argparse
import json
import time
from collections import Counter
from pathlib import Path

from frontdoor.screening.evoda import screen_evoda_record
from frontdoor.screening.tools import load_tool

HERE = Path(__file__).parent / "evaluation" / "evoda"
LABELS = ("expected_grade", "expected_indicators", "rationale")
GRADES = ("standard", "medium", "high")


def _ids_by_text() -> dict[str, str]:
    tool = load_tool("evoda")
    factors = (*tool.indicators, *tool.risk_factors, *tool.protective_factors)
    return {" ".join(text.split()): factor.id for factor in factors for text in factor.listed.values()}


def _found_ids(result: dict) -> set[str]:
    return {found["id"] for kind in ("indicators", "risk_factors", "protective_factors") for found in result[kind]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--misses", action="store_true", help="list each notification's missed and extra findings")
    args = parser.parse_args()
    by_text = _ids_by_text()
    cases = [json.loads(line) for line in (HERE / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()]
    grades, found_right, found_all, expected_all, unmapped = Counter(), 0, 0, 0, Counter()
    started = time.perf_counter()
    for case in cases:
        result = screen_evoda_record({k: v for k, v in case.items() if k not in LABELS})
        grades[case["expected_grade"], result["suggested_grade"]] += 1
        expected = set()
        for text in case["expected_indicators"]:
            key = " ".join(text.split())
            if key in by_text:
                expected.add(by_text[key])
            else:
                unmapped[text] += 1
        found = _found_ids(result)
        found_right += len(found & expected)
        found_all += len(found)
        expected_all += len(expected)
        if args.misses and (expected - found or found - expected or case["expected_grade"] != result["suggested_grade"]):
            print(f"{case['police_reference']} expected {case['expected_grade']} got {result['suggested_grade']}"
                  f"\n    missed {sorted(expected - found)}\n    extra  {sorted(found - expected)}"
                  f"\n    {case['narrative'][:300]}")
    seconds = time.perf_counter() - started
    _report(args.split, cases, grades, found_right, found_all, expected_all, seconds)
    if unmapped:
        print("labels that name no indicator of the tool:", dict(unmapped))


def _report(split, cases, grades, found_right, found_all, expected_all, seconds) -> None:
    agree = sum(grades[g, g] for g in GRADES)
    highs = sum(grades["high", g] for g in GRADES)
    print(f"split {split}: {len(cases)} notifications, {seconds:.2f} s")
    print(f"grade agreement {agree / len(cases):.2f}; highs found {grades['high', 'high']} of {highs}"
          f" (recall {grades['high', 'high'] / max(highs, 1):.2f})")
    print(f"indicator precision {found_right / max(found_all, 1):.2f}, recall {found_right / max(expected_all, 1):.2f}")
    print("confusion matrix (rows: the writer's grade; columns: suggested)")
    print(f"  {'':10}" + "".join(f"{g:>10}" for g in GRADES))
    for expected in GRADES:
        print(f"  {expected:10}" + "".join(f"{grades[expected, got]:>10}" for got in GRADES))


if __name__ == "__main__":
    main()
