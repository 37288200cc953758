from datetime import date, timedelta

import pytest

from frontdoor.agencies.models import Agency
from frontdoor.casework.models import Case
from frontdoor.people import identity
from frontdoor.people.models import Person, PossibleMatch
from frontdoor.people.records import indexed_persons
from frontdoor.triage.errors import NotificationConflict, RowInvalid
from frontdoor.triage.imports import (
    ImportLookups,
    notifications_import_file,
    notifications_import_records,
    quarantined_row_fields,
    quarantined_row_reimport,
)
from frontdoor.triage.models import (
    NotificationAmendment,
    NotificationChild,
    PoliceNotification,
    QuarantinedRow,
)
from frontdoor.triage.notification_format import FileUnreadable
from tests.people.index import load_index, population, trained_model
from tests.triage.records import csv_text, jsonl, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return Agency.objects.create(kind=Agency.Kind.SCHOOL, name="St Mary's Primary", urn="116789")


def _import(text, file_format="jsonl"):
    return notifications_import_file(text=text, file_format=file_format, source="test file")


@pytest.mark.parametrize("file_format", ["jsonl", "csv"])
def test_good_rows_are_stored_resolved_and_suggested(file_format, school):
    text = (jsonl if file_format == "jsonl" else csv_text)(record("A1"), record("A2", children=[]))
    result = _import(text, file_format)
    assert (result.batch.stored, result.batch.duplicates, result.batch.quarantined) == (2, 0, 0)
    notification = PoliceNotification.objects.get(police_reference="A1")
    assert notification.victim.given_name == "Jo" and notification.victim.kind == Person.Kind.ADULT
    assert notification.perpetrator.family_name == "Bloggs"
    [child] = notification.children.all()
    assert child.person.date_of_birth == date(2017, 9, 10) and child.school == school and child.present
    assert notification.tool_id == "evoda" and notification.tool_version == "1"
    # "The children were present in the lounge" makes them witnesses; the field alone says they
    # were in the home.
    assert notification.suggested_grade == "high"
    assert any(i["id"] == "children_witnessed" and i["source"] == "narrative"
               for i in notification.suggestion["indicators"])
    assert any(r["id"] == "rf_children_present_in_home" and r["source"] == "structured"
               for r in notification.suggestion["risk_factors"])
    assert notification.suggestion["explanation"]


def test_the_same_file_twice_changes_nothing(school):
    text = jsonl(record("A1"), record("A2"), {"force": "West Mercia Police"})
    _import(text)
    counts = (PoliceNotification.objects.count(), Person.objects.count(), QuarantinedRow.objects.count())
    second = _import(text)
    assert (second.batch.stored, second.batch.duplicates, second.batch.quarantined) == (0, 3, 0)
    assert (PoliceNotification.objects.count(), Person.objects.count(), QuarantinedRow.objects.count()) == counts


def test_school_matched_by_exact_name_when_no_urn():
    school = Agency.objects.create(kind=Agency.Kind.SCHOOL, name="Brook Academy", urn="222222")
    child = {"given_name": "Amy", "family_name": "Bloggs", "school_name": "brook academy", "present": False}
    _import(jsonl(record(children=[child])))
    assert NotificationChild.objects.get().school == school


def test_a_bad_row_is_quarantined_with_reasons_and_the_good_ones_stored():
    bad = record("B1", occurred_at="2025-03-01 22:15", victim={"given_name": "", "family_name": "Bloggs"})
    result = _import(jsonl(record("A1"), bad, "{not json", record("A2")))
    assert (result.batch.stored, result.batch.quarantined) == (2, 2)
    rows = {row.line_number: row for row in QuarantinedRow.objects.all()}
    assert rows[2].raw == bad
    assert {e["field"] for e in rows[2].errors} == {"occurred_at", "victim.given_name"}
    assert rows[3].errors == [{"field": "", "message": "This line is not a notification: each line must be one JSON object"}]
    assert not PoliceNotification.objects.filter(police_reference="B1").exists()


def test_nothing_is_half_written_when_storing_fails(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr("frontdoor.triage.imports.NotificationChild.objects.bulk_create", fail)
    with pytest.raises(RuntimeError):
        _import(jsonl(record("A1")))
    assert not PoliceNotification.objects.exists() and not Person.objects.exists()


MESSAGES = [
    ({"force": ""}, "force", "Enter the police force"),
    ({"police_reference": "x" * 51}, "police_reference", "The police reference must be 50 characters or fewer"),
    ({"occurred_at": "2025-03-01"}, "occurred_at", "Enter when the incident happened as a date and time with its offset, like 2025-03-01T22:15:00Z (an offset is needed because the clocks change)"),
    ({"reported_at": None}, "reported_at", "Enter when the incident was reported to the police, as a date and time with its offset, like 2025-03-01T22:15:00Z"),
    ({"location": "x" * 301}, "location", "Where the incident happened must be 300 characters or fewer"),
    ({"relationship": "spouse"}, "relationship", "Choose the relationship between victim and perpetrator: partner, ex_partner, family_member, young_people_partners or other"),
    ({"victim": None}, "victim", "Enter the victim's details"),
    ({"perpetrator": {"family_name": "Bloggs"}}, "perpetrator.given_name", "Enter the perpetrator's given name"),
    ({"victim": {"given_name": "Jo", "family_name": ""}}, "victim.family_name", "Enter the victim's family name"),
    ({"victim": {"given_name": "Jo", "family_name": "B", "dob": "01/02/1990"}}, "victim.dob", "Enter the victim's date of birth as YYYY-MM-DD"),
    ({"victim": {"given_name": "Jo", "family_name": "B", "sex": "f"}}, "victim.sex", "Enter the victim's sex as female, male or unknown"),
    ({"victim": {"given_name": "Jo", "family_name": "B", "postcode": "12345"}}, "victim.postcode", "Enter the victim's postcode as a UK postcode, like WR1 2AB"),
    ({"victim": {"given_name": "Jo", "family_name": "B", "pregnant": "unsure"}}, "victim.pregnant", "Say whether the victim is pregnant with true or false"),
    ({"victim": {"given_name": "Jo", "family_name": "B", "nhs": "1"}}, "victim.nhs", "victim.nhs is not a field of the notification format: check its spelling"),
    ({"children": None}, "children", "Enter the children as a list (an empty list when there are none)"),
    ({"children": ["Amy"]}, "children[0]", "Enter child 1 as an object with their details"),
    ({"children": [{"given_name": "Amy", "family_name": "B", "dob": "2017-13-01", "present": True}]}, "children[0].dob", "Enter the child's date of birth as YYYY-MM-DD"),
    ({"children": [{"given_name": "Amy", "family_name": "B", "present": True, "school_urn": "1234"}]}, "children[0].school_urn", "Enter the child's school URN as 6 digits"),
    ({"children": [{"given_name": "Amy", "family_name": "B"}]}, "children[0].present", "Say whether the child was present at the incident (true or false)"),
    ({"children": [{"given_name": "Amy", "family_name": "B", "present": True, "injured": "no"}]}, "children[0].injured", "Say whether the child was injured with true or false"),
    ({"children": [{"given_name": "Amy", "family_name": "B", "present": True, "disability": 1}]}, "children[0].disability", "Say whether the child has a disability with true or false"),
    ({"dash_level": "very high"}, "dash_level", "Choose the officer's DASH level: standard, medium or high"),
    ({"dash_answers": {"q25": True}}, "dash_answers.q25", "q25 is not a DASH question: use q1 to q24"),
    ({"dash_answers": {"q1": "yes"}}, "dash_answers.q1", "Answer DASH question q1 with true or false"),
    ({"offences": "Common assault"}, "offences", "Enter the offences as a list (an empty list when there are none)"),
    ({"offences": [""]}, "offences", "Enter each offence as text of 1 to 200 characters"),
    ({"narrative": ""}, "narrative", "Enter the officer's narrative"),
    ({"prior_incidents": [{"occurred_at": "last May"}]}, "prior_incidents[0].occurred_at", "Enter when the earlier incident happened as YYYY-MM-DD or a date and time"),
    ({"prior_incidents": [{"occurred_at": "2024-05-01", "grade": "low"}]}, "prior_incidents[0].grade", "Enter the earlier incident's grade as standard, medium or high"),
    ({"open_cp_plan": "yes"}, "open_cp_plan", "Say whether a child in the household has an open child protection plan with true or false"),
    ({"colour": "red"}, "colour", "colour is not a field of the notification format: check its spelling"),
]


@pytest.mark.parametrize(("overrides", "field", "message"), MESSAGES, ids=[m[1] for m in MESSAGES])
def test_each_field_has_its_own_plain_english_reason(overrides, field, message):
    _import(jsonl(record(**overrides)))
    assert QuarantinedRow.objects.get().errors == [{"field": field, "message": message}]


def test_csv_cells_use_the_documented_forms():
    row = {"force": "WMP", "police_reference": "C1", "occurred_at": "2025-03-01T22:15:00+00:00",
           "reported_at": "2025-03-01T23:00:00+00:00", "relationship": "ex_partner", "dash_level": "standard",
           "narrative": "Verbal argument.\nNo injuries.", "victim_given_name": "Jo", "victim_family_name": "B",
           "victim_pregnant": "Yes", "perpetrator_given_name": "Sam", "perpetrator_family_name": "B",
           "child1_given_name": "Amy", "child1_family_name": "B", "child1_present": "n",
           "offences": "Criminal damage; ; Harassment", "dash_q3": "1"}
    _import(csv_text(rows=[row]), "csv")
    notification = PoliceNotification.objects.get()
    assert notification.victim_pregnant and notification.offences == ["Criminal damage", "Harassment"]
    assert notification.dash_answers == {"q3": True} and notification.narrative == "Verbal argument.\nNo injuries."
    assert not notification.children.get().present


def test_csv_child_gap_and_missing_present_are_reasons():
    base = {"force": "WMP", "police_reference": "C2", "occurred_at": "2025-03-01T22:15:00Z",
            "reported_at": "2025-03-01T23:00:00Z", "relationship": "partner", "dash_level": "standard",
            "narrative": "Argument.", "victim_given_name": "Jo", "victim_family_name": "B",
            "perpetrator_given_name": "Sam", "perpetrator_family_name": "B"}
    _import(csv_text(rows=[base | {"child2_given_name": "Amy", "child2_family_name": "B", "child2_present": "true"},
                           base | {"police_reference": "C3", "child1_given_name": "Amy", "child1_family_name": "B"}]),
            "csv")
    first, second = QuarantinedRow.objects.order_by("line_number")
    assert first.line_number == 2 and first.errors == [
        {"field": "children[1]", "message": "Item 2 of children is given but item 1 is empty: fill them in order"}]
    assert second.errors == [{"field": "children[0].present",
                              "message": "Say whether the child was present at the incident (true or false)"}]


def test_a_csv_file_with_a_wrong_header_is_refused_whole():
    with pytest.raises(FileUnreadable, match="does not define: colour"):
        _import(csv_text(record()).replace("force,", "colour,force,", 1), "csv")
    assert not PoliceNotification.objects.exists()


def test_a_corrected_row_is_reimported_and_resolved():
    _import(jsonl(record("B1", victim={"given_name": "Jo", "family_name": "B", "dob": "01/02/1990"})))
    row = QuarantinedRow.objects.get()
    fields = quarantined_row_fields(row)
    assert fields["victim.dob"] == "01/02/1990" and fields["children[0].present"] == "true"
    with pytest.raises(RowInvalid) as still_bad:
        quarantined_row_reimport(row=row, corrected=fields | {"victim.dob": "1 Feb 1990"}, version=row.version)
    assert still_bad.value.errors == [{"field": "victim.dob", "message": "Enter the victim's date of birth as YYYY-MM-DD"}]
    notification = quarantined_row_reimport(row=row, corrected=fields | {"victim.dob": "1990-02-01"}, version=row.version)
    row.refresh_from_db()
    assert row.resolved_at and row.resolved_notification == notification
    assert notification.victim.date_of_birth == date(1990, 2, 1) and notification.children.get().present
    with pytest.raises(NotificationConflict):
        quarantined_row_reimport(row=row, corrected=fields | {"victim.dob": "1990-02-01"}, version=1)


def test_a_corrected_csv_row_is_reimported():
    _import(csv_text(record("B2", dash_level="extreme")), "csv")
    row = QuarantinedRow.objects.get()
    fields = quarantined_row_fields(row)
    assert fields["dash_level"] == "extreme"
    quarantined_row_reimport(row=row, corrected=fields | {"dash_level": "high"}, version=row.version)
    assert PoliceNotification.objects.get().dash_level == "high"


def test_api_records_are_numbered_and_stored():
    result = notifications_import_records(records=enumerate([record("A1"), record("A1")], start=1), source="api")
    assert [row.status for row in result.rows] == ["stored", "duplicate"]


def _at(when):
    return f"{when}T21:00:00Z"


@pytest.mark.parametrize("files", ["one file each", "one file"])
def test_suggestion_uses_history_of_the_same_people_in_the_last_12_months(files):
    no_children = {"children": [], "narrative": "Verbal argument overheard by a neighbour.", "dash_level": "standard"}
    records = [record(f"H{n}", occurred_at=_at(day), reported_at=_at(day), **no_children)
               for n, day in enumerate(["2023-12-01", "2024-03-01", "2024-06-01", "2024-11-01", "2025-01-20"], start=1)]
    for text in [jsonl(r) for r in records] if files == "one file each" else [jsonl(*records)]:
        _import(text)
    latest = PoliceNotification.objects.get(police_reference="H5")
    ids = {i["id"]: i for i in latest.suggestion["indicators"]}
    # 2023-12-01 is more than 12 months before: three earlier incidents in the window.
    assert ids["repeat_police_callouts"]["source"] == "history"
    assert "H4" in ids["repeat_police_callouts"]["evidence"] and "H1" not in ids["repeat_police_callouts"]["evidence"]
    assert latest.suggested_grade == "high"
    second = PoliceNotification.objects.get(police_reference="H2")
    assert [i["id"] for i in second.suggestion["indicators"] if i["source"] == "history"] == ["history_minor_incidents"]


def test_an_open_child_protection_plan_is_a_risk_factor():
    child = Person.objects.create(kind=Person.Kind.CHILD, given_name="Amy", family_name="Bloggs",
                                  date_of_birth=date(2017, 9, 10))
    Case.objects.create(person=child, kind=Case.Kind.CHILD_PROTECTION, opened_on=date(2024, 12, 1))
    _import(jsonl(record()))
    notification = PoliceNotification.objects.get()
    assert notification.children.get().person == child
    assert "rf_cp_plan_or_csc_history" in {f["id"] for f in notification.suggestion["risk_factors"]}


@pytest.fixture
def matcher():
    """An area with a trained model: people are resolved by the in-process resolver."""
    identity.index_forget()
    identity.match_model_store(model=trained_model())
    load_index(population().index[:200])
    yield
    identity.index_forget()


@pytest.fixture(params=["model", "deterministic rule"])
def resolution(request):
    """Resolution by a trained model, or by the rule a new area uses, each with 200 people indexed."""
    if request.param == "model":
        request.getfixturevalue("matcher")
    else:
        load_index(population().index[:200])


def test_the_same_couple_twice_in_one_file_is_the_same_people(resolution, school):
    later = {"occurred_at": _at("2025-03-08"), "reported_at": _at("2025-03-08")}
    result = _import(jsonl(record("A1"), record("A2", **later)))
    assert [row.status for row in result.rows] == ["stored", "stored"]
    first, second = (row.notification for row in result.rows)
    assert (second.victim, second.perpetrator) == (first.victim, first.perpetrator)
    assert second.children.get().person == first.children.get().person
    assert Person.objects.count() == 200 + 3 and not PossibleMatch.objects.exists()
    assert any(i["source"] == "history" for i in second.suggestion["indicators"])


def test_an_incident_stored_by_a_concurrent_import_is_a_resend_and_leaves_no_one_behind(matcher, monkeypatch):
    # The other import stored A1 after this one looked for it.
    monkeypatch.setattr(ImportLookups, "read_for", lambda self, records: None)
    _import(jsonl(record("A1")))
    people = Person.objects.count()
    couple = {"victim": {"given_name": "Kim", "family_name": "Okoro", "dob": "1993-05-04", "sex": "female"},
              "perpetrator": {"given_name": "Dan", "family_name": "Reeve", "dob": "1991-11-30", "sex": "male"},
              "children": []}
    result = _import(jsonl(record("A1", **couple), record("A2", **couple)))
    assert [row.status for row in result.rows] == ["amended", "stored"]  # A1 names another couple now
    assert (result.batch.stored, result.batch.amended, result.batch.duplicates) == (1, 1, 0)
    assert Person.objects.count() == people + 2  # A2's couple: the copies made for A1 were rolled back
    assert len(identity.app_resolver()) == indexed_persons().count()


_NAMES = [start + end for start in ("Al", "Be", "Cy", "Do", "Ed", "Fi", "Gu", "Ha")
          for end in ("ric", "nna", "mon", "ra", "ton", "lix", "ssa", "ley")]


def _couple(n: int) -> dict:
    """A different couple and child for each n (up to 64), so that every row resolves three new people."""
    family, day = f"Family{n:03d}", date(2000, 1, 1) + timedelta(days=5 * n)
    given = [_NAMES[(n + shift) % len(_NAMES)] for shift in (0, 21, 42)]
    return {
        "victim": {"given_name": given[0], "family_name": family, "dob": str(day.replace(year=1990)), "sex": "female",
                   "address": f"{n} Mill Street, Worcester", "postcode": "WR1 2AB"},
        "perpetrator": {"given_name": given[1], "family_name": family, "dob": str(day.replace(year=1988)),
                        "sex": "male"},
        "children": [{"given_name": given[2], "family_name": family, "dob": str(day.replace(year=2017)), "present": True,
                      "school_urn": "116789"}],
    }


def _queries_to_import(rows: int, first: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    with CaptureQueriesContext(connection) as captured:
        result = _import(jsonl(*(record(f"Q{n}", **_couple(n)) for n in range(first, first + rows))))
    assert result.batch.stored == rows
    return len(captured)


def test_a_chunk_of_rows_is_stored_together_in_a_few_statements(resolution, school):
    """The whole chunk's people, notifications and children in a statement each (ADR 0006): ten
    times the rows costs hardly more statements (SQLite splits a statement of many rows by its
    limit on parameters)."""
    assert _queries_to_import(50, first=0) <= _queries_to_import(5, first=55) + 4
    assert PoliceNotification.objects.count() == 55 and NotificationChild.objects.count() == 55
    assert Person.objects.count() == 200 + 55 * 3


def test_a_person_merged_since_the_resolver_read_the_index_is_read_again_and_the_survivor_linked(matcher, caplog):
    _import(jsonl(record("A1", children=[])))
    victim = PoliceNotification.objects.get().victim
    # Another process merges the victim into a copy of her record; this process's resolver, which
    # has as many people as the index, still holds the merged record.
    survivor = Person.objects.create(kind=victim.kind, given_name=victim.given_name, family_name=victim.family_name,
                                     date_of_birth=victim.date_of_birth, sex=victim.sex)
    survivor.residences.create(address=victim.residences.get().address)
    Person.objects.filter(pk=victim.pk).update(merged_into=survivor)
    later = {"occurred_at": _at("2025-03-08"), "reported_at": _at("2025-03-08"), "children": []}
    with caplog.at_level("INFO", logger="frontdoor.triage.imports"):
        result = _import(jsonl(record("A2", **later)))
    assert "stored row by row after IndexChanged" in caplog.text
    assert [row.status for row in result.rows] == ["stored"]
    assert result.rows[0].notification.victim == survivor
    assert PoliceNotification.objects.get(police_reference="A2").victim == survivor


# --- Rows that are not objects, resends, long CSV cells, deep nesting (issue 11, item 3) ---------


@pytest.mark.parametrize(("line", "kind"), [("null", "null"), ("5", "a number"), ('"WMP-1"', "text"),
                                             ("[1, 2]", "a list"), ("true", "true or false")])
def test_a_line_that_is_json_but_not_an_object_is_quarantined_with_its_reason(line, kind):
    result = _import(jsonl(record("A1"), line))
    assert (result.batch.stored, result.batch.duplicates, result.batch.quarantined) == (1, 0, 1)
    row = QuarantinedRow.objects.get()
    assert row.line_number == 2
    assert row.errors == [{"field": "", "message": f"Each notification must be a JSON object; this line is {kind}"}]
    assert [outcome.status for outcome in result.rows] == ["stored", "quarantined"]


def test_a_null_item_of_a_batch_is_quarantined_and_sending_it_again_is_not():
    result = notifications_import_records(records=enumerate([None, record("A1")], start=1), source="api")
    assert [row.status for row in result.rows] == ["quarantined", "stored"]
    assert QuarantinedRow.objects.get().raw is None
    again = notifications_import_records(records=enumerate([None], start=1), source="api")
    assert [row.status for row in again.rows] == ["duplicate"] and QuarantinedRow.objects.count() == 1


CALM = {"children": [], "dash_answers": {}, "dash_level": "standard",
        "narrative": "Verbal argument overheard by a neighbour."}
KNIFE = CALM["narrative"] + " DP was holding a knife."


def test_a_changed_resend_amends_the_notification_and_suggests_again():
    first = _import(jsonl(record("A1", **CALM))).rows[0].notification
    assert first.suggested_grade == "standard"
    result = _import(jsonl(record("A1", **CALM | {"narrative": KNIFE})))
    assert [row.status for row in result.rows] == ["amended"] and result.rows[0].changed == ["narrative"]
    assert (result.batch.stored, result.batch.amended, result.batch.duplicates) == (0, 1, 0)
    notification = PoliceNotification.objects.get()
    assert notification.narrative == KNIFE and notification.payload["narrative"] == KNIFE
    assert notification.suggested_grade == "high" and notification.version == first.version + 1
    assert "threats_to_kill_or_harm" in {i["id"] for i in notification.suggestion["indicators"]}
    amendment = notification.amendments.get()
    assert amendment.batch == result.batch and amendment.changed_fields == ["narrative"]
    assert amendment.previous == {"narrative": CALM["narrative"]} and amendment.new == {"narrative": KNIFE}
    assert (amendment.suggested_grade_before, amendment.suggested_grade, amendment.graded) == ("standard", "high", False)


def test_sending_the_same_amendment_twice_gives_one_amendment():
    _import(jsonl(record("A1", **CALM)))
    amended = jsonl(record("A1", **CALM | {"narrative": KNIFE}))
    _import(amended)
    again = _import(amended)
    assert [row.status for row in again.rows] == ["duplicate"]
    assert NotificationAmendment.objects.count() == 1


def test_an_incident_and_its_amendment_in_one_file_are_stored_then_amended():
    changed = record("A1", **CALM | {"narrative": KNIFE})
    result = _import(jsonl(record("A1", **CALM), changed, changed))
    assert [row.status for row in result.rows] == ["stored", "amended", "duplicate"]
    assert PoliceNotification.objects.get().narrative == KNIFE and NotificationAmendment.objects.count() == 1


def test_an_amendment_keeps_the_grade_a_person_gave_and_is_flagged():
    from frontdoor.triage.services import notification_grade
    from tests import factories

    notification = _import(jsonl(record("A1", **CALM))).rows[0].notification
    notification_grade(user=factories.user(), notification=notification, grade="standard", rationale="",
                       version=notification.version)
    _import(jsonl(record("A1", **CALM | {"narrative": KNIFE, "offences": ["Affray"]})))
    notification.refresh_from_db()
    assert (notification.grade, notification.status, notification.suggested_grade) == ("standard", "graded", "high")
    amendment = notification.amendments.get()
    assert amendment.graded and amendment.changed_fields == ["offences", "narrative"]


def test_an_empty_field_and_an_absent_one_are_the_same_content():
    _import(jsonl(record("A1", location="")))
    without = record("A1")
    del without["location"]
    assert [row.status for row in _import(jsonl(without)).rows] == ["duplicate"]


def test_a_narrative_longer_than_csvs_default_field_limit_quarantines_its_row_only():
    result = _import(csv_text(record("A1", narrative="x" * 200_000), record("A2")), "csv")
    assert [row.status for row in result.rows] == ["quarantined", "stored"]
    assert QuarantinedRow.objects.get().errors == [
        {"field": "narrative", "message": "The officer's narrative must be 20,000 characters or fewer"}]


def test_a_cell_over_the_csv_cell_limit_is_kept_cut_with_its_reason(monkeypatch):
    monkeypatch.setattr("frontdoor.triage.notification_format.CSV_CELL_LIMIT", 30_000)
    _import(csv_text(record("A1", narrative="x" * 40_000)), "csv")
    row = QuarantinedRow.objects.get()
    assert len(row.raw["narrative"]) == 30_000
    assert {"field": "narrative", "message": "This cell holds 40,000 characters, more than a cell may hold "
            "(30,000): only the first 30,000 are kept here"} in row.errors


def test_a_line_nested_too_deeply_refuses_the_file_and_stores_nothing():
    with pytest.raises(FileUnreadable, match="Line 2 is nested too deeply"):
        _import(jsonl(record("A1"), "[" * 100_000 + "]" * 100_000))
    with pytest.raises(FileUnreadable, match="Line 1 is nested too deeply"):
        _import(jsonl(record("A1", location=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]])))
    assert not PoliceNotification.objects.exists() and not QuarantinedRow.objects.exists()


def test_a_database_error_storing_a_bad_row_ends_the_import_rather_than_counting_a_duplicate(monkeypatch):
    from django.db import IntegrityError

    def refuse(*args, **kwargs):
        raise IntegrityError("null value in column \"raw\"")
    monkeypatch.setattr("frontdoor.triage.imports.QuarantinedRow.objects.create", refuse)
    with pytest.raises(IntegrityError):
        _import(jsonl(record("A1"), "null", record("A2", dash_level="severe")))
    assert PoliceNotification.objects.filter(police_reference="A1").exists()  # the rows before it are kept
