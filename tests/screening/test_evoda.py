"""EVODA screening of police notifications: one record, and a JSON-lines stream."""
import io
import json

import pytest

from frontdoor.screening.evoda import screen_evoda_jsonl, screen_evoda_record
from frontdoor.screening.facts import ScreeningInputError


def notification(**fields):
    return {
        "force": "West Mercia Police",
        "police_reference": "WMP-2025-000123",
        "occurred_at": "2025-03-01T22:15:00Z",
        "reported_at": "2025-03-01T22:40:00Z",
        "location": "Home address",
        "relationship": "partner",
        "victim": {"given_name": "Jo", "family_name": "Bloggs", "dob": "1990-02-01", "sex": "female",
                   "pregnant": False},
        "perpetrator": {"given_name": "Sam", "family_name": "Bloggs", "dob": "1988-07-09", "sex": "male"},
        "children": [{"given_name": "Amy", "family_name": "Bloggs", "dob": "2017-09-10", "sex": "female",
                      "school_urn": "116789", "school_name": "St Mary's Primary", "present": False,
                      "disability": False, "injured": False}],
        "dash_level": "medium",
        "offences": ["Common assault"],
        "narrative": "DP pushed IP during an argument. The children were asleep upstairs.",
        **fields,
    }


def test_record_gives_reference_grade_findings_and_explanation():
    result = screen_evoda_record(notification())
    assert result["police_reference"] == "WMP-2025-000123"
    assert result["force"] == "West Mercia Police"
    assert result["suggested_grade"] == "medium"
    assert {"id": "intimidation", "source": "narrative", "evidence": "pushed",
            "start": 3, "end": 9} in result["indicators"]
    assert [f["id"] for f in result["risk_factors"]] == ["rf_children_present_in_home"]
    assert result["explanation"][0].startswith("An indicator from the targeted column")
    json.dumps(result)


def test_prior_incidents_in_the_record_are_its_history():
    history = [{"occurred_at": d, "grade": "medium", "summary": "argument"}
               for d in ("2024-05-01", "2024-10-01", "2025-02-01")]
    result = screen_evoda_record(notification(prior_incidents=history))
    assert "repeat_police_callouts" in [f["id"] for f in result["indicators"]]
    assert result["suggested_grade"] == "high"


@pytest.mark.parametrize(("change", "message"), [
    ({"police_reference": ""}, "police_reference is required"),
    ({"occurred_at": None}, "occurred_at is required"),
    ({"occurred_at": "last Tuesday"}, "occurred_at must be an ISO 8601"),
    ({"relationship": "ex-partner"}, "relationship must be one of partner, ex_partner"),
    ({"dash_level": "severe"}, "dash_level must be one of"),
    ({"children": [{"present": "yes"}]}, r"children\[1\].present must be true or false"),
    ({"children": [{"dob": "10/09/2017"}]}, r"children\[1\].dob must be an ISO 8601"),
    ({"offences": "ABH"}, "offences must be a list"),
    ({"dash_answers": {"q30": True}}, "unknown questions: q30"),
    ({"prior_incidents": [{"grade": "high"}]}, "prior incident 1 needs occurred_at"),
])
def test_unusable_fields_are_named_in_the_error(change, message):
    with pytest.raises(ScreeningInputError, match=message):
        screen_evoda_record(notification(**change))


def test_jsonl_writes_one_line_per_notification_and_carries_on_after_bad_lines():
    lines = [
        json.dumps(notification()),
        "{not json",
        "",
        json.dumps(notification(police_reference="WMP-2", occurred_at="soon")),
        json.dumps(["a list"]),
        json.dumps(notification(police_reference="WMP-3", narrative="DP threatened to kill IP.")),
    ]
    out = io.StringIO()
    counts = screen_evoda_jsonl(io.StringIO("\n".join(lines) + "\n"), out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert (counts.screened, counts.failed) == (2, 3)
    assert [r.get("police_reference") for r in results] == ["WMP-2025-000123", None, "WMP-2", None, "WMP-3"]
    assert results[1] == {"line": 2, "error": results[1]["error"]}
    assert results[1]["error"].startswith("line 2: not valid JSON")
    assert results[2]["error"] == ("line 4: occurred_at must be an ISO 8601 date or datetime, "
                                   "not 'soon'")
    assert results[3]["error"] == "line 5: a notification must be a JSON object"
    assert results[4]["suggested_grade"] == "high"
