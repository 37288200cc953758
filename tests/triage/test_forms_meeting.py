"""The triage action form: an owner from the list offered, a new action not due in the past."""
from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.triage.forms_meeting import ActionForm
from tests import factories

pytestmark = pytest.mark.django_db


def _form(owner, due, **extra):
    owners = Agency.objects.filter(pk=owner.pk)
    data = {"description": "Check bail", "owner_agency": owner.pk, "due_date_0": due.day,
            "due_date_1": due.month, "due_date_2": due.year, **extra}
    return ActionForm(data, owners=owners)


def test_a_new_action_due_yesterday_is_refused_in_words():
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    form = _form(police, timezone.localdate() - timedelta(days=1))
    assert not form.is_valid()
    assert form.errors["due_date"] == ["The due date must be today or in the future"]


def test_a_new_action_due_today_is_taken():
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    assert _form(police, timezone.localdate()).is_valid()


def test_an_action_already_recorded_keeps_its_past_date_on_a_correction():
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    assert _form(police, timezone.localdate() - timedelta(days=30), action_id="7").is_valid()


def test_an_owner_not_offered_gets_the_rule_in_words():
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    absent = factories.agency(kind=Agency.Kind.HEALTH_TRUST, name="Absent Health")
    form = ActionForm({"description": "Visit", "owner_agency": absent.pk, "due_date_0": "1", "due_date_1": "1",
                       "due_date_2": str(timezone.localdate().year + 1)}, owners=Agency.objects.filter(pk=police.pk))
    assert not form.is_valid()
    assert form.errors["owner_agency"] == ["Select an agency at the meeting or the school of a child in this incident"]
