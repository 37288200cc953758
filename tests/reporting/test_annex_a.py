"""Ofsted Annex A lists 1-7 from a child's journey walked through the casework services."""
import csv
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from frontdoor.casework.models import Assessment, ChildInNeedPlan, EarlyHelpOffer, Episode, Section47Enquiry
from frontdoor.casework.services import (
    assessment_authorise, assessment_submit, cin_plan_end, cin_plan_start, early_help_assessment_record, early_help_close,
    early_help_offer_respond, section_47_emergency_protection_record,
)
from frontdoor.cli import main
from frontdoor.reporting import annex_a
from frontdoor.reporting.annex_a import annex_a_lists
from frontdoor.reporting.annex_a_sheets import workbook_bytes
from frontdoor.reporting.child_ids import child_unique_id
from frontdoor.reporting.cin_census import la_child_id
from tests import factories
from frontdoor.people.services import person_census_details_change
from tests.casework.journey import assessed, authorised, decided, plan_started

pytestmark = pytest.mark.django_db
CHILD = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]


@pytest.fixture
def journey(staff):
    """A child on a child protection plan (contact, referral, s47, ICPC, plan) and a child on a CIN plan."""
    *_, team_manager, worker = staff
    plan = plan_started(staff, factories.user(role="conference_chair", first="Pat", last="Quinn"))
    cin = authorised(staff, level=3, codes=["L3.2"])
    assessment = cin.assessments.get()
    assessment_submit(user=worker, assessment=assessment, version=assessment.version, analysis="Needs support.",
                      factors=["21"], outcome=Assessment.Outcome.CIN_PLAN)
    assessment_authorise(manager=team_manager, assessment=assessment, version=assessment.version)
    cin.refresh_from_db()
    cin_plan_start(manager=team_manager, episode=cin, version=cin.version, started_on=timezone.localdate())
    return plan, cin


def _book(period_end=None):
    from io import BytesIO
    return load_workbook(BytesIO(workbook_bytes(annex_a_lists(period_end=period_end or timezone.localdate()))))


def _rows(sheet):
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row)) for row in rows]


def test_the_workbook_has_a_sheet_per_list_with_ofsteds_headers_in_order(journey):
    book = _book()
    assert book.sheetnames == [f"List {n}" for n in range(1, 8)]
    headers = {name: [c.value for c in book[name][1]] for name in book.sheetnames}
    assert headers["List 1"] == CHILD + ["Date of Contact", "Contact Source"]
    assert headers["List 2"] == CHILD + ["Assessment start date", "Assessment completion date",
                                         "Organisation completing assessment"]
    assert headers["List 3"][5:] == ["Date of Referral", "Referral Source", "Referral NFA?",
                                     "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"]
    for name in ("List 4", "List 5", "List 6", "List 7"):
        assert headers[name][:6] == CHILD + ["Does the Child have a Disability"]
    assert headers["List 5"][6] == "Strategy discussion initiating Section 47 Enquiry Start Date"
    assert headers["List 7"][-4] == (
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)")


def test_rows_carry_the_templates_codes_and_real_dates_shown_dd_mm_yyyy(journey):
    plan, cin = journey
    book = _book()
    contact = _rows(book["List 1"])[0]
    assert contact["Child Unique ID"] == plan.episode.person.pk.hex[:20]
    assert contact["Gender"] == "b) Female" and contact["Ethnicity"] == "s) NOBT"
    assert contact["Contact Source"] == "e) 2A: Schools"
    assert book["List 1"]["D2"].number_format == "dd/mm/yyyy" and book["List 1"]["F2"].is_date
    referral = _rows(book["List 3"])[0]
    assert referral["Referral Source"] == "e) 2A: Schools" and referral["Referral NFA?"] == "b) No"
    assert referral["Number of Referrals in Last 12 Months"] == 1 and referral["Allocated Team"] == "Assessment team"
    assessment = _rows(book["List 4"])[0]
    assert assessment["Was the child assessed as requiring LA children's social care support?"] == "a) Yes"
    enquiry = _rows(book["List 5"])[0]
    assert enquiry["Was an Initial Child Protection Conference deemed unnecessary?"] == "b) No"
    assert enquiry["Did the Initial Child Protection Conference Result in a Child Protection Plan"] == "a) Yes"
    assert enquiry["Number of ICPCs in the last 12 months"] == 1
    need = _rows(book["List 6"])[0]
    assert need["Child Unique ID"] == child_unique_id(person_id=cin.person_id)
    assert need["Case Status"] == "c) Child in need plan" and need["CIN Closure Date"] is None
    protection = _rows(book["List 7"])[0]
    assert protection["Initial Category of Abuse"] == "a) Neglect"
    assert protection["Child Protection Plan Start Date"].date() == plan.started_on
    assert _rows(book["List 2"]) == []


def test_the_window_is_six_months_but_lists_6_and_7_keep_what_is_still_open(journey):
    plan, cin = journey
    long_ago = timezone.localdate() - timedelta(days=250)
    Episode.objects.filter(pk=cin.pk).update(referral_date=long_ago)
    Assessment.objects.filter(episode=cin).update(started_on=long_ago, authorised_on=long_ago)
    lists = {lst.number: lst for lst in annex_a_lists(period_end=timezone.localdate())}
    assert len(lists[3].rows) == 1 and len(lists[4].rows) == 0
    assert len(lists[6].rows) == 1  # still open
    Episode.objects.filter(pk=cin.pk).update(closed_on=long_ago, closure_reason="RC7")
    lists = {lst.number: lst for lst in annex_a_lists(period_end=timezone.localdate())}
    assert lists[6].rows == []
    before_plan = {lst.number: lst for lst in annex_a_lists(period_end=plan.started_on - timedelta(days=1))}
    assert before_plan[7].rows == []


def test_the_cli_writes_the_workbook_and_a_csv_per_list(journey, tmp_path):
    plan, _ = journey
    main(["report", "annex-a", "--period-end", timezone.localdate().isoformat(), "--out", str(tmp_path)])
    assert (tmp_path / "annex-a.xlsx").exists()
    names = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert names == ["list-1-contacts.csv", "list-2-early-help.csv", "list-3-referrals.csv",
                     "list-4-assessments.csv", "list-5-section-47.csv", "list-6-children-in-need.csv",
                     "list-7-child-protection.csv"]
    with open(tmp_path / "list-7-child-protection.csv", newline="") as f:
        row = next(csv.DictReader(f))
    assert row["Child Protection Plan Start Date"] == plan.started_on.strftime("%d/%m/%Y")
    assert row["Number of Previous Child Protection Plans"] == "0"


def _page(client, user, day: str, month: str, year: str):
    client.force_login(user)
    return client.get("/reporting/annex-a", {"period_end_0": day, "period_end_1": month, "period_end_2": year})


def test_the_manager_sees_the_row_counts_and_downloads_the_workbook_and_the_csvs(client, staff, journey):
    import zipfile
    from io import BytesIO

    from frontdoor.governance.models import AccessLogEntry

    _, manager, *_ = staff
    today = timezone.localdate()
    page = _page(client, manager, str(today.day), str(today.month), str(today.year)).content.decode()
    assert "List 7: Child protection" in page and "Download the workbook (XLSX)" in page
    workbook = client.get("/reporting/annex-a.xlsx", {"period_end": today.isoformat()})
    assert load_workbook(BytesIO(workbook.content)).sheetnames[0] == "List 1"
    exported = AccessLogEntry.objects.filter(user=manager, action=AccessLogEntry.Action.EXPORT)
    plan, cin = journey
    assert {str(plan.episode.person_id), str(cin.person_id)} <= set(exported.values_list("target_id", flat=True))
    archive = zipfile.ZipFile(BytesIO(client.get("/reporting/annex-a-csv.zip", {"period_end": today.isoformat()}).content))
    assert "list-3-referrals.csv" in archive.namelist()


def test_a_date_that_is_not_real_is_shown_in_the_error_summary(client, staff):
    _, manager, *_ = staff
    page = _page(client, manager, "31", "2", "2027").content.decode()
    assert "There is a problem" in page and "Period end must be a real date" in page


@pytest.mark.parametrize("role", ["practitioner", "social_worker", "team_manager", "referrer"])
def test_anyone_else_finds_no_such_page_or_download(client, role):
    client.force_login(factories.user(role=role))
    assert client.get("/reporting/annex-a").status_code == 404
    assert client.get("/reporting/annex-a.xlsx", {"period_end": "2027-03-31"}).status_code == 404


def test_a_re_referral_counts_the_childs_referrals_in_the_12_months_before_it(journey):
    _, cin = journey
    again = Episode.objects.create(person=cin.person, referral_date=timezone.localdate() + timedelta(days=1),
                                   source=Episode.Source.POLICE)
    rows = annex_a_lists(period_end=again.referral_date)[2].rows
    by_date = {row[5]: row for row in rows if row[0] == child_unique_id(person_id=cin.person_id)}
    assert by_date[again.referral_date][6] == "q) 6: Police" and by_date[again.referral_date][8] == 2
    assert by_date[cin.referral_date][8] == 1


def test_list_1_gives_a_neighbours_call_and_an_anonymous_call_their_own_census_source():
    factories.public_contact(caller_source="1B")
    factories.public_contact(caller_source="9")

    sources = [row["Contact Source"] for row in _rows(_book()["List 1"])]

    assert sources == ["b) 1B: Individual", "t) 9: Anonymous"]


def _census_details(user, person, *, ethnicity: str, disabilities: list[str]) -> None:
    person.refresh_from_db()
    person_census_details_change(user=user, person=person, version=person.version, ethnicity=ethnicity, upn="",
                                 upn_unknown_reason="UN1", disabilities=disabilities, died_on=None)


def _row_of(lst, person) -> dict:
    [row] = [dict(zip(lst.headers, r)) for r in lst.rows if r[0] == child_unique_id(person_id=person.pk)]
    return row


def test_ethnicity_and_disability_are_the_childs_recorded_census_details(staff, journey):
    practitioner, *_ = staff
    plan, cin = journey
    _census_details(practitioner, plan.episode.person, ethnicity="BAFR", disabilities=["AUT", "COMM"])
    _census_details(practitioner, cin.person, ethnicity="WBRI", disabilities=["NONE"])
    lists = annex_a_lists(period_end=timezone.localdate())
    protected, in_need = _row_of(lists[6], plan.episode.person), _row_of(lists[5], cin.person)
    assert (protected["Ethnicity"], protected["Does the Child have a Disability"]) == ("o) BAFR", "a) Yes")
    assert (in_need["Ethnicity"], in_need["Does the Child have a Disability"]) == ("a) WBRI", "b) No")
    assert _row_of(lists[0], cin.person)["Ethnicity"] == "a) WBRI"  # the contacts list too


def test_case_status_is_the_cin_plan_record_open_at_the_period_end(staff):
    *_, team_manager, _ = staff
    episode = assessed(staff, outcome=Assessment.Outcome.CIN_PLAN)

    def status() -> str:
        return _row_of(annex_a_lists(period_end=timezone.localdate())[5], episode.person)["Case Status"]
    assert status() == "d) Open assessment"  # decided on, not started yet
    plan = cin_plan_start(manager=team_manager, episode=episode, version=episode.version,
                          started_on=timezone.localdate())
    assert status() == "c) Child in need plan"
    cin_plan_end(manager=team_manager, plan=plan, version=plan.version, ended_on=timezone.localdate(),
                 reason=ChildInNeedPlan.EndReason.NEEDS_MET)
    assert status() == "d) Open assessment"  # the plan ended; the episode is still open


@pytest.fixture
def early_help_families(staff):
    """Three families who accepted early help from the lead professional (agency Family Support): an
    assessment completed, one under way, and one not started."""
    practitioner, *_ = staff
    lead = factories.user(role="early_help_lead", first="Lee", last="Fox",
                          agency_=factories.agency(name="Family Support Service"))
    offers = []
    for _ in range(3):
        offer = EarlyHelpOffer.objects.get(contact_child=decided(staff, level=2, codes=["L2.2"]))
        EarlyHelpOffer.objects.filter(pk=offer.pk).update(offered_on=timezone.localdate() - timedelta(days=60))
        offer.refresh_from_db()
        offers.append(early_help_offer_respond(user=lead, offer=offer, version=offer.version, accepted=True,
                                               responded_on=offer.offered_on, lead_professional=lead))
    done, under_way, _ = offers
    early_help_assessment_record(user=lead, offer=done, version=done.version, started_on=done.offered_on,
                                 completed_on=done.offered_on + timedelta(days=20))
    early_help_assessment_record(user=lead, offer=under_way, version=under_way.version,
                                 started_on=timezone.localdate() - timedelta(days=10), completed_on=None)
    return lead, offers


def test_list_2_is_the_early_help_assessments_with_the_lead_professionals_organisation(early_help_families):
    _, (done, under_way, not_started) = early_help_families
    rows = _rows(_book()["List 2"])
    assert [(r["Child Unique ID"], r["Assessment start date"].date(),
             r["Assessment completion date"] and r["Assessment completion date"].date(),
             r["Organisation completing assessment"]) for r in rows] == [
        (child_unique_id(person_id=done.person_id), done.offered_on, done.offered_on + timedelta(days=20),
         "Family Support Service"),
        (child_unique_id(person_id=under_way.person_id), timezone.localdate() - timedelta(days=10), None,
         "Family Support Service")]
    assert rows[0]["Gender"] and rows[0]["Ethnicity"] == "s) NOBT"


def test_list_2_leaves_out_early_help_closed_before_the_window_and_assessments_after_it(early_help_families):
    lead, (done, under_way, _) = early_help_families
    done.refresh_from_db()
    early_help_close(user=lead, offer=done, version=done.version, closed_on=timezone.localdate() - timedelta(days=5),
                     reason=EarlyHelpOffer.ClosureReason.OUTCOMES_MET)
    assert len(annex_a_lists(period_end=timezone.localdate())[1].rows) == 2  # closed in the window: still listed
    after_close = timezone.localdate() + timedelta(days=200)  # its window starts after the closure
    assert [r[0] for r in annex_a_lists(period_end=after_close)[1].rows] == [
        child_unique_id(person_id=under_way.person_id)]
    before = annex_a_lists(period_end=timezone.localdate() - timedelta(days=11))[1]
    assert [r[0] for r in before.rows] == [child_unique_id(person_id=done.person_id)]
    assert before.rows[0][6] == done.offered_on + timedelta(days=20)


def _protect(staff, plan, *, days_ago: int, kind=Section47Enquiry.EmergencyProtection.POLICE):
    *_, worker = staff
    Episode.objects.filter(pk=plan.episode_id).update(referral_date=timezone.localdate() - timedelta(days=45))
    enquiry = Section47Enquiry.objects.get(episode_id=plan.episode_id)
    return section_47_emergency_protection_record(user=worker, enquiry=enquiry, version=enquiry.version,
                                                  protection=kind, protected_on=timezone.localdate()
                                                  - timedelta(days=days_ago))


EPO = "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)"


def test_list_7_says_yes_for_a_child_protected_in_the_six_months_and_no_otherwise(staff, journey):
    plan, _ = journey
    assert _row_of(annex_a_lists(period_end=timezone.localdate())[6], plan.episode.person)[EPO] == "b) No"
    _protect(staff, plan, days_ago=32)
    assert _row_of(annex_a_lists(period_end=timezone.localdate())[6], plan.episode.person)[EPO] == "a) Yes"
    seven_months_on = timezone.localdate() + timedelta(days=190)
    assert _row_of(annex_a_lists(period_end=seven_months_on)[6], plan.episode.person)[EPO] == "b) No"


def test_list_7_has_the_last_statutory_visit_by_the_period_end_and_whether_the_child_was_seen_alone(staff, journey):
    from frontdoor.casework.services import visit_record

    *_, worker = staff
    plan, _ = journey
    for days_ago, alone in ((10, True), (3, False)):
        plan.refresh_from_db()
        visit_record(user=worker, plan=plan, version=plan.version, visited_on=timezone.localdate()
                     - timedelta(days=days_ago), seen_alone=alone)

    def visit(days_before_today: int) -> tuple:
        row = _row_of(annex_a_lists(period_end=timezone.localdate() - timedelta(days=days_before_today))[6],
                      plan.episode.person)
        last = row["Date of the Last Statutory Visit"]
        return last and (timezone.localdate() - last).days, row["Was the Child Seen Alone?"]
    assert visit(0) == (3, "b) No")
    assert visit(5) == (10, "a) Yes")
    assert visit(11) == (None, "")  # no visit yet by then


def _first_cell(person):
    return annex_a._child_cells(person=person, contact_child=None, on=date(2026, 12, 1), disability=False)[0]


def test_a_child_has_the_same_id_in_annex_a_and_the_census_with_a_configured_prefix(settings):
    settings.FRONTDOOR_CENSUS_CHILD_ID_PREFIX = "FD-"
    child = factories.person()
    assert _first_cell(child) == la_child_id(child) == "FD" + child.pk.hex[:18]
