"""Police notification records in the exchange format (docs/police-notifications.md), for tests."""
import csv
import io
import json

from frontdoor.triage.notification_format import CSV_COLUMNS, record_as_csv_row


def record(reference="WMP-2025-000123", **overrides) -> dict:
    fields = {
        "force": "West Mercia Police", "police_reference": reference,
        "occurred_at": "2025-03-01T22:15:00Z", "reported_at": "2025-03-01T22:40:00Z",
        "location": "12 Mill Street, Worcester", "relationship": "partner",
        "victim": {"given_name": "Jo", "family_name": "Bloggs", "dob": "1990-02-01", "sex": "female",
                   "address": "12 Mill Street, Worcester", "postcode": "WR1 2AB", "pregnant": False},
        "perpetrator": {"given_name": "Sam", "family_name": "Bloggs", "dob": "1988-07-09", "sex": "male"},
        "children": [{"given_name": "Amy", "family_name": "Bloggs", "dob": "2017-09-10", "sex": "female",
                      "school_urn": "116789", "school_name": "St Mary's Primary",
                      "present": True, "disability": False, "injured": False}],
        "dash_level": "medium", "dash_answers": {"q1": False, "q2": True},
        "offences": ["Common assault"],
        "narrative": "DP pushed IP during an argument. The children were present in the lounge.",
    }
    return {**fields, **overrides}


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def csv_text(*records, rows=()) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for r in records:
        writer.writerow(record_as_csv_row(r))
    for row in rows:
        writer.writerow({column: "" for column in CSV_COLUMNS} | row)
    return out.getvalue()
