import pytest
from django.test import Client

from frontdoor.agencies.models import Agency
from frontdoor.decisions.models import Decision
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import Contact
from tests import factories
from tests.access_log import capture, ids, log_statements, logged

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _phone_contact_form(agency):
    return {
        "caller": "professional", "channel": "phone", "referrer_agency": str(agency.pk), "immediate_risk": "no",
        "referrer_name": "PC Kate Wilson", "referrer_phone": "01632 960001", "referrer_email": "",
        "child-TOTAL_FORMS": "1", "child-INITIAL_FORMS": "0", "child-MIN_NUM_FORMS": "1", "child-MAX_NUM_FORMS": "1000",
        "child-0-given_name": "Leo", "child-0-family_name": "Okafor",
        "child-0-date_of_birth_0": "2", "child-0-date_of_birth_1": "5", "child-0-date_of_birth_2": "2022",
        "family-TOTAL_FORMS": "0", "family-INITIAL_FORMS": "0", "family-MIN_NUM_FORMS": "0", "family-MAX_NUM_FORMS": "1000",
        "concern_now": "Called at 10:20 today: Leo was found alone in the flat at 07:30 by a neighbour.",
        "agency_actions": "Officers attended and Leo is with his grandmother.", "consent": "given",
    }


def test_front_door_officer_records_a_phone_contact_on_the_same_model():
    practitioner = factories.user(role="practitioner")
    police = factories.agency(kind=Agency.Kind.POLICE, name="Fictional Shire Police")

    response = _client(practitioner).post("/front-door/record-contact", _phone_contact_form(police))

    contact = Contact.objects.get()
    assert response.status_code == 302 and response.url == f"/front-door/contacts/{contact.pk}"
    assert (contact.channel, contact.referrer_agency, contact.submitted_by) == ("phone", police, practitioner)
    assert contact.children.get().date_of_birth.year == 2022


def test_bad_date_of_birth_gets_a_specific_message_and_nothing_is_stored():
    practitioner = factories.user(role="practitioner")
    form = {**_phone_contact_form(factories.agency(kind=Agency.Kind.POLICE)), "child-0-date_of_birth_1": "13"}

    response = _client(practitioner).post("/front-door/record-contact", form)

    assert response.status_code == 200
    assert "Date of birth must be a real date" in response.content.decode()
    assert Contact.objects.count() == 0


def _children(count):
    fields = {"child-TOTAL_FORMS": str(count)}
    for index in range(count):
        fields |= {f"child-{index}-family_name": f"Okafor{index}", f"child-{index}-given_name": "Leo"}
    return fields


@pytest.mark.parametrize(("changes", "message"), [
    ({"child-0-date_of_birth_2": "1990"}, "Enter a date of birth within the last 25 years"),
    ({"child-0-date_of_birth_2": "2999"}, "Enter a date of birth in the past"),
    ({"child-0-family_name": "Oka\x00for"}, "Last name must not contain hidden control characters"),
    ({"child-0-postcode": "FD2 3CD FD2 3CD"}, "Enter a real UK postcode, like WR1 2AB"),
    ({"child-0-nhs_number": "943 476 5918"}, "check digit"),
    ({"referrer_email": "pc.wilson@police.example\r\nBcc: x@example.org"}, "Enter an email address in the correct"),
    ({"referrer_phone": "0" * 31}, "Enter a UK phone number, like 01632 960 001"),
    (_children(21), "Enter 20 children or fewer"),
])
def test_the_form_refuses_what_the_api_refuses_with_the_same_message(changes, message):
    practitioner = factories.user(role="practitioner")
    form = {**_phone_contact_form(factories.agency(kind=Agency.Kind.POLICE)), **changes}

    response = _client(practitioner).post("/front-door/record-contact", form)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Contact.objects.count() == 0


def test_the_form_stores_the_nhs_number_as_digits():
    practitioner = factories.user(role="practitioner")
    form = {**_phone_contact_form(factories.agency(kind=Agency.Kind.POLICE)), "child-0-nhs_number": "943 476 5919"}

    _client(practitioner).post("/front-door/record-contact", form)

    assert Contact.objects.get().children.get().nhs_number == "9434765919"


def test_second_decider_gets_conflict_and_keeps_their_text():
    first, second = factories.user(role="practitioner"), factories.user(role="practitioner")
    contact = factories.contact()
    stale = {"level": "1", "outcome_codes": ["L1.1"], "rationale": "My careful reasoning about Ruby",
             "social_worker_name": "Jo Evans", "version": str(contact.version),
             "unidentified_reason": "Ruby is not yet in the person index"}
    _client(first).post(f"/front-door/contacts/{contact.pk}/decide",
                        {**stale, "level": "3", "outcome_codes": ["L3.2"], "rationale": "Assess"})

    response = _client(second).post(f"/front-door/contacts/{contact.pk}/decide", stale)

    page = response.content.decode()
    assert "Someone else changed this contact" in page
    assert "My careful reasoning about Ruby" in page
    assert Decision.objects.get().level == 3


def test_contact_page_is_logged_and_no_personal_data_is_in_its_url():
    practitioner = factories.user(role="practitioner")
    contact = factories.contact()

    response = _client(practitioner).get(f"/front-door/contacts/{contact.pk}")

    assert "Ruby Hartley" in response.content.decode()
    assert AccessLogEntry.objects.filter(user=practitioner, target_id=str(contact.pk), action="view").count() == 1


@pytest.mark.parametrize("path", ["/front-door/queue", "/front-door/record-contact", "/front-door/authorisations"])
def test_referrers_cannot_reach_front_door_pages(path):
    response = _client(factories.user()).get(path)
    assert response.status_code == 404


def test_signed_out_users_are_sent_to_sign_in():
    response = Client().get("/front-door/queue")
    assert response.status_code == 302 and response.url.startswith("/sign-in")


def test_a_linked_childs_history_on_the_contact_page_is_logged_as_a_view_of_that_person():
    from frontdoor.people.services import contact_child_link

    practitioner = factories.user(role="practitioner")
    contact = factories.contact()
    ruby = factories.person()
    contact_child_link(user=practitioner, contact_child=contact.children.get(), person=ruby)

    _client(practitioner).get(f"/front-door/contacts/{contact.pk}")

    entry = AccessLogEntry.objects.get(action="view", target_type="people.person", target_id=str(ruby.pk))
    assert entry.reason == f"Shown on contact {contact.reference}"


# --- Need to know: list pages log the records they show ------------------------------------------


def test_contacts_queue_logs_only_the_contacts_on_its_page_in_one_statement():
    practitioner = factories.user(role="practitioner")
    contacts = factories.many_contacts(count=51)

    with capture() as queries:
        page = _client(practitioner).get("/front-door/queue?page=2").content.decode()

    assert "Ruby Child50" in page and "Ruby Child49" not in page
    assert logged(user=practitioner, reason="Listed in the contacts queue") == ids(contacts[50:])
    assert log_statements(queries) == 1


def test_my_contacts_logs_the_contacts_on_its_page():
    referrer = factories.user()
    contacts = factories.many_contacts(count=26, agency_=referrer.membership.agency)

    page = _client(referrer).get("/my-contacts").content.decode()

    assert "Ruby Child25" in page and "Ruby Child0" not in page  # newest first, 25 to a page
    assert logged(user=referrer, reason="Listed in your agency's contacts") == ids(contacts[1:])


def test_the_queue_search_is_read_from_the_post_only_and_each_contact_shown_is_logged(client):
    practitioner = factories.user(role="practitioner")
    tyler = factories.contact(children=(factories.child_draft(given_name="Tyler", family_name="Brooks"),))
    ruby = factories.contact()
    client.force_login(practitioner)

    searched = client.post("/front-door/queue", {"q": "Tyler"})
    assert searched.status_code == 200
    assert [row[0] for row in searched.context["rows"]] == [tyler]
    assert logged(user=practitioner, reason="Listed in the contacts queue") == ids([tyler])

    in_address = client.get("/front-door/queue", {"q": "Tyler"})
    assert {row[0] for row in in_address.context["rows"]} == {tyler, ruby}


def test_a_colleague_from_another_agency_cannot_be_chosen(client):
    practitioner = factories.user(role="practitioner")
    outsider = factories.user(role="practitioner")
    contact = factories.contact()
    client.force_login(practitioner)

    response = client.post(f"/front-door/contacts/{contact.pk}/assign",
                           {"version": contact.version, "assignee": str(outsider.pk)})

    assert response.status_code == 400
    assert "Select a Front Door practitioner or manager from your team" in response.content.decode()
    contact.refresh_from_db()
    assert contact.assigned_to is None


def test_a_referrer_cannot_assign_a_contact(client):
    teacher = factories.user()
    contact = factories.contact(submitted_by=teacher)
    client.force_login(teacher)

    response = client.post(f"/front-door/contacts/{contact.pk}/assign", {"version": contact.version, "assignee": "me"})

    assert response.status_code in (403, 404)
    contact.refresh_from_db()
    assert contact.assigned_to is None


def test_a_status_not_in_the_list_gets_a_plain_message(client):
    client.force_login(factories.user(role="practitioner"))

    response = client.get("/front-door/queue", {"status": "bogus"})

    assert "Select a status from the list" in response.content.decode()
