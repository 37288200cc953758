"""Correcting a person's details and ending an address: each change kept with who, when, why and
every field's before and after; compare and set on the person's version (an edit, an ended address,
a merge or its undo makes an open form stale); NHS numbers checked; a merged record is not changed."""
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.people import identity
from frontdoor.people.errors import PersonDetailsConflict, PersonDetailsInvalid, PersonNotEditable
from frontdoor.people.models import Address, Person, PersonDetailsChange, Residence
from frontdoor.people.services import person_details_change, person_merge, person_merge_undo, residence_end
from tests import factories

pytestmark = pytest.mark.django_db

RUBY_NHS = "9434765919"
WRONG_NHS = "9434765870"  # valid, but another child's: the typing slip the merge refusal asks to correct
OTHER_NHS = "4010232137"


@pytest.fixture
def practitioner():
    return factories.user(role="practitioner", first="Sam", last="Patel")


@pytest.fixture
def ruby():
    ruby = factories.person(nhs_number=WRONG_NHS)
    Residence.objects.filter(person=ruby).update(from_date=date(2021, 9, 1))
    return Person.objects.get(pk=ruby.pk)


def _details(person: Person, **changes) -> dict:
    fields = {"given_name": person.given_name, "family_name": person.family_name,
              "date_of_birth": person.date_of_birth, "sex": person.sex, "nhs_number": person.nhs_number,
              "reason": "GP confirmed the NHS number by phone", "version": person.version}
    return {**fields, **changes}


def _change(user, person, **changes) -> PersonDetailsChange:
    return person_details_change(user=user, person=person, **_details(person, **changes))


# Services

def test_a_correction_records_who_why_and_each_fields_before_and_after(practitioner, ruby, monkeypatch):
    noted = []
    monkeypatch.setattr(identity, "index_note", lambda person, *, created: noted.append((person.nhs_number, created)))
    change = _change(practitioner, ruby, nhs_number="943 476 5919", given_name="Rubie")

    ruby.refresh_from_db()
    assert (ruby.nhs_number, ruby.given_name, ruby.version) == (RUBY_NHS, "Rubie", 2)
    assert change.kind == PersonDetailsChange.Kind.DETAILS and change.changed_by == practitioner
    assert change.reason == "GP confirmed the NHS number by phone" and change.version == 2
    assert change.changes == [{"field": "given_name", "before": "Ruby", "after": "Rubie"},
                              {"field": "nhs_number", "before": WRONG_NHS, "after": RUBY_NHS}]
    assert AccessLogEntry.objects.filter(
        user=practitioner, target_id=str(ruby.pk), action=AccessLogEntry.Action.UPDATE,
        reason="Changed given name, NHS number: GP confirmed the NHS number by phone").exists()
    assert noted == [(RUBY_NHS, False)]  # the in-process resolver matches on the new number


def test_a_date_of_birth_is_recorded_as_a_date_and_can_be_cleared(practitioner, ruby):
    change = _change(practitioner, ruby, date_of_birth=None, sex=Person.Sex.UNKNOWN)
    assert change.changes == [{"field": "date_of_birth", "before": "2017-03-14", "after": None},
                              {"field": "sex", "before": "female", "after": "unknown"}]


def test_a_stale_form_is_refused_and_nothing_is_overwritten(practitioner, ruby):
    shown = ruby.version
    _change(practitioner, ruby, given_name="Rubie")
    with pytest.raises(PersonDetailsConflict) as conflict:
        person_details_change(user=practitioner, person=ruby, **_details(ruby, version=shown, nhs_number=RUBY_NHS))
    assert "Someone else changed Rubie Hartley's record" in str(conflict.value)
    assert "Nothing has been saved" in str(conflict.value)
    ruby.refresh_from_db()
    assert (ruby.given_name, ruby.nhs_number, ruby.version) == ("Rubie", WRONG_NHS, 2)
    assert PersonDetailsChange.objects.count() == 1


def test_a_merge_or_its_undo_makes_an_open_form_stale(practitioner, ruby):
    shown = ruby.version
    merge = person_merge(user=practitioner, survivor=ruby, merged=factories.person(given_name="Rubie"),
                         reason="Same child")
    with pytest.raises(PersonDetailsConflict):
        person_details_change(user=practitioner, person=ruby, **_details(ruby, version=shown, nhs_number=RUBY_NHS))
    between = Person.objects.get(pk=ruby.pk).version
    person_merge_undo(user=practitioner, merge=merge, reason="Twins")
    with pytest.raises(PersonDetailsConflict):
        person_details_change(user=practitioner, person=ruby, **_details(ruby, version=between, nhs_number=RUBY_NHS))
    assert not PersonDetailsChange.objects.exists()


def test_an_nhs_number_failing_its_check_digit_is_refused(practitioner, ruby):
    with pytest.raises(PersonDetailsInvalid) as refused:
        _change(practitioner, ruby, nhs_number="9434765918")
    assert refused.value.field == "nhs_number"
    assert "The NHS number 9434765918 is not valid: its last digit (the check digit) does not match" in str(refused.value)
    assert Person.objects.get(pk=ruby.pk).nhs_number == WRONG_NHS


def test_a_number_another_record_holds_is_refused_without_saying_whose(practitioner, ruby):
    factories.person(given_name="Jayden", family_name="Okafor", nhs_number=OTHER_NHS)
    with pytest.raises(PersonDetailsInvalid) as refused:
        _change(practitioner, ruby, nhs_number=OTHER_NHS)
    message = str(refused.value)
    assert refused.value.field == "nhs_number"
    assert f"The NHS number {OTHER_NHS} belongs to another record in the person index" in message
    assert "Jayden" not in message and "Okafor" not in message
    assert Person.objects.get(pk=ruby.pk).nhs_number == WRONG_NHS and not PersonDetailsChange.objects.exists()


def test_a_merged_record_keeps_its_number_and_does_not_block_its_survivor(practitioner, ruby):
    copy = factories.person(given_name="Rubie", nhs_number=RUBY_NHS)
    Person.objects.filter(pk=copy.pk).update(merged_into=ruby)
    assert _change(practitioner, ruby, nhs_number=RUBY_NHS).changes[0]["after"] == RUBY_NHS


def test_a_merged_record_cannot_be_changed_and_names_its_survivor(practitioner, ruby):
    survivor = factories.person(given_name="Ruby-Mae")
    person_merge(user=practitioner, survivor=survivor, merged=ruby, reason="Same child")
    ruby.refresh_from_db()
    with pytest.raises(PersonNotEditable) as refused:
        _change(practitioner, ruby, nhs_number=RUBY_NHS)
    assert refused.value.survivor == survivor
    assert "merged into Ruby-Mae Hartley's record" in str(refused.value)
    assert not PersonDetailsChange.objects.exists()


def test_a_reason_and_a_real_change_are_needed(practitioner, ruby):
    with pytest.raises(PersonDetailsInvalid) as no_reason:
        _change(practitioner, ruby, nhs_number=RUBY_NHS, reason="  ")
    assert no_reason.value.field == "reason"
    with pytest.raises(PersonDetailsInvalid) as nothing:
        _change(practitioner, ruby)
    assert "You have not changed any details" in str(nothing.value)


def test_a_records_corrections_stay_with_it_when_it_is_merged(practitioner, ruby):
    _change(practitioner, ruby, given_name="Rubie")
    survivor = factories.person(given_name="Ruby-Mae")
    person_merge(user=practitioner, survivor=survivor, merged=Person.objects.get(pk=ruby.pk), reason="Same child")
    assert PersonDetailsChange.objects.get().person_id == ruby.pk


def _home(person) -> Residence:
    return Residence.objects.get(person=person, to_date__isnull=True)


def test_moving_out_ends_the_address_and_is_recorded(practitioner, ruby):
    home = _home(ruby)
    change = residence_end(user=practitioner, person=ruby, residence=home, version=ruby.version,
                           moved_out=date(2025, 3, 3), reason="Mother told us")
    home.refresh_from_db()
    assert home.to_date == date(2025, 3, 3)
    assert Person.objects.get(pk=ruby.pk).version == 2
    assert change.kind == PersonDetailsChange.Kind.MOVED_OUT and change.reason == "Mother told us"
    assert change.changes == [{"field": "to_date", "residence": home.pk, "address": "12 Orchard Way, FD1 2AB",
                               "before": None, "after": "2025-03-03"}]
    assert AccessLogEntry.objects.filter(user=practitioner, action=AccessLogEntry.Action.UPDATE,
                                         reason="Recorded as moved out of an address: Mother told us").exists()


@pytest.mark.parametrize(("moved_out", "message"), [
    (date(2021, 8, 31), "must be the same as or after the date they moved in, 1 September 2021"),
    (timezone.localdate() + timedelta(days=1), "must be today or in the past"),
])
def test_a_move_out_before_moving_in_or_in_the_future_is_refused(practitioner, ruby, moved_out, message):
    with pytest.raises(PersonDetailsInvalid) as refused:
        residence_end(user=practitioner, person=ruby, residence=_home(ruby), version=ruby.version, moved_out=moved_out)
    assert message in str(refused.value) and refused.value.field == "moved_out"
    assert _home(ruby).to_date is None and Person.objects.get(pk=ruby.pk).version == 1


def test_moving_out_on_the_day_they_moved_in_is_allowed(practitioner, ruby):
    residence_end(user=practitioner, person=ruby, residence=_home(ruby), version=ruby.version,
                  moved_out=date(2021, 9, 1))
    assert not Residence.objects.filter(person=ruby, to_date__isnull=True).exists()


def test_a_stale_or_repeated_move_out_is_refused(practitioner, ruby):
    home = _home(ruby)
    other = Residence.objects.create(person=ruby, address=Address.objects.create(line1="Flat 2", postcode="FD9 9ZZ"))
    residence_end(user=practitioner, person=ruby, residence=home, version=1, moved_out=date(2025, 3, 3))
    with pytest.raises(PersonDetailsConflict):  # a form opened before that
        residence_end(user=practitioner, person=ruby, residence=other, version=1, moved_out=date(2025, 3, 3))
    with pytest.raises(PersonDetailsConflict):  # the same address again
        residence_end(user=practitioner, person=ruby, residence=home, version=2, moved_out=date(2025, 3, 4))
    assert Residence.objects.get(pk=home.pk).to_date == date(2025, 3, 3)
    assert Residence.objects.get(pk=other.pk).to_date is None


# Pages

def _signed_in(role=Membership.Role.PRACTITIONER, **kwargs):
    client = Client()
    user = factories.user(role=role, **kwargs)
    client.force_login(user)
    return client, user


def _post(person, **changes) -> dict:
    data = _details(person, **changes)
    born = data.pop("date_of_birth")
    if born:
        data.update({"date_of_birth_0": born.day, "date_of_birth_1": born.month, "date_of_birth_2": born.year})
    return data


def _error_summary(response) -> str:
    page = response.content.decode()
    assert "There is a problem" in page
    return page[page.index("govuk-error-summary"):page.index("</ul>", page.index("govuk-error-summary"))]


def test_the_change_page_shows_the_details_and_is_logged(ruby):
    client, practitioner = _signed_in()
    response = client.get(f"/front-door/people/{ruby.pk}/details")
    page = response.content.decode()
    assert response.status_code == 200
    assert f'value="{WRONG_NHS}"' in page and 'value="Ruby"' in page and 'value="2017"' in page
    assert "Why are you changing these details?" in page
    assert AccessLogEntry.objects.filter(user=practitioner, target_id=str(ruby.pk), action="view",
                                         reason="Opened the form to change details").count() == 1
    assert f'href="/front-door/people/{ruby.pk}/details"' in client.get(f"/front-door/people/{ruby.pk}").content.decode()


@pytest.mark.parametrize("role", [Membership.Role.REFERRER, Membership.Role.ISCO, Membership.Role.ADMINISTRATOR])
def test_anyone_but_front_door_staff_gets_not_found_and_nothing_changes(ruby, role):
    client, user = _signed_in(role)
    home = _home(ruby)
    assert client.get(f"/front-door/people/{ruby.pk}/details").status_code == 404
    assert client.post(f"/front-door/people/{ruby.pk}/details", _post(ruby, nhs_number=RUBY_NHS)).status_code == 404
    assert client.get(f"/front-door/people/{ruby.pk}/addresses/{home.pk}/moved-out").status_code == 404
    assert not AccessLogEntry.objects.filter(user=user).exists()
    assert Person.objects.get(pk=ruby.pk).nhs_number == WRONG_NHS


def test_a_schools_safeguarding_lead_gets_not_found(ruby):
    client, user = _signed_in(Membership.Role.REFERRER, agency_=factories.agency(name="Oakfield Primary"))
    assert user.membership.is_school_dsl
    assert client.get(f"/front-door/people/{ruby.pk}/details").status_code == 404
    assert client.get(f"/front-door/people/{ruby.pk}/addresses/{_home(ruby).pk}/moved-out").status_code == 404


def test_a_correction_is_listed_on_the_persons_page(ruby):
    client, _ = _signed_in(first="Sam", last="Patel")
    response = client.post(f"/front-door/people/{ruby.pk}/details", _post(ruby, nhs_number="943 476 5919"))
    assert response.status_code == 302 and response["Location"] == f"/front-door/people/{ruby.pk}#changes"
    page = client.get(response["Location"]).content.decode()
    assert "Ruby Hartley&#x27;s details have been changed" in page
    assert "Changes to these details" in page
    assert f"NHS number: {WRONG_NHS} to {RUBY_NHS}" in page
    assert "Sam Patel" in page and "GP confirmed the NHS number by phone" in page


@pytest.mark.parametrize(("changes", "message"), [
    ({"nhs_number": "9434765918"}, "The NHS number 9434765918 is not valid: its last digit (the check digit)"),
    ({"nhs_number": "94347"}, "Enter the NHS number as 10 digits"),
    ({"nhs_number": RUBY_NHS, "reason": ""}, "Enter why you are changing these details"),
    ({"family_name": ""}, "Enter their last name"),
    ({"date_of_birth": timezone.localdate() + timedelta(days=1)}, "Date of birth must be today or in the past"),
])
def test_a_form_with_a_problem_shows_it_in_the_error_summary(ruby, changes, message):
    client, _ = _signed_in()
    response = client.post(f"/front-door/people/{ruby.pk}/details", _post(ruby, **changes))
    assert response.status_code == 400
    assert message in _error_summary(response)
    assert not PersonDetailsChange.objects.exists()


def test_the_page_refuses_another_records_number_without_showing_that_record(ruby):
    factories.person(given_name="Jayden", family_name="Okafor", nhs_number=OTHER_NHS)
    client, _ = _signed_in()
    response = client.post(f"/front-door/people/{ruby.pk}/details", _post(ruby, nhs_number=OTHER_NHS))
    assert response.status_code == 400
    summary = _error_summary(response)
    assert "belongs to another record in the person index" in summary and 'href="#id_nhs_number"' in summary
    assert "Jayden" not in response.content.decode() and "Okafor" not in response.content.decode()


def test_a_stale_form_shows_the_conflict_and_keeps_what_was_typed(ruby, practitioner):
    client, _ = _signed_in()
    _change(practitioner, ruby, given_name="Rubie")
    response = client.post(f"/front-door/people/{ruby.pk}/details",
                           _post(ruby, version=1, nhs_number=RUBY_NHS, reason="From the GP"))
    assert response.status_code == 400
    assert "Someone else changed Rubie Hartley&#x27;s record" in _error_summary(response)
    assert 'value="9434765919"' in response.content.decode() and "From the GP" in response.content.decode()
    ruby.refresh_from_db()
    assert (ruby.given_name, ruby.nhs_number) == ("Rubie", WRONG_NHS)


def test_a_merged_records_change_page_points_to_its_survivor(ruby, practitioner):
    survivor = factories.person(given_name="Ruby-Mae")
    person_merge(user=practitioner, survivor=survivor, merged=ruby, reason="Same child")
    client, _ = _signed_in()
    page = client.get(f"/front-door/people/{ruby.pk}/details").content.decode()
    assert "This record has been merged into Ruby-Mae Hartley's record" in page
    assert f'href="/front-door/people/{survivor.pk}/details"' in page and "Save changes" not in page
    response = client.post(f"/front-door/people/{ruby.pk}/details", _post(ruby, nhs_number=RUBY_NHS, version=2))
    assert response.status_code == 400 and not PersonDetailsChange.objects.exists()


def test_moved_out_from_the_persons_page(ruby):
    client, practitioner = _signed_in()
    home = _home(ruby)
    url = f"/front-door/people/{ruby.pk}/addresses/{home.pk}/moved-out"
    assert f'href="{url}"' in client.get(f"/front-door/people/{ruby.pk}").content.decode()
    page = client.get(url).content.decode()
    assert "Moved out of 12 Orchard Way, FD1 2AB" in page and "They moved in on 1 September 2021" in page
    assert AccessLogEntry.objects.filter(user=practitioner, reason="Opened the form to record a move out").exists()

    early = client.post(url, {"moved_out_0": "31", "moved_out_1": "8", "moved_out_2": "2021", "version": "1"})
    assert early.status_code == 400
    assert "must be the same as or after the date they moved in, 1 September 2021" in _error_summary(early)
    empty = client.post(url, {"version": "1"})
    assert "Enter the date they moved out" in _error_summary(empty)

    done = client.post(url, {"moved_out_0": "3", "moved_out_1": "3", "moved_out_2": "2025", "version": "1",
                             "reason": "Mother told us"}, follow=True)
    page = done.content.decode()
    assert "Ruby Hartley recorded as moved out of 12 Orchard Way, FD1 2AB" in page
    assert "Moved out of 12 Orchard Way, FD1 2AB on 3 March 2025" in page and "Mother told us" in page
    assert "Lives here now" not in page and f'href="{url}"' not in page
    again = client.post(url, {"moved_out_0": "4", "moved_out_1": "3", "moved_out_2": "2025", "version": "2"})
    assert again.status_code == 400 and "Someone else changed" in _error_summary(again)


def test_an_address_of_someone_else_is_not_found(ruby):
    client, _ = _signed_in()
    other = factories.person(given_name="Jayden")
    assert client.get(f"/front-door/people/{ruby.pk}/addresses/{_home(other).pk}/moved-out").status_code == 404
