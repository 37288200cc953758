"""The referral-quality coach on referrals written apart from it (bench/evaluation/coach/).

Prints, per flag and overall, precision and recall of the coach's flags against the writer's
labels, and how many good referrals were flagged at all (a coach that nags is ignored). Improve on
dev; the test split is run once per release.

    python bench/bench_coach_eval.py --split dev [--misses]
"""
import argparse
import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from frontdoor.intake.coach import ReferralDraft, check
from frontdoor.intake.concern_form import load_concern_form

HERE = Path(__file__).parent / "evaluation" / "coach"


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _draft(case: dict, question_ids: dict[str, str]) -> ReferralDraft:
    when = {k: datetime.fromisoformat(case[k]) if case.get(k) else None for k in ("incident_at", "disclosure_at", "submitted_at")}
    children = tuple({**child, "dob": date.fromisoformat(child["date_of_birth"]) if child.get("date_of_birth") else None}
                     for child in case["children"])
    answers = {question_ids.get(_key(text), text): answer for text, answer in case["agency_answers"].items()}
    return ReferralDraft(
        referrer_name=case["referrer_name"], referrer_phone=case["referrer_phone"], referrer_email=case["referrer_email"],
        agency_kind=case["agency_kind"], children=children, concern_now=case["concern_now"],
        concern_past=case["concern_past"], agency_actions=case["agency_actions"], consent=case["consent"],
        consent_reason=case["consent_reason"], agency_answers=answers, **when,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    form = load_concern_form()
    question_ids = {_key(q.text): q.id for section in form.agency_sections for q in section.questions}
    cases = [json.loads(line) for line in (HERE / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()]
    right, flagged, expected, nagged_good = Counter(), Counter(), Counter(), 0
    for case in cases:
        got = {flag.code for flag in check(_draft(case, question_ids), form=form)}
        want = set(case["expected_problems"])
        for code in got:
            flagged[code] += 1
            right[code] += code in want
        for code in want:
            expected[code] += 1
        nagged_good += not want and bool(got)
        if args.misses and got != want:
            print(f"{case['id']} {case['agency_kind']}: missed {sorted(want - got)} extra {sorted(got - want)}")
    _report(args.split, cases, right, flagged, expected, nagged_good)


def _report(split, cases, right, flagged, expected, nagged_good) -> None:
    good = sum(1 for case in cases if not case["expected_problems"])
    print(f"split {split}: {len(cases)} referrals ({good} good); good referrals flagged: {nagged_good}")
    print(f"all flags: precision {sum(right.values()) / max(sum(flagged.values()), 1):.2f}, "
          f"recall {sum(right.values()) / max(sum(expected.values()), 1):.2f}")
    print(f"  {'flag':28}{'precision':>10}{'recall':>8}{'flagged':>9}{'labelled':>10}")
    for code in sorted(set(flagged) | set(expected)):
        print(f"  {code:28}{right[code] / max(flagged[code], 1):>10.2f}{right[code] / max(expected[code], 1):>8.2f}"
              f"{flagged[code]:>9}{expected[code]:>10}")


if __name__ == "__main__":
    main()
