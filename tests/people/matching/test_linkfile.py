import csv

from frontdoor.people.matching.generator import write_csv
from frontdoor.people.matching.linkfile import OUTPUT_COLUMNS, dedupe_records, link_files


def test_link_files_writes_one_answer_for_every_query(model, population, tmp_path):
    index, queries = population.index[:1500], population.queries[:300]
    write_csv(index, tmp_path / "index.csv")
    write_csv(queries, tmp_path / "queries.csv")
    link_files(tmp_path / "index.csv", tmp_path / "queries.csv", tmp_path / "matches.csv",
               model=model)
    with open(tmp_path / "matches.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == OUTPUT_COLUMNS
    assert {r["query_id"] for r in rows} == {q["id"] for q in queries}
    assert {r["decision"] for r in rows} == {"link", "review", "new"}
    assert all(r["index_id"] == "" and r["match_probability"] == ""
               for r in rows if r["decision"] == "new")
    links = [r for r in rows if r["decision"] == "link"]
    assert len({r["query_id"] for r in links}) == len(links)
    truth = population.truth
    assert all(truth[r["index_id"]] == truth[r["query_id"]] for r in links)


def test_link_files_trains_a_model_when_none_is_given(population, tmp_path):
    write_csv(population.index[:800], tmp_path / "index.csv")
    write_csv(population.queries[:100], tmp_path / "queries.csv")
    matches = link_files(tmp_path / "index.csv", tmp_path / "queries.csv", tmp_path / "out.csv")
    assert {m.query_id for m in matches} == {q["id"] for q in population.queries[:100]}


def test_dedupe_finds_a_duplicate_and_keeps_twins_apart(model):
    child = {"id": "A", "given_name": "Amira", "family_name": "Begum", "dob": "2015-06-02",
             "sex": "F", "address": "7 Canal Street", "postcode": "B9 4FF",
             "nhs_number": "9434765919"}
    duplicate = {**child, "id": "B", "given_name": "AMIRA", "postcode": "b94ff", "nhs_number": ""}
    twin = {**child, "id": "C", "given_name": "Aisha", "nhs_number": "9434765870"}
    found = dedupe_records(model, [child, duplicate, twin])
    decisions = {(p.left_id, p.right_id): p.decision for p in found.pairs}
    assert decisions[("A", "B")] == "link"
    assert decisions.get(("A", "C"), "new") != "link"
    assert found.clusters == [["A", "B"]]


def test_dedupe_never_merges_a_parent_and_child_of_one_name_sharing_a_birthday(model):
    mother = {"id": "M", "given_name": "Megan", "family_name": "Roberts", "dob": "1997-09-18",
              "sex": "F", "address": "3 Vine Street", "postcode": "HR1 4WT", "nhs_number": ""}
    daughter = {**mother, "id": "D", "dob": "2022-09-18", "nhs_number": "9434765919"}
    found = dedupe_records(model, [mother, daughter])
    assert all(p.decision != "link" for p in found.pairs)
    assert found.clusters == []
