"""`frontdoor link`: a partner list against an index file, or against the database's index."""
import csv

import pytest

from frontdoor.cli import main
from frontdoor.people import identity
from frontdoor.people.matching.generator import write_csv
from tests.people.index import load_index, population, trained_model

pytestmark = pytest.mark.django_db


def _rows(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def _check_matches(rows, queries):
    assert set(rows[0]) == {"query_id", "index_id", "match_probability", "decision"}
    assert {r["query_id"] for r in rows} == {q["id"] for q in queries}
    assert {r["decision"] for r in rows} <= {"link", "review", "new"}
    assert all((r["index_id"] == "") == (r["decision"] == "new") for r in rows)


def test_link_with_an_index_file(tmp_path, capsys):
    index, queries = population().index[:300], population().queries[:60]
    write_csv(index, tmp_path / "index.csv")
    write_csv(queries, tmp_path / "queries.csv")
    main(["link", str(tmp_path / "index.csv"), str(tmp_path / "queries.csv"), "--out", str(tmp_path / "out.csv")])
    _check_matches(_rows(tmp_path / "out.csv"), queries)
    assert "60 queries" in capsys.readouterr().out


def test_link_against_the_database_names_people_by_their_index_id(tmp_path):
    identity.match_model_store(model=trained_model())
    persons = load_index(population().index[:300])
    by_pk = {str(p.pk): record_id for record_id, p in persons.items()}
    queries = [{**population().index[5], "id": "partner-1"}, {**population().index[9], "id": "partner-2"}]
    write_csv(queries, tmp_path / "queries.csv")
    main(["link", str(tmp_path / "queries.csv"), "--out", str(tmp_path / "out.csv")])
    rows = _rows(tmp_path / "out.csv")
    _check_matches(rows, queries)
    linked = {r["query_id"]: by_pk[r["index_id"]] for r in rows if r["decision"] == "link"}
    assert linked == {"partner-1": population().index[5]["id"], "partner-2": population().index[9]["id"]}


def test_link_with_a_missing_file_says_so(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["link", str(tmp_path / "missing.csv"), str(tmp_path / "q.csv"), "--out", str(tmp_path / "out.csv")])
    assert "Cannot link" in capsys.readouterr().err


def test_link_against_an_index_too_small_to_train_says_what_to_do(tmp_path, capsys):
    write_csv(population().queries[:5], tmp_path / "queries.csv")
    with pytest.raises(SystemExit):
        main(["link", str(tmp_path / "queries.csv"), "--out", str(tmp_path / "out.csv")])
    assert "too small to train a match model" in capsys.readouterr().err
