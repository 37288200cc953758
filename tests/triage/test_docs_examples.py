"""docs/examples holds a police notification in each format the front door takes, and each imports cleanly."""

import json
from pathlib import Path

import pytest

from frontdoor.triage.imports import notifications_import_file, notifications_import_records
from frontdoor.triage.models import PoliceNotification, QuarantinedRow
from frontdoor.triage.notification_format import parse_json

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.mark.parametrize("name, file_format", [("police-notifications.csv", "csv"),
                                               ("police-notifications.jsonl", "jsonl")])
def test_each_example_file_imports_with_nothing_quarantined(name, file_format):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    result = notifications_import_file(text=text, file_format=file_format, source=name)
    assert result.batch.quarantined == 0 and not QuarantinedRow.objects.exists()
    assert result.batch.stored >= 1
    assert result.batch.stored == PoliceNotification.objects.count()


def test_the_api_example_body_imports_as_the_api_reads_it():
    # The API's body is one record or a list of them (api/triage_routes.py); this is the list.
    body = parse_json((EXAMPLES / "police-notifications.json").read_bytes())
    assert isinstance(body, list)
    result = notifications_import_records(records=enumerate(body, start=1), source="API", file_format="api")
    assert (result.batch.stored, result.batch.quarantined) == (len(body), 0)
    references = set(PoliceNotification.objects.values_list("police_reference", flat=True))
    assert references == {item["police_reference"] for item in body}


def test_every_supported_format_has_an_example():
    # The file formats the command line offers, plus the API's JSON body.
    from frontdoor.cli import _parser

    parser = _parser()
    imports = parser._subparsers._group_actions[0].choices["import-notifications"]
    [format_action] = [action for action in imports._actions if action.dest == "format"]
    suffixes = {path.suffix.lstrip(".") for path in EXAMPLES.glob("police-notifications.*")}
    assert set(format_action.choices) | {"json"} <= suffixes
    json.loads((EXAMPLES / "police-notifications.json").read_text(encoding="utf-8"))
