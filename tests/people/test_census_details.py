"""The child's details for returns: ethnicity, UPN or why not, disabilities, date of death; compare
and set on the person's version, each change kept and logged, open to the roles that keep returns right."""
from datetime import date

import pytest
from django.test import Client

from frontdoor.casework.models import Episode, Team
from frontdoor.governance.models import AccessLogEntry
from frontdoor.people.errors import PersonDetailsConflict, PersonDetailsInvalid
from frontdoor.people.models import Person, PersonDetailsChange
from frontdoor.people.services import person_census_details_change
from tests import factories

pytestmark = pytest.mark.django_db

UPN = "H873200419101"


def _fields(person, **changes):
    fields = {"ethnicity": person.ethnicity, "upn": person.upn, "upn_unknown_reason": person.upn_unknown_reason,
              "disabilities": person.disabilities, "died_on": person.died_on, "version": person.version}
    return {**fields, **changes}


def test_recording_the_census_details_keeps_each_before_and_after_and_logs_it():
    practitioner, ruby = factories.user(role="practitioner"), factories.person()
    change = person_census_details_change(user=practitioner, person=ruby, reason="From the school",
                                          **_fields(ruby, ethnicity="WBRI", upn="h873 2004 19101",
                                                    disabilities=["AUT", "LD"]))
    ruby.refresh_from_db()
    assert (ruby.ethnicity, ruby.upn, ruby.disabilities, ruby.version) == ("WBRI", UPN, ["AUT", "LD"], 2)
    assert change.changes == [{"field": "ethnicity", "before": "", "after": "WBRI"},
                              {"field": "upn", "before": "", "after": UPN},
                              {"field": "disabilities", "before": [], "after": ["AUT", "LD"]}]
    assert AccessLogEntry.objects.filter(target_id=str(ruby.pk), action=AccessLogEntry.Action.UPDATE,
                                         reason="Changed ethnicity, UPN, disabilities: From the school").exists()


@pytest.mark.parametrize("changes, field", [
    ({"upn": "G873200419101"}, "upn"), ({"upn": UPN, "upn_unknown_reason": "UN1"}, "upn_unknown_reason"),
    ({"disabilities": ["NONE", "AUT"]}, "disabilities"), ({"ethnicity": "White"}, "ethnicity"),
    ({"died_on": date(2010, 1, 1)}, "died_on"), ({"upn_unknown_reason": "UN9"}, "upn_unknown_reason"),
])
def test_what_the_census_would_refuse_is_refused_on_its_field(changes, field):
    ruby = factories.person()
    with pytest.raises(PersonDetailsInvalid) as refused:
        person_census_details_change(user=factories.user(role="practitioner"), person=ruby, **_fields(ruby, **changes))
    assert refused.value.field == field
    assert Person.objects.get(pk=ruby.pk).version == 1


def test_a_upn_another_child_holds_is_refused():
    factories.person(given_name="Other").__class__.objects.update(upn=UPN)
    ruby = factories.person()
    with pytest.raises(PersonDetailsInvalid, match="belongs to another record"):
        person_census_details_change(user=factories.user(role="practitioner"), person=ruby, **_fields(ruby, upn=UPN))


def test_a_stale_form_is_refused_and_the_first_writer_stands():
    practitioner, ruby = factories.user(role="practitioner"), factories.person()
    shown = _fields(ruby)
    person_census_details_change(user=practitioner, person=ruby, **_fields(ruby, ethnicity="WBRI"))
    with pytest.raises(PersonDetailsConflict):
        person_census_details_change(user=practitioner, person=ruby, **{**shown, "ethnicity": "APKN"})
    assert Person.objects.get(pk=ruby.pk).ethnicity == "WBRI"


def _signed_in(role, **kwargs):
    user = factories.user(role=role, **kwargs)
    client = Client()
    client.force_login(user)
    return client, user


def _post(person, **changes):
    data = {"ethnicity": "", "upn": "", "upn_unknown_reason": "", "died_on_0": "", "died_on_1": "", "died_on_2": "",
            "reason": "", "version": person.version}
    return {**data, **changes}


def test_the_persons_page_links_to_the_form_which_saves_and_lists_the_change():
    client, practitioner = _signed_in("practitioner")
    ruby = factories.person()
    page = client.get(f"/front-door/people/{ruby.pk}").content.decode()
    assert f'href="/front-door/people/{ruby.pk}/details-for-returns"' in page
    form = client.get(f"/front-door/people/{ruby.pk}/details-for-returns")
    assert "Child&#x27;s details for returns" in form.content.decode()
    assert AccessLogEntry.objects.filter(user=practitioner, target_id=str(ruby.pk),
                                         reason="Opened the child's details for returns").exists()
    saved = client.post(f"/front-door/people/{ruby.pk}/details-for-returns",
                        _post(ruby, ethnicity="MWBC", disabilities=["NONE"], upn_unknown_reason="UN1"), follow=True)
    text = saved.content.decode()
    assert "Mixed: White and Black Caribbean" in text and "Disabilities: none to NONE" in text
    assert PersonDetailsChange.objects.get(person=ruby).changed_by == practitioner


def test_a_wrong_upn_is_shown_in_the_error_summary_and_what_was_typed_is_kept():
    client, _ = _signed_in("practitioner")
    ruby = factories.person()
    response = client.post(f"/front-door/people/{ruby.pk}/details-for-returns",
                           _post(ruby, upn="G873200419101", ethnicity="WBRI"))
    text = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in text and "should be H" in text
    assert 'value="G873200419101"' in text and Person.objects.get(pk=ruby.pk).ethnicity == ""


def test_a_stale_page_says_so():
    client, practitioner = _signed_in("practitioner")
    ruby = factories.person()
    person_census_details_change(user=practitioner, person=ruby, **_fields(ruby, ethnicity="WBRI"))
    response = client.post(f"/front-door/people/{ruby.pk}/details-for-returns", _post(ruby, version=1, ethnicity="APKN"))
    assert response.status_code == 400 and "Someone else changed" in response.content.decode()


def test_a_social_worker_sees_only_the_children_of_their_episodes_and_the_officer_every_child():
    client, worker = _signed_in("social_worker")
    theirs, other = factories.person(), factories.person(given_name="Ali")
    team = Team.objects.create(name="Assessment team")
    team.members.add(worker)
    Episode.objects.create(person=theirs, referral_date=date(2026, 6, 1), source="2A", team=team)
    assert client.get(f"/front-door/people/{theirs.pk}/details-for-returns").status_code == 200
    assert client.get(f"/front-door/people/{other.pk}/details-for-returns").status_code == 404
    officer, _ = _signed_in("performance_officer")
    assert officer.get(f"/front-door/people/{other.pk}/details-for-returns").status_code == 200
    referrer, _ = _signed_in("referrer")
    assert referrer.get(f"/front-door/people/{other.pk}/details-for-returns").status_code == 404
