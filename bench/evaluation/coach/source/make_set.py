#!/usr/bin/env python3
"""Build the held-out referral-quality coach evaluation set (standard library only).

Every referral is hand-written as literal text in batch_XX.py; this script only
assigns ids, validates and writes dev.jsonl / test.jsonl."""
import json, os, re, sys, collections, importlib
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import LABELS
OUT = os.path.dirname(HERE)
SPLITS = {"dev": ["batch_01", "batch_02", "batch_03", "batch_04"],
          "test": ["batch_05", "batch_06", "batch_07", "batch_08"]}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")
KINDS = {"school", "gp", "health_trust", "camhs", "probation", "housing", "police", "voluntary"}

def main():
    for split, mods in SPLITS.items():
        rows = []
        for m in mods:
            try:
                rows += importlib.import_module(m).CASES
            except ModuleNotFoundError:
                pass
        for i, r in enumerate(rows, 1):
            r = dict(r)
            assert r["agency_kind"] in KINDS, r["agency_kind"]
            assert r["consent"] in ("given", "refused", "not_sought", "")
            for k in ("incident_at", "disclosure_at"):
                assert r[k] is None or ISO.match(r[k]), r[k]
            assert ISO.match(r["submitted_at"])
            assert all(p in LABELS for p in r["expected_problems"]), r["expected_problems"]
            assert len(r["expected_problems"]) <= 3
            for c in r["children"]:
                assert c["date_of_birth"] == "" or re.match(r"^\d{4}-\d\d-\d\d$", c["date_of_birth"])
            rows[i - 1] = {"id": f"{split}-{i:03d}", **r}
        with open(os.path.join(OUT, f"{split}.jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        cnt = collections.Counter(p for r in rows for p in r["expected_problems"])
        good = sum(1 for r in rows if not r["expected_problems"])
        kinds = collections.Counter(r["agency_kind"] for r in rows)
        print(split, len(rows), "good", good, dict(sorted(cnt.items())), dict(kinds))

if __name__ == "__main__":
    main()
