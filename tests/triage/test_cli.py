import json

import pytest

from frontdoor.cli import main
from frontdoor.triage.models import PoliceNotification
from tests.triage.records import csv_text, jsonl, record


@pytest.mark.django_db
def test_import_prints_counts_and_each_quarantined_reason(tmp_path, capsys):
    path = tmp_path / "night.jsonl"
    path.write_text(jsonl(record("A1"), record("A2", dash_level="")))
    main(["import-notifications", str(path)])
    out = capsys.readouterr().out
    assert "1 stored, 0 amended, 0 already stored, 1 quarantined" in out
    assert "line 2: dash_level: Choose the officer's DASH level: standard, medium or high" in out
    assert PoliceNotification.objects.count() == 1


@pytest.mark.django_db
def test_import_csv_with_explicit_format(tmp_path, capsys):
    path = tmp_path / "night.txt"
    path.write_text(csv_text(record("A1")))
    main(["import-notifications", str(path), "--format", "csv"])
    assert "1 stored" in capsys.readouterr().out


@pytest.mark.django_db
def test_an_unreadable_file_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as missing:
        main(["import-notifications", str(tmp_path / "absent.jsonl")])
    path = tmp_path / "bad.csv"
    path.write_text("colour\n")
    with pytest.raises(SystemExit) as bad_header:
        main(["import-notifications", str(path)])
    assert missing.value.code == 2 and bad_header.value.code == 2
    assert "Cannot read" in capsys.readouterr().err


def test_screen_evoda_writes_one_line_per_notification(tmp_path, capsys):
    path = tmp_path / "night.jsonl"
    history = [{"occurred_at": "2025-01-01", "grade": "medium"}]
    path.write_text(jsonl(record("A1", children=[], narrative="Verbal argument.", prior_incidents=history)))
    main(["screen", "evoda", str(path)])
    [line] = capsys.readouterr().out.splitlines()
    result = json.loads(line)
    assert result["police_reference"] == "A1" and result["suggested_grade"] in ("standard", "medium", "high")
    assert {"id": "history_minor_incidents", "source": "history"} in [
        {"id": i["id"], "source": i["source"]} for i in result["indicators"]]


@pytest.mark.django_db
def test_import_prints_each_amendment_with_what_changed(tmp_path, capsys):
    path = tmp_path / "night.jsonl"
    path.write_text(jsonl(record("A1")))
    main(["import-notifications", str(path)])
    path.write_text(jsonl(record("A1", narrative="DP now has a knife")))
    main(["import-notifications", str(path)])
    out = capsys.readouterr().out
    assert "0 stored, 1 amended, 0 already stored, 0 quarantined" in out
    assert "line 1: A1 amended: narrative" in out


@pytest.mark.django_db
def test_a_csv_narrative_longer_than_csvs_field_limit_is_a_quarantined_row(tmp_path, capsys):
    path = tmp_path / "night.csv"
    path.write_text(csv_text(record("A1", narrative="x" * 200_000), record("A2")))
    main(["import-notifications", str(path)])
    out = capsys.readouterr().out
    assert "1 stored, 0 amended, 0 already stored, 1 quarantined" in out
    assert "line 2: narrative: The officer's narrative must be 20,000 characters or fewer" in out


@pytest.mark.django_db
def test_a_file_nested_too_deeply_exits_2_and_stores_nothing(tmp_path, capsys):
    path = tmp_path / "night.jsonl"
    path.write_text(jsonl(record("A1"), "[" * 100_000 + "]" * 100_000))
    with pytest.raises(SystemExit) as refused:
        main(["import-notifications", str(path)])
    assert refused.value.code == 2 and "Line 2 is nested too deeply" in capsys.readouterr().err
    assert not PoliceNotification.objects.exists()
