"""The Front Door's own figures (issue 15 item 10): counts from contacts and decisions made through the
services, the period form, and who may see the page."""
import csv
import io
from datetime import date, datetime, timedelta, timezone as dt_timezone

import pytest
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.decisions.models import Decision
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import Contact, ContactChild
from frontdoor.reporting import front_door_figures as pure
from frontdoor.reporting.selectors import front_door_figures_for
from tests import factories

URL = "/figures/front-door"
LONDON_NOON = datetime(2026, 6, 10, 11, 0, tzinfo=dt_timezone.utc)  # a Wednesday, noon in London


def _received(contact, at):
    Contact.objects.filter(pk=contact.pk).update(received_at=at)
    contact.refresh_from_db()
    return contact


def _decide(contact, *, practitioner, manager, level=2, codes=("L2.2",), authorised_at):
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=level,
                               outcome_codes=list(codes), rationale="Needs support.", social_worker_name="Sam Patel",
                               unidentified_reason="Only a first name was given")
    decision_authorise(manager=manager, decision=decision, version=decision.version)
    Decision.objects.filter(pk=decision.pk).update(authorised_at=authorised_at)


# The pure counting.

def test_the_default_period_is_the_last_twelve_months_by_month():
    assert pure.default_period(date(2026, 12, 4)) == (date(2026, 1, 1), date(2026, 12, 4))
    assert pure.default_period(date(2026, 3, 31)) == (date(2025, 4, 1), date(2026, 3, 31))
    assert len(pure.month_starts(*pure.default_period(date(2026, 12, 4)))) == 12


def test_the_one_working_day_clock_counts_late_and_not_yet_due():
    friday = datetime(2026, 6, 12, 10, 0, tzinfo=dt_timezone.utc)
    next_monday_morning = datetime(2026, 6, 15, 9, 0, tzinfo=dt_timezone.utc)
    next_tuesday = datetime(2026, 6, 16, 12, 0, tzinfo=dt_timezone.utc)
    clock = pure.timeliness([(friday, next_monday_morning), (friday, next_tuesday), (friday, None),
                             (next_tuesday, None)], now=datetime(2026, 6, 16, 13, 0, tzinfo=dt_timezone.utc))
    assert (clock.on_time, clock.late, clock.not_yet_due) == (1, 2, 1)
    assert clock.share_on_time == pytest.approx(1 / 3)
    assert pure.timeliness([], now=friday).share_on_time is None


def test_a_recontact_is_a_second_contact_about_a_child_within_twelve_months():
    since = datetime(2026, 1, 1, tzinfo=dt_timezone.utc)
    mentions = [("a", "ruby", datetime(2025, 3, 1, tzinfo=dt_timezone.utc)),
                ("b", "ruby", datetime(2026, 2, 1, tzinfo=dt_timezone.utc)),   # 11 months after a
                ("c", "tyler", datetime(2024, 12, 1, tzinfo=dt_timezone.utc)),
                ("d", "tyler", datetime(2026, 2, 1, tzinfo=dt_timezone.utc)),  # 14 months after c
                ("e", "tyler", datetime(2026, 3, 1, tzinfo=dt_timezone.utc))]  # a month after d
    assert pure.recontacts(mentions, since=since) == {"b", "e"}


def test_bar_widths_are_shares_of_the_largest():
    assert pure.bars([("School", 4), ("Police", 1), ("GP", 0)]) == [("School", 4, 100), ("Police", 1, 25), ("GP", 0, 0)]
    assert pure.bars([("School", 0)]) == [("School", 0, 0)]


# The selector, from real rows.

@pytest.mark.django_db
def test_the_figures_count_sources_channels_levels_timeliness_and_recontacts():
    practitioner = factories.user(role=Membership.Role.PRACTITIONER)
    manager = factories.user(role=Membership.Role.MANAGER, agency_=practitioner.membership.agency)
    police = factories.agency(kind=Agency.Kind.POLICE)
    school_contact = _received(factories.contact(), LONDON_NOON)
    police_contact = _received(factories.contact(agency_=police), LONDON_NOON + timedelta(days=1))
    Contact.objects.filter(pk=police_contact.pk).update(channel=Contact.Channel.PHONE)
    police_contact.refresh_from_db()
    _decide(school_contact, practitioner=practitioner, manager=manager, authorised_at=LONDON_NOON + timedelta(hours=3))
    _decide(police_contact, practitioner=practitioner, manager=manager, level=1, codes=("L1.1",),
            authorised_at=LONDON_NOON + timedelta(days=5))  # the next Monday: late
    # Ruby was the subject of a contact in March, and of the police contact in June.
    ruby = factories.person()
    earlier = _received(factories.contact(), datetime(2026, 3, 2, 11, 0, tzinfo=dt_timezone.utc))
    for contact in (earlier, police_contact):
        ContactChild.objects.filter(contact=contact).update(person=ruby)
    _received(factories.contact(), datetime(2025, 5, 1, 11, 0, tzinfo=dt_timezone.utc))  # before the period

    figures = front_door_figures_for(user=manager, first_day=date(2026, 6, 1), last_day=date(2026, 6, 30))
    assert figures.contacts == 2
    assert dict(figures.by_source)["School"] == 1 and dict(figures.by_source)["Police"] == 1
    assert dict(figures.by_channel) == {"Online concern form": 1, "Phone": 1, "Email": 0}
    levels = dict(figures.by_level)
    assert [n for label, n in levels.items() if label.startswith("Level 2")] == [1]
    assert [n for label, n in levels.items() if label.startswith("Level 1")] == [1]
    assert (figures.timeliness.on_time, figures.timeliness.late) == (1, 1)
    assert figures.recontacts == 1
    assert [(m.starts, m.contacts, m.decisions, m.recontacts) for m in figures.months] == [(date(2026, 6, 1), 2, 2, 1)]


@pytest.mark.django_db
def test_calls_from_the_public_are_counted_by_their_census_source():
    manager = factories.user(role=Membership.Role.MANAGER)
    for source in ("1A", "1A", "9"):
        _received(factories.public_contact(caller_source=source), LONDON_NOON)

    figures = front_door_figures_for(user=manager, first_day=date(2026, 6, 1), last_day=date(2026, 6, 30))

    by_source = dict(figures.by_source)
    assert by_source["Family member, relative or carer"] == 2 and by_source["Anonymous caller"] == 1
    assert sum(by_source.values()) == figures.contacts == 3


@pytest.mark.django_db
def test_the_figures_are_not_found_for_a_practitioner():
    with pytest.raises(Http404):
        front_door_figures_for(user=factories.user(role=Membership.Role.PRACTITIONER),
                               first_day=date(2026, 1, 1), last_day=date(2026, 1, 31))


# The page.

@pytest.mark.django_db
@pytest.mark.parametrize("role", [Membership.Role.MANAGER, Membership.Role.PERFORMANCE_OFFICER])
def test_the_manager_and_the_performance_officer_read_the_last_twelve_months(client, role):
    factories.contact()
    client.force_login(factories.user(role=role))
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200 and "Front Door figures</a>" in page
    assert page.count('<th scope="row" class="govuk-table__header">', page.index('id="by-month"')) == 12
    assert "Ruby" not in page and "Hartley" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Membership.Role.REFERRER, Membership.Role.PRACTITIONER])
def test_anyone_else_finds_no_such_page(client, role):
    client.force_login(factories.user(role=role))
    assert client.get(URL).status_code == 404
    assert client.get(URL + ".csv").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "message"), [
    ({"date_from_0": "31", "date_from_1": "2", "date_from_2": "2026", "date_to_0": "1", "date_to_1": "3",
      "date_to_2": "2026"}, "Start date must be a real date"),
    ({"date_from_0": "1", "date_from_1": "3", "date_from_2": "2026"}, "Enter the end date"),
    ({"date_from_0": "1", "date_from_1": "3", "date_from_2": "2026", "date_to_0": "1", "date_to_1": "2",
      "date_to_2": "2026"}, "The end date must be the same as or after the start date"),
])
def test_a_bad_period_gets_a_specific_error(client, query, message):
    client.force_login(factories.user(role=Membership.Role.MANAGER))
    response = client.get(URL, query)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page and 'id="by-month"' not in page


@pytest.mark.django_db
def test_the_csv_holds_the_chosen_periods_figures(client):
    contact = factories.contact()
    today = timezone.localdate()
    client.force_login(factories.user(role=Membership.Role.MANAGER))
    query = {"date_from_0": "1", "date_from_1": str(today.month), "date_from_2": str(today.year),
             "date_to_0": str(today.day), "date_to_1": str(today.month), "date_to_2": str(today.year)}
    response = client.get(URL + ".csv", query)
    assert response["Content-Disposition"].startswith('attachment; filename="front-door-figures-')
    rows = [tuple(row) for row in csv.reader(io.StringIO(response.content.decode()))]
    assert rows[0] == ("section", "item", "count")
    assert ("contacts", "all contacts received", "1") in rows
    assert ("contacts by source", "School", "1") in rows
    assert ("contacts by month", f"{today:%Y-%m}", "1") in rows
    assert contact.reference not in response.content.decode()
