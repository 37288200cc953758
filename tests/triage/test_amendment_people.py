"""An amended police notification whose people changed has them resolved again, as a new one's are."""
from datetime import date

import pytest
from django.utils import timezone

from frontdoor.people.models import Person
from frontdoor.triage.imports import notifications_import_file
from frontdoor.triage.models import NotificationChild, PoliceNotification, SchoolNotification
from tests import factories
from tests.triage import factories_triage as triage
from tests.triage.records import jsonl, record

pytestmark = pytest.mark.django_db

AMY = record()["children"][0]


def _import(*records):
    return notifications_import_file(text=jsonl(*records), file_format="jsonl", source="test file")


def test_a_childs_corrected_date_of_birth_links_them_to_the_child_in_the_index():
    amy = factories.person(given_name="Amy", family_name="Bloggs", date_of_birth=date(2017, 9, 11))
    _import(record("A1"))  # the police typed the 10th: not Amy in the index
    first = NotificationChild.objects.get()
    assert first.person != amy

    result = _import(record("A1", children=[AMY | {"dob": "2017-09-11"}]))

    assert [row.status for row in result.rows] == ["amended"] and result.rows[0].changed == ["children"]
    child = NotificationChild.objects.get()
    assert child.pk == first.pk and child.person == amy and child.date_of_birth == date(2017, 9, 11)


def test_a_renamed_perpetrator_is_resolved_again_and_the_victim_kept():
    stored = _import(record("A1")).rows[0].notification
    dean = {"given_name": "Dean", "family_name": "Marsh", "dob": "1985-01-02", "sex": "male"}

    _import(record("A1", perpetrator=dean))

    notification = PoliceNotification.objects.get()
    assert (notification.perpetrator.given_name, notification.perpetrator.family_name) == ("Dean", "Marsh")
    assert notification.victim_id == stored.victim_id


def test_a_child_added_is_stored_and_one_no_longer_named_is_removed():
    _import(record("A1"))
    ben = {**AMY, "given_name": "Ben", "dob": "2019-04-05"}

    _import(record("A1", children=[ben]))

    assert list(NotificationChild.objects.values_list("given_name", flat=True)) == ["Ben"]
    assert Person.objects.filter(given_name="Ben", kind=Person.Kind.CHILD).exists()


def test_an_amendment_of_the_narrative_only_leaves_the_people_as_they_were():
    _import(record("A1"))
    before = NotificationChild.objects.get()
    _import(record("A1", narrative="DP pushed IP and threw a glass."))
    after = NotificationChild.objects.get()
    assert (after.pk, after.person_id) == (before.pk, before.person_id)


def test_a_child_no_longer_named_whose_school_was_told_is_kept():
    notification = _import(record("A1")).rows[0].notification
    amy = NotificationChild.objects.get()
    SchoolNotification.objects.create(notification=notification, child=amy, school=triage.school(urn="116789"),
                                      grade="standard", deadline=timezone.now())

    _import(record("A1", children=[{**AMY, "given_name": "Ben", "dob": "2019-04-05"}]))

    assert sorted(NotificationChild.objects.values_list("given_name", flat=True)) == ["Amy", "Ben"]
