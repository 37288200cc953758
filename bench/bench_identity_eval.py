"""Identity resolution on a set written apart from the matcher (bench/evaluation/identity/).

`frontdoor link INDEX.csv QUERIES.csv` as a user runs it: a model trained without labels on the
two files, then link / review / new for each query. Prints link precision, recall of link and
review together, the share sent to review, and the wrong links. The test split is run once per
release; improve on dev.

    python bench/bench_identity_eval.py --split dev
"""
import argparse
import csv
import tempfile
import time
from collections import Counter
from pathlib import Path

from frontdoor.people.matching.linkfile import link_files

HERE = Path(__file__).parent / "evaluation" / "identity"
COLUMNS = ("given_name", "family_name", "dob", "sex", "postcode", "address", "nhs_number", "school")


def _as_partner_list(source: Path, target: Path, id_column: str) -> dict[str, str]:
    """The partner-list CSV `frontdoor link` reads, and each record's true person (or "")."""
    truth = {}
    with open(source, newline="", encoding="utf-8") as rows, open(target, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=("id", *COLUMNS))
        writer.writeheader()
        for row in csv.DictReader(rows):
            writer.writerow({"id": row[id_column], **{c: row.get(c, "") for c in COLUMNS}})
            truth[row[id_column]] = row.get("true_person_id", row[id_column])
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        _as_partner_list(HERE / "index.csv", folder / "index.csv", "person_id")
        truth = _as_partner_list(HERE / f"queries_{args.split}.csv", folder / "queries.csv", "query_id")
        started = time.perf_counter()
        matches = link_files(folder / "index.csv", folder / "queries.csv", folder / "out.csv")
        seconds = time.perf_counter() - started
    by_query: dict[str, list] = {}
    for match in matches:
        by_query.setdefault(match.query_id, []).append(match)
    links = [(q, ms[0].index_id) for q, ms in by_query.items() if ms[0].decision == "link"]
    wrong = [(q, got, truth[q]) for q, got in links if got != truth[q]]
    indexed = [q for q in truth if truth[q]]
    found = [q for q in indexed if any(m.index_id == truth[q] for m in by_query.get(q, ()))]
    reviews = sum(1 for ms in by_query.values() if ms[0].decision == "review")
    print(f"split {args.split}: {len(truth)} queries ({len(indexed)} in the index), {seconds:.1f} s")
    print(f"link precision  {1 - len(wrong) / max(len(links), 1):.4f}  ({len(links)} links, {len(wrong)} wrong)")
    print(f"recall (link + review)  {len(found) / len(indexed):.4f}")
    print(f"sent to review  {reviews / len(truth):.1%}")
    _print_confusion(by_query, truth)
    for query, got, expected in wrong:
        print(f"  wrong link: {query} -> {got} (truly {expected or 'not in the index'})")


def _outcome(matches: list, true_id: str) -> str:
    """What the user sees for one query: the right link, a wrong link, a review or a new person."""
    if not matches or matches[0].decision == "new":
        return "new"
    if matches[0].decision == "link":
        return "link right" if matches[0].index_id == true_id else "link wrong"
    return "review, true in list" if any(m.index_id == true_id for m in matches) else "review, true not in list"


def _print_confusion(by_query: dict[str, list], truth: dict[str, str]) -> None:
    columns = ("link right", "link wrong", "review, true in list", "review, true not in list", "new")
    counts = Counter((bool(true_id), _outcome(by_query.get(query, []), true_id)) for query, true_id in truth.items())
    print("confusion matrix (rows: truth; columns: decision)")
    print(f"  {'':18}" + "".join(f"{c:>26}" for c in columns))
    for in_index, label in ((True, "in the index"), (False, "not in the index")):
        print(f"  {label:18}" + "".join(f"{counts[in_index, c]:>26}" for c in columns))


if __name__ == "__main__":
    main()
