"""The referrer's concern form as GOV.UK pages: specific messages, no formset machinery, every answer on
check-your-answers with its own change link, an urgent sent page without the one-day promise; the contact
page in words."""
import pytest
from django.test import Client

from frontdoor.agencies.models import Agency
from frontdoor.intake import coach
from tests import factories

pytestmark = pytest.mark.django_db

NO_URGENCY = {"immediate_1": "no", "immediate_2": "no", "immediate_3": "no", "welfare_concern": "yes",
              "early_help_advice": "no"}


def _referrer():
    user = factories.user(agency_=factories.agency(kind=Agency.Kind.SCHOOL, name="Oakfield Primary"))
    client = Client()
    client.force_login(user)
    return client


def _details(**changes):
    return {
        "referrer_name": "Chris Taylor", "referrer_role": "DSL", "referrer_phone": "01632 960001",
        "referrer_email": "chris@school.example",
        "child-TOTAL_FORMS": "1", "child-INITIAL_FORMS": "0",
        "child-0-given_name": "Ruby", "child-0-family_name": "Hartley", "child-0-postcode": "fd12ab",
        "child-0-date_of_birth_0": "14", "child-0-date_of_birth_1": "3", "child-0-date_of_birth_2": "2017",
        "child-0-school_name": "Oakfield Primary",
        "family-TOTAL_FORMS": "1", "family-INITIAL_FORMS": "0",
        "family-0-name": "Dawn Hartley", "family-0-relationship": "Mother",
        "concern_now": "This morning at 08:45 Ruby told her teacher that mum's boyfriend threw a plate last night.",
        "agency_actions": "Spoke to Ruby and gave her a key adult.", "consent": "not_sought",
        "consent_reason": "Asking would put Ruby at risk",
        "agency__education_how_came_to_attention": "Ruby told her class teacher",
        **changes,
    }


def test_an_unanswered_question_says_which_question_in_a_sentence():
    client = _referrer()
    page = client.post("/concern/start", {**NO_URGENCY, "immediate_1": ""}).content.decode()
    assert "Select yes if a child is in danger right now, or will be if nothing is done today" in page
    assert "Select yes if is a child" not in page


def test_a_post_without_the_formset_counts_gets_no_django_message():
    client = _referrer()
    client.post("/concern/start", NO_URGENCY)
    data = {k: v for k, v in _details().items() if "TOTAL_FORMS" not in k and "INITIAL_FORMS" not in k}
    response = client.post("/concern/details", data)
    assert response.status_code == 302 and response.url == "/concern/check"

    page = client.post("/concern/details", {k: v for k, v in data.items() if not k.startswith("child-")}).content.decode()
    assert "ManagementForm" not in page and "tampered" not in page
    assert "Add at least one child" in page


def test_check_your_answers_shows_every_answer_with_its_own_change_link():
    client = _referrer()
    client.post("/concern/start", NO_URGENCY)
    assert client.post("/concern/details", _details()).status_code == 302
    page = client.get("/concern/check").content.decode()

    assert "Dawn Hartley (Mother)" in page
    assert "How did this concern come to your attention" in page and "Ruby told her class teacher" in page
    assert "Consent not sought: Asking would put Ruby at risk" in page and "not_sought" not in page
    assert "FD1 2AB" in page and "Oakfield Primary" in page
    assert 'href="/concern/details#id_family-0-name"' in page
    assert 'href="/concern/details#id_agency__education_how_came_to_attention"' in page
    assert 'href="/concern/start#id_immediate_1"' in page
    assert 'href="/concern/details#id_consent"' in page
    assert page.count(">Change<") >= 20


def test_the_urgent_sent_page_does_not_promise_a_decision_within_one_working_day():
    client = _referrer()
    client.post("/concern/start", {**NO_URGENCY, "immediate_1": "yes"})
    client.post("/concern/details", _details())
    assert client.post("/concern/check").status_code == 302
    page = client.get("/concern/sent").content.decode()
    assert "within one working day" not in page and "urgent queue" in page


def test_the_ordinary_sent_page_keeps_the_one_working_day_promise():
    client = _referrer()
    client.post("/concern/start", NO_URGENCY)
    client.post("/concern/details", _details())
    client.post("/concern/check")
    assert "within one working day" in client.get("/concern/sent").content.decode()


@pytest.mark.parametrize(("changes", "message"), [
    ({"child-0-postcode": "FD1"}, "Enter a real UK postcode, like WR1 2AB"),
    ({"referrer_phone": "12345"}, "Enter a UK phone number, like 01632 960 001"),
])
def test_the_form_checks_a_postcode_and_a_phone_number(changes, message):
    client = _referrer()
    client.post("/concern/start", NO_URGENCY)
    response = client.post("/concern/details", _details(**changes))
    assert response.status_code == 200 and message in response.content.decode()


def test_coach_flags_are_named_in_words():
    assert coach.flag_label("delayed_referral") == "Delayed referral"
    assert coach.flag_label("something_new") == "Something new"


def test_the_contact_page_labels_agency_answers_with_their_questions():
    school = factories.agency(kind=Agency.Kind.SCHOOL, name="Oakfield Primary")
    contact = factories.contact(submitted_by=factories.user(agency_=school), agency_answers={
        "education_aware_at": "Monday 08:45", "education_support_offered": "Key adult"})
    factories.user(role="practitioner")
    client = Client()
    client.force_login(factories.user(role="practitioner"))
    page = client.get(f"/front-door/contacts/{contact.pk}").content.decode()
    assert "What time and date were you made aware of this concern (if a specific incident)" in page
    assert "education_aware_at" not in page
    assert "Delayedreferral" not in page and "Pastpresentunclear" not in page


def test_the_consent_question_carries_seed_004s_words_exactly():
    client = _referrer()
    client.post("/concern/start", NO_URGENCY)

    page = client.get("/concern/details").content.decode()

    assert ("<strong>except</strong> where to do so might place the child or another person at immediate risk of "
            "harm or prejudice the prevention or detection of crime.") in page
    assert ("Consent to make a referral will always be needed where a practitioner is requesting support of services "
            "on behalf of a child or family - this is regardless of whether they are seeking support from early help "
            "services or from Children&#x27;s Social Care for child in need [Children Act 1989, Section 17] "
            "services.") in page
