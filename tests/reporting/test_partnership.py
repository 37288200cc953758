"""The partnership's figures read from journeys recorded through the casework services: the selectors,
the page, its drill-down and downloads, and `frontdoor report partnership`."""
import csv
import io
from datetime import date

import pytest
from django.test import Client
from openpyxl import load_workbook

from frontdoor.cli import main
from frontdoor.governance.models import AccessLogEntry
from frontdoor.reporting.partnership import partnership_figures
from tests import factories
from tests.reporting.journeys import Staff, protection_dated, protection_plan_child

pytestmark = pytest.mark.django_db
PERIOD_END = date(2026, 4, 30)
TODAY = date(2026, 5, 10)


@pytest.fixture
def two_conferences(db):
    """Priya's conference on the 15th working day after her strategy discussion (Good Friday and Easter Monday 2026 in between),
    Sam's on the 16th; Sam's plan ends on the period end."""
    staff = Staff.make()
    in_time, late = protection_plan_child(staff), protection_plan_child(staff)
    protection_dated(in_time, referral=date(2026, 3, 27), s47=date(2026, 3, 30), icpc=date(2026, 4, 22), ended=None)
    protection_dated(late, referral=date(2026, 4, 1), s47=date(2026, 3, 30), icpc=date(2026, 4, 23), ended=PERIOD_END)
    late.episode.person.__class__.objects.filter(pk=late.episode.person_id).update(given_name="Sam")
    return staff, in_time, late


def _by_id(figures) -> dict:
    return {m.id: m for m in figures.measures}


def test_the_selectors_count_item_4s_measures_from_the_recorded_journeys(two_conferences):
    _, in_time, late = two_conferences
    measures = _by_id(partnership_figures(period_end=PERIOD_END, today=TODAY))
    assert measures["referrals"].keys == (str(late.episode_id),)
    assert measures["icpc_held"].numerator == 2
    within = measures["icpc_within_15wd_pct"]
    assert (within.numerator, within.denominator, within.value) == (1, 2, 50.0)
    assert within.others == (str(late.initial_conference_id),)
    assert measures["cp_plans_started"].numerator == 2 and measures["cp_plans_started_neg"].numerator == 2
    assert measures["cp_plans_open_at_period_end"].keys == (str(in_time.pk),)
    assert measures["s47_started"].numerator == 0  # both started in March, before the year


def test_the_command_writes_one_row_per_figure(two_conferences, tmp_path, capsys):
    out = tmp_path / "partnership.csv"
    main(["report", "partnership", "--period-end", PERIOD_END.isoformat(), "--out", str(out)])
    rows = {row["measure"]: row for row in csv.DictReader(out.open())}
    assert list(rows["icpc_within_15wd_pct"].values()) == ["icpc_within_15wd_pct", "1", "2", "50.0"]
    assert list(rows["icpc_held"].values()) == ["icpc_held", "2", "", "2"]
    assert {"referrals", "assessments_completed", "assessments_within_45wd_pct", "s47_started", "icpc_held",
            "cp_plans_started", "cp_plans_open_at_period_end", "cp_plans_started_neg", "cp_plans_started_phy",
            "cp_plans_started_sab", "cp_plans_started_emo", "cp_plans_started_mul", "cin_plans_started"} <= set(rows)
    assert rows["assessments_within_45wd_pct"]["value"] == ""  # no assessment completed: no rate
    assert "Wrote" in capsys.readouterr().out


def test_the_command_says_when_it_cannot_write(db, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "partnership", "--period-end", "2027-03-31", "--out", str(tmp_path / "no" / "such.csv")])
    assert exit_info.value.code == 2 and "Cannot write" in capsys.readouterr().err


def _signed_in(role: str, staff=None):
    user = staff.manager if staff and role == "manager" else factories.user(role=role)
    client = Client()
    client.force_login(user)
    return client, user


def _page(client, day: date = PERIOD_END, **extra):
    return client.get("/figures/partnership", {"period_end_0": day.day, "period_end_1": day.month,
                                               "period_end_2": day.year, **extra})


def test_the_page_shows_the_figures_comparators_and_months(two_conferences):
    staff, *_ = two_conferences
    client, _ = _signed_in("manager", staff)
    page = _page(client).content.decode()
    assert "Initial conferences within 15 working days of the strategy discussion" in page
    assert "69.0%" in page  # England, from the configuration
    assert 'id="month-icpc_within_15wd_pct"' in page
    assert "ICPCs not within 15 working days (1)" in page
    assert "a child population of 140,000" in page and 'href="/figures/front-door"' in page
    assert "Priya" not in page and "Sam" not in page


def test_the_drill_down_names_the_children_and_logs_each_read(two_conferences):
    staff, in_time, late = two_conferences
    client, manager = _signed_in("manager", staff)
    response = client.get("/figures/partnership/children", {"period_end": PERIOD_END.isoformat(),
                                                             "measure": "icpc_within_15wd_pct", "part": "others"})
    page = response.content.decode()
    assert "ICPCs not within 15 working days" in page and "Sam Census" in page and "Priya" not in page
    assert "conference held 23 April 2026; due 22 April 2026" in page
    assert f'href="/front-door/people/{late.episode.person_id}"' in page
    logged = AccessLogEntry.objects.filter(user=manager, reason="Partnership figures: ICPCs not within 15 working days")
    assert list(logged.values_list("target_id", flat=True)) == [str(late.episode.person_id)]


@pytest.mark.parametrize("query", [{"measure": "no_such_measure"}, {"measure": "icpc_held", "part": "others"},
                                   {"measure": "icpc_held", "period_end": "31/04/2026"}])
def test_the_drill_down_of_a_figure_that_does_not_exist_is_not_found(db, query):
    client, _ = _signed_in("manager")
    assert client.get("/figures/partnership/children", {"period_end": "2026-04-30", **query}).status_code == 404


@pytest.mark.parametrize("role", ["practitioner", "social_worker", "referrer", "isco"])
def test_others_do_not_find_the_page_the_list_or_the_downloads(db, role):
    client, _ = _signed_in(role)
    assert _page(client).status_code == 404
    for path in ("/figures/partnership/children", "/figures/partnership.csv", "/figures/partnership.xlsx"):
        assert client.get(path, {"period_end": "2026-04-30", "measure": "referrals"}).status_code == 404


def test_a_wrong_date_is_shown_in_the_error_summary(db):
    client, _ = _signed_in("performance_officer")
    response = client.get("/figures/partnership", {"period_end_0": "31", "period_end_1": "13", "period_end_2": "2027"})
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()


def test_the_downloads_hold_the_same_figures(two_conferences):
    staff, *_ = two_conferences
    client, _ = _signed_in("manager", staff)
    text = client.get("/figures/partnership.csv", {"period_end": PERIOD_END.isoformat()}).content.decode()
    rows = {row["measure"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["icpc_within_15wd_pct"]["value"] == "50.0"
    book = load_workbook(io.BytesIO(client.get("/figures/partnership.xlsx",
                                               {"period_end": PERIOD_END.isoformat()}).content))
    figures = {row[0]: row for row in book["Figures"].iter_rows(values_only=True)}
    assert figures["icpc_within_15wd_pct"][2:6] == (1, 2, 50.0, 69.0)
    assert [row[:2] for row in book["By month"].iter_rows(values_only=True) if row[1] == "icpc_held"] == [
        ("2026-04", "icpc_held")]


def test_a_long_list_comes_a_page_at_a_time_and_only_the_page_shown_is_logged(two_conferences, monkeypatch):
    staff, in_time, late = two_conferences
    monkeypatch.setattr("frontdoor.reporting.partnership.ROWS_PER_PAGE", 1)
    client, manager = _signed_in("manager", staff)
    query = {"period_end": PERIOD_END.isoformat(), "measure": "icpc_held"}
    first = client.get("/figures/partnership/children", query).content.decode()
    second = client.get("/figures/partnership/children", {**query, "page": "2"}).content.decode()
    assert "Page 1 of 2" in first and "Priya Census" in first and "Sam Census" not in first
    assert "Sam Census" in second and "Priya Census" not in second
    assert AccessLogEntry.objects.filter(user=manager, reason__startswith="Partnership figures").count() == 2


def test_marac_cases_from_every_agency_are_counted_with_under_18s_and_repeats_and_name_the_victims(db):
    from frontdoor.marac import services as marac
    from frontdoor.people.models import Person

    coordinator = factories.user(role="marac_coordinator")
    housing, school = factories.agency(kind="housing", name="Fictional Homes"), factories.agency(name="Elm School")
    dawn = Person.objects.create(kind=Person.Kind.ADULT, given_name="Dawn", family_name="Hartley",
                                 date_of_birth=date(1990, 1, 1))
    teen = factories.person(given_name="Kayla", date_of_birth=date(2009, 6, 1))
    january = marac.meeting_schedule(user=coordinator, held_on=date(2026, 1, 10))
    april = marac.meeting_schedule(user=coordinator, held_on=date(2026, 4, 10))
    marac.case_add(user=coordinator, meeting=january, victim=dawn, referring_agency=housing, lawful_basis="safeguarding")
    repeat = marac.case_add(user=coordinator, meeting=april, victim=dawn, referring_agency=school,
                            lawful_basis="safeguarding")
    young = marac.case_add(user=coordinator, meeting=april, victim=teen, referring_agency=school,
                           lawful_basis="consent", perpetrator_date_of_birth=date(2010, 2, 2))
    measures = _by_id(partnership_figures(period_end=PERIOD_END, today=TODAY))
    assert measures["marac_cases"].numerator == 2  # the year began on 1 April; January's case makes a repeat
    assert measures["marac_cases_victim_under_18"].keys == (str(young.pk),)
    assert measures["marac_cases_perpetrator_under_18"].keys == (str(young.pk),)
    assert measures["marac_repeat_cases_pct"].keys == (str(repeat.pk),)
    assert measures["marac_repeat_cases_pct"].denominator == 2

    client, manager = _signed_in("manager")
    assert "MARAC cases heard (referred by any agency)" in _page(client).content.decode()
    page = client.get("/figures/partnership/children", {"period_end": PERIOD_END.isoformat(),
                                                        "measure": "marac_repeat_cases_pct"}).content.decode()
    assert "Dawn Hartley" in page and "Heard at the MARAC of 10 April 2026; referred by Elm School" in page
    assert "Kayla" not in page
    assert AccessLogEntry.objects.filter(user=manager, target_id=str(dawn.pk)).exists()
