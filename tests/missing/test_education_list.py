from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.missing.models import EducationAbsence
from tests import factories

pytestmark = pytest.mark.django_db


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _date(prefix, day: date) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def _add(client, **overrides):
    return client.post("/education-list/add", {
        "given_name": "Ruby", "family_name": "Hartley", **_date("date_of_birth", date(2017, 3, 14)),
        "kind": "reduced_timetable", **_date("since", timezone.localdate() - timedelta(days=10)),
        "hours_per_week": "12.5", "reason": "Anxiety after a move", **overrides})


def test_a_dsl_adds_a_child_resolved_to_the_index_and_the_front_door_sees_it():
    ruby = factories.person()
    dsl = factories.user(role="referrer")
    assert _add(_signed_in(dsl)).status_code == 302
    absence = EducationAbsence.objects.get()
    assert absence.child == ruby and absence.school == dsl.membership.agency and absence.hours_per_week == 12.5
    practitioner = _signed_in(factories.user(role="practitioner"))
    assert "Ruby Hartley" in practitioner.get("/education-list").content.decode()
    person_page = practitioner.get(f"/front-door/people/{ruby.pk}").content.decode()
    assert "Reduced timetable at" in person_page and "12.5 hours a week" in person_page
    assert AccessLogEntry.objects.filter(target_id=str(ruby.pk), reason="Education list").exists()


def test_a_reduced_timetable_needs_its_hours_and_a_future_start_is_refused():
    client = _signed_in(factories.user(role="referrer"))
    page = _add(client, hours_per_week="", **_date("since", timezone.localdate() + timedelta(days=3))).content.decode()
    assert "Enter the hours a week the child is in school" in page
    assert "Date it started must be today or in the past" in page
    assert not EducationAbsence.objects.exists()


def test_another_school_does_not_see_the_entry_and_cannot_end_it():
    _add(_signed_in(factories.user(role="referrer")))
    absence = EducationAbsence.objects.get()
    other = _signed_in(factories.user(role="referrer"))
    assert "Ruby Hartley" not in other.get("/education-list").content.decode()
    assert other.get(f"/education-list/{absence.pk}").status_code == 404


def test_the_school_ends_the_entry_and_it_leaves_the_current_list():
    dsl = _signed_in(factories.user(role="referrer"))
    _add(dsl)
    absence = EducationAbsence.objects.get()
    dsl.post(f"/education-list/{absence.pk}", {**_date("ended_on", timezone.localdate()), "version": 1})
    absence.refresh_from_db()
    assert absence.ended_on == timezone.localdate()
    assert "No child is on the list." in dsl.get("/education-list").content.decode()
    assert "Ruby Hartley</a>" in dsl.get("/education-list?show=all").content.decode()


def test_a_non_school_referrer_gets_not_found():
    police = factories.user(role="referrer", agency_=factories.agency(kind="police"))
    client = _signed_in(police)
    assert client.get("/education-list").status_code == 404
    assert client.get("/education-list/add").status_code == 404
