"""The CIN census from the casework: who is in it, the XML in the sample's shape, the page that
checks it before download, and `frontdoor report cin-census`."""
import re
from pathlib import Path
from datetime import date
from xml.etree import ElementTree as ET

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.casework.models import Assessment, ChildInNeedPlan
from frontdoor.casework.services import cin_plan_end, cin_plan_start
from frontdoor.cli import main
from frontdoor.governance.models import AccessLogEntry
from frontdoor.people.models import Person
from frontdoor.reporting.cin_census import census_reference_date, census_year, cin_census_build, la_child_id
from frontdoor.reporting.models import CinCensusExport
from frontdoor.reporting.services import cin_census_export
from tests import factories
from tests.reporting import journeys

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "cin_sample_valid.xml"  # shared/statutory/cin_sample_valid.xml
# The element order of shared/STATUTORY-RETURNS.md's shape (the CIN schema's), for elements the
# sample does not happen to use as well as those it does.
ORDER = {
    "Message": ["Header", "Children"], "Header": ["CollectionDetails", "Source"],
    "CollectionDetails": ["Collection", "Year", "ReferenceDate"],
    "Source": ["SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"], "Children": ["Child"],
    "Child": ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"],
    "ChildIdentifiers": ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
                         "Sex", "PersonDeathDate"],
    "ChildCharacteristics": ["Ethnicity", "Disabilities"], "Disabilities": ["Disability"],
    "CINdetails": ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
                   "DateOfInitialCPC", "Assessments", "CINPlanDates", "Section47", "ReferralNFA",
                   "ChildProtectionPlans"],
    "Assessments": ["AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
                    "FactorsIdentifiedAtAssessment"],
    "FactorsIdentifiedAtAssessment": ["AssessmentFactors"], "CINPlanDates": ["CINPlanStartDate", "CINPlanEndDate"],
    "Section47": ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
    "ChildProtectionPlans": ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
                             "NumberOfPreviousCPP", "Reviews"],
    "Reviews": ["CPPreviewDate"],
}
DATE_TAGS = re.compile(r"(Date|target)$")


def _out_of_order(element: ET.Element) -> list[str]:
    """Every element whose children are not in ORDER's order (or are not known), by path."""
    wrong, order = [], ORDER.get(element.tag)
    if order is not None:
        tags = [child.tag for child in element]
        if any(tag not in order for tag in tags) or [order.index(t) for t in tags] != sorted(order.index(t) for t in tags):
            wrong.append(f"{element.tag}: {tags}")
    for child in element:
        wrong += _out_of_order(child)
    return wrong


def _paths(element: ET.Element, prefix="") -> set[str]:
    path = f"{prefix}/{element.tag}"
    return {path}.union(*(_paths(child, path) for child in element))


@pytest.fixture
def staff():
    return journeys.Staff.make()


@pytest.fixture
def three_children(staff):
    """The sample's three kinds of child: no further action, a CIN plan, a CP plan reviewed and ended."""
    return (journeys.nfa_child(staff), journeys.cin_plan_child(staff, upn_unknown_reason="UN4"),
            journeys.protection_plan_child(staff, upn="A873210421057"))


def _export(reference_date=None) -> ET.Element:
    written = cin_census_export(user=None, reference_date=reference_date or census_reference_date(timezone.localdate()))
    return ET.fromstring(written.xml)


def test_the_orders_are_the_samples():
    assert _out_of_order(ET.parse(SAMPLE).getroot()) == []


def test_the_xml_has_the_samples_shape_dates_and_booleans(three_children):
    root = _export()
    assert _out_of_order(root) == []
    sample_paths = _paths(ET.parse(SAMPLE).getroot())
    assert _paths(root) - sample_paths == set()  # these three children use nothing the sample does not
    assert sample_paths - _paths(root) == set()  # ... and everything it does
    for element in root.iter():
        if DATE_TAGS.search(element.tag):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", element.text), element.tag
    assert {e.text for e in root.iter("ReferralNFA")} | {e.text for e in root.iter("ICPCnotRequired")} <= {"true", "false"}


def test_the_header_comes_from_configuration_and_numbers_each_file(settings, three_children):
    settings.FRONTDOOR_LA_CODE, settings.FRONTDOOR_CENSUS_SOFTWARE_CODE = "873", "Front Door CIN"
    first, second = _export(date(2027, 3, 31)), _export(date(2027, 3, 31))
    assert [first.findtext(f"Header/{path}") for path in (
        "CollectionDetails/Collection", "CollectionDetails/Year", "CollectionDetails/ReferenceDate", "Source/LEA",
        "Source/SoftwareCode", "Source/SerialNo")] == ["CIN", "2027", "2027-03-31", "873", "Front Door CIN", "001"]
    assert second.findtext("Header/Source/SerialNo") == "002"
    assert list(CinCensusExport.objects.values_list("serial_no", "children")) == [(2, 3), (1, 3)]


def test_each_child_says_what_happened_to_them(three_children):
    nfa, cin, cp = three_children
    root = _export()
    child = {c.findtext("ChildIdentifiers/LAchildID"): c for c in root.iter("Child")}
    nora, cai, priya = (child[la_child_id(e.person)] for e in (nfa, cin, cp.episode))
    assert nora.findtext("CINdetails/ReferralNFA") == "true" and nora.find("CINdetails/PrimaryNeedCode") is None
    assert nora.findtext("CINdetails/ReasonForClosure") == "RC7"
    assert [f.text for f in cai.iter("AssessmentFactors")] == ["4B", "6B"]
    assert cai.findtext("CINdetails/CINPlanDates/CINPlanStartDate") == timezone.localdate().isoformat()
    assert cai.findtext("ChildIdentifiers/UPNunknown") == "UN4"
    plan = priya.find("CINdetails/ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == priya.findtext("CINdetails/Section47/DateOfInitialCPC")
    assert len(plan.findall("Reviews/CPPreviewDate")) == 2 and plan.findtext("CPPendDate") == plan.findall(
        "Reviews/CPPreviewDate")[-1].text
    assert priya.findtext("CINdetails/Section47/ICPCnotRequired") == "false"
    assert priya.findtext("ChildIdentifiers/UPN") == "A873210421057"


def _cin_plan_dates(episode) -> list[tuple[str, str | None]]:
    [child] = [c for c in _export().iter("Child") if c.findtext("ChildIdentifiers/LAchildID") == la_child_id(
        episode.person)]
    return [(p.findtext("CINPlanStartDate"), p.findtext("CINPlanEndDate")) for p in child.iter("CINPlanDates")]


def test_cin_plan_dates_are_the_team_managers_plan_records_not_the_assessments_outcome(staff):
    episode = journeys.referred(staff, level=3, days_ago=40, given_name="Cai")
    journeys.assessed(staff, episode, factors=["4B"], outcome=Assessment.Outcome.CIN_PLAN)
    assert _cin_plan_dates(episode) == []  # decided on, not started yet
    episode.refresh_from_db()
    plan = cin_plan_start(manager=staff.team_manager, episode=episode, version=episode.version,
                          started_on=timezone.localdate())
    ChildInNeedPlan.objects.filter(pk=plan.pk).update(started_on=journeys.weekday_ago(20))
    plan.refresh_from_db()
    cin_plan_end(manager=staff.team_manager, plan=plan, version=plan.version, ended_on=journeys.weekday_ago(5),
                 reason=ChildInNeedPlan.EndReason.NEEDS_MET)
    started, ended = journeys.weekday_ago(20).isoformat(), journeys.weekday_ago(5).isoformat()
    assert _cin_plan_dates(episode) == [(started, ended)]
    as_it_stood = cin_census_build(reference_date=census_reference_date(timezone.localdate()),
                                   today=journeys.weekday_ago(10))
    [child] = as_it_stood.children
    assert [(p.started_on, p.ended_on) for p in child.episodes[0].cin_plans] == [(journeys.weekday_ago(20), None)]


def test_the_year_holds_children_referred_in_it_or_open_in_it_as_they_stood_on_its_last_day(staff):
    episode = journeys.referred(staff, level=3, days_ago=20, given_name="Old")
    last_year_end = census_year(census_reference_date(timezone.localdate())).starts.replace(day=31, month=3)
    assert cin_census_build(reference_date=last_year_end, today=timezone.localdate()).children == []
    type(episode).objects.filter(pk=episode.pk).update(referral_date=last_year_end.replace(day=1))
    before = cin_census_build(reference_date=last_year_end, today=timezone.localdate())
    assert [c.episodes[0].closed_on for c in before.children] == [None]
    type(episode).objects.filter(pk=episode.pk).update(closed_on=last_year_end.replace(month=1, day=5),
                                                       closure_reason="RC7")
    assert cin_census_build(reference_date=census_reference_date(timezone.localdate()),
                            today=timezone.localdate()).children == []  # closed before this year began


def test_a_step_over_before_the_year_began_belongs_to_an_earlier_return(staff):
    """Validator rules 8696 and 8715: an episode open since last year reports only the steps open in this one."""
    episode = journeys.cin_plan_child(staff)
    year = census_year(census_reference_date(timezone.localdate()))
    last_year = year.starts.replace(month=2, day=3)
    Assessment.objects.filter(episode=episode).update(started_on=last_year.replace(month=1, day=6),
                                                      authorised_on=last_year)
    type(episode).objects.filter(pk=episode.pk).update(referral_date=last_year.replace(month=1, day=2))
    [child] = cin_census_build(reference_date=census_reference_date(timezone.localdate()),
                               today=timezone.localdate()).children
    assert child.episodes[0].assessments == ()
    assert [p.ended_on for p in child.episodes[0].cin_plans] == [None]  # the plan runs on into the year


def test_a_child_id_is_letters_and_digits_at_most_20_with_the_configured_prefix(settings):
    child = factories.person()
    assert la_child_id(child) == child.pk.hex[:20]
    settings.FRONTDOOR_CENSUS_CHILD_ID_PREFIX = "FD-"
    assert la_child_id(child) == "FD" + child.pk.hex[:18]


# The page

def _signed_in(role):
    user = factories.user(role=role)
    client = Client()
    client.force_login(user)
    return client, user


def test_the_officer_sees_each_childs_problems_with_links_and_the_children_named_are_logged(three_children):
    nfa, cin, cp = three_children
    Person.objects.filter(pk=cin.person_id).update(ethnicity="", disabilities=[])
    client, officer = _signed_in("performance_officer")
    page = client.get("/reporting/cin-census").content.decode()
    assert "Cai Census" in page and "Ethnicity is not recorded" in page and "Disabilities are not recorded" in page
    assert f'href="/front-door/people/{cin.person_id}/details-for-returns"' in page
    assert f'href="/front-door/people/{cin.person_id}"' not in page  # the officer cannot open the person page
    assert "Nora Census" not in page  # no problems: not listed
    logged = AccessLogEntry.objects.filter(user=officer, reason="Checked the CIN census before download")
    assert list(logged.values_list("target_id", flat=True)) == [str(cin.person_id)]  # the child the page names
    assert "2887Q" in page


def test_the_manager_also_gets_the_person_page_link_and_others_get_not_found(three_children):
    _, cin, _ = three_children
    Person.objects.filter(pk=cin.person_id).update(ethnicity="")
    client, _ = _signed_in("manager")
    assert f'href="/front-door/people/{cin.person_id}"' in client.get("/reporting/cin-census").content.decode()
    for role in ("practitioner", "social_worker", "referrer"):
        other, _ = _signed_in(role)
        assert other.get("/reporting/cin-census").status_code == 404


def test_the_download_is_the_census_file_numbered_and_logged(three_children):
    client, officer = _signed_in("performance_officer")
    response = client.post("/reporting/cin-census.xml", {"period_end_0": "31", "period_end_1": "3",
                                                         "period_end_2": "2027"})
    assert response["Content-Disposition"] == 'attachment; filename="cin-census-999-2027-001.xml"'
    assert ET.fromstring(response.content).findtext("Header/CollectionDetails/Year") == "2027"
    assert AccessLogEntry.objects.filter(user=officer, reason="Exported in the CIN census file 001").count() == 3


def test_a_wrong_date_is_shown_in_the_error_summary():
    client, _ = _signed_in("performance_officer")
    response = client.get("/reporting/cin-census", {"period_end_0": "31", "period_end_1": "13", "period_end_2": "2027"})
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()


# The command line

def test_the_command_writes_the_file_and_exits_1_with_the_problems_listed(three_children, tmp_path, capsys):
    _, cin, _ = three_children
    Person.objects.filter(pk=cin.person_id).update(ethnicity="")
    out = tmp_path / "cin.xml"
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "cin-census", "--period-end", "2027-03-31", "--out", str(out)])
    printed = capsys.readouterr().out
    assert exit_info.value.code == 1 and len(ET.parse(out).getroot().findall("Children/Child")) == 3
    assert f"{la_child_id(cin.person)} Cai Census:" in printed
    assert "error fix the child's details for returns: Ethnicity is not recorded" in printed


def test_the_command_exits_0_when_nothing_is_wrong(three_children, tmp_path, capsys):
    main(["report", "cin-census", "--period-end", "2027-03-31", "--out", str(tmp_path / "cin.xml")])
    assert "0 problems" in capsys.readouterr().out
