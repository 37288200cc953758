"""A MARAC referral from any agency's professional, waiting until the coordinator lists it at a meeting."""
from datetime import date

import pytest
from django.test import Client

from frontdoor.governance.models import AccessLogEntry
from frontdoor.marac.models import AgencyReferral, MaracCase, MaracMeeting
from frontdoor.messaging.models import OutboxMessage
from tests import factories

pytestmark = pytest.mark.django_db

REFERRAL = {"victim_given_name": "Dawn", "victim_family_name": "Hartley", "victim_date_of_birth_0": "14",
            "victim_date_of_birth_1": "3", "victim_date_of_birth_2": "1990", "criterion": "visible_high_risk",
            "dash_yes_count": "16", "risks": "Strangled last week; he has a new address near her", "lawful_basis": "consent",
            "children": "Ruby, 9"}


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def housing_officer():
    return factories.user(agency_=factories.agency(kind="housing", name="Fictional Homes"), first="Pat", last="Jones")


def test_a_housing_officer_refers_and_the_coordinator_is_told(housing_officer, settings):
    client = _client(housing_officer)
    assert "Refer to the MARAC" in client.get("/marac/refer").content.decode()
    response = client.post("/marac/refer", REFERRAL)
    assert response.url == "/marac/my-referrals"
    referral = AgencyReferral.objects.get()
    assert (referral.agency.name, referral.dash_yes_count, referral.lawful_basis) == ("Fictional Homes", 16, "consent")
    message = OutboxMessage.objects.get(kind="marac_referral")
    assert message.to_address == settings.FRONTDOOR_MARAC_EMAIL and "Dawn Hartley, born 14/03/1990" in message.body
    assert "Hartley" not in message.subject
    page = client.get("/marac/my-referrals").content.decode()
    assert "Dawn Hartley" in page and "Waiting to be listed at a meeting" in page
    assert AccessLogEntry.objects.filter(user=housing_officer, target_id=str(referral.pk),
                                         reason="Referrer's MARAC referrals").exists()


@pytest.mark.parametrize("change, message", [
    ({"victim_given_name": ""}, "Enter the victim&#x27;s given name"),
    ({"criterion": ""}, "Select why the victim meets the MARAC criteria"),
    ({"lawful_basis": ""}, "Select the lawful basis for sharing the referral"),
    ({"risks": ""}, "Enter what you are worried about"),
    ({"dash_yes_count": "25"}, "must be between 0 and 24"),
    ({"dash_yes_count": "many"}, "Enter the number of &quot;yes&quot; answers as a whole number"),
    ({"dash_yes_count": "9"}, "Visible high risk needs 14 or more"),
    ({"victim_date_of_birth_2": "2990"}, "must be"),
])
def test_bad_referrals_are_refused_with_a_clear_message(housing_officer, change, message):
    page = _client(housing_officer).post("/marac/refer", {**REFERRAL, **change}).content.decode()
    assert "There is a problem" in page and message in page
    assert not AgencyReferral.objects.exists() and not OutboxMessage.objects.exists()


def test_professional_judgement_needs_no_dash_score(housing_officer):
    _client(housing_officer).post("/marac/refer", {**REFERRAL, "criterion": "professional_judgement",
                                                   "dash_yes_count": ""})
    assert AgencyReferral.objects.get().dash_yes_count is None


def test_the_coordinator_lists_a_waiting_referral_at_a_meeting(housing_officer):
    _client(housing_officer).post("/marac/refer", REFERRAL)
    referral = AgencyReferral.objects.get()
    victim = factories.person(given_name="Dawn", date_of_birth=date(1990, 3, 14))
    coordinator = factories.user(role="marac_coordinator")
    client = _client(coordinator)
    meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 10), created_by=coordinator)
    assert "Strangled last week" in client.get("/marac").content.decode()
    assert AccessLogEntry.objects.filter(user=coordinator, target_id=str(referral.pk),
                                         reason="MARAC referrals waiting").exists()
    assert "Add this referral" in client.get(f"/marac/meetings/{meeting.pk}/add-case").content.decode()
    search = {"step": "search", "referral": str(referral.pk), "family_name": "Hartley", "given_name": "Dawn",
              "date_of_birth_0": "14", "date_of_birth_1": "3", "date_of_birth_2": "1990"}
    page = client.post(f"/marac/meetings/{meeting.pk}/add-case", search).content.decode()
    assert "From Fictional Homes's referral" in page and "Dawn Hartley, born 14/03/1990" in page
    assert f'<option value="{referral.agency_id}" selected>' in page
    add = {**search, "step": "add", "victim": str(victim.pk), "children_for": str(victim.pk), "lawful_basis": "consent",
           "referring_agency": str(referral.agency_id)}
    response = client.post(f"/marac/meetings/{meeting.pk}/add-case", add)
    assert response.url == f"/marac/meetings/{meeting.pk}"
    case = MaracCase.objects.get()
    referral.refresh_from_db()
    assert referral.case == case and case.referring_agency.name == "Fictional Homes"
    assert "Strangled last week" not in client.get("/marac").content.decode()
    page = _client(housing_officer).get("/marac/my-referrals").content.decode()
    assert "Heard at the MARAC of 10 September 2026" in page


def test_a_referral_is_listed_only_once():
    from frontdoor.marac import services
    from frontdoor.marac.errors import MaracInvalid

    referrer = factories.user(agency_=factories.agency(kind="gp"))
    referral = services.agency_referral_submit(referrer=referrer, victim_given_name="Dawn", victim_family_name="Hartley",
                                               criterion="professional_judgement", risks="Threats to kill",
                                               lawful_basis="safeguarding")
    coordinator = factories.user(role="marac_coordinator")
    first = services.meeting_schedule(user=coordinator, held_on=date(2026, 9, 10))
    second = services.meeting_schedule(user=coordinator, held_on=date(2026, 9, 24))
    victim = factories.person(given_name="Dawn")
    services.case_add(user=coordinator, meeting=first, victim=victim, referring_agency=referral.agency,
                      lawful_basis="safeguarding", referral=referral)
    with pytest.raises(MaracInvalid, match="already on a meeting's list"):
        services.case_add(user=coordinator, meeting=second, victim=victim, referring_agency=referral.agency,
                          lawful_basis="safeguarding", referral=referral)
    assert MaracCase.objects.count() == 1


def test_a_referral_listed_by_a_colleague_after_the_page_opened_is_not_heard_again_unlinked(housing_officer):
    _client(housing_officer).post("/marac/refer", REFERRAL)
    referral = AgencyReferral.objects.get()
    victim = factories.person(given_name="Dawn", date_of_birth=date(1990, 3, 14))
    coordinator = factories.user(role="marac_coordinator")
    meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 10), created_by=coordinator)
    add = {"step": "add", "referral": str(referral.pk), "family_name": "Hartley", "given_name": "Dawn",
           "victim": str(victim.pk), "children_for": str(victim.pk), "lawful_basis": "consent",
           "referring_agency": str(referral.agency_id)}
    _client(coordinator).post(f"/marac/meetings/{meeting.pk}/add-case", add)
    other_meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 24), created_by=coordinator)

    page = _client(factories.user(role="marac_coordinator")).post(
        f"/marac/meetings/{other_meeting.pk}/add-case", add).content.decode()

    assert "This referral has already been listed at a meeting" in page
    assert MaracCase.objects.count() == 1


@pytest.mark.parametrize("role", ["practitioner", "marac_coordinator", "social_worker", "triage_member"])
def test_only_referrers_refer(role):
    client = _client(factories.user(role=role))
    assert client.get("/marac/refer").status_code == 404
    assert client.get("/marac/my-referrals").status_code == 404


def test_a_referrer_sees_only_their_own_referrals_and_not_the_meetings(housing_officer):
    _client(housing_officer).post("/marac/refer", REFERRAL)
    other = _client(factories.user(agency_=factories.agency(kind="police")))
    assert "Dawn Hartley" not in other.get("/marac/my-referrals").content.decode()
    assert other.get("/marac").status_code == 404


def test_the_triage_meetings_referrals_wait_until_the_victim_is_heard_at_a_meeting_since():
    from datetime import timedelta

    from django.utils import timezone

    from frontdoor.marac import services
    from frontdoor.triage.models import MaracReferral
    from tests.triage import factories_triage as triage

    victim = factories.person(given_name="Dawn", date_of_birth=date(1990, 3, 14))
    notification = triage.police_notification(reference="WMP-MARAC1", victim=victim)
    MaracReferral.objects.create(notification=notification, victim=victim, criteria={}, dash_yes_count=15,
                                 idva_referred_at=timezone.now(), victim_consented=True,
                                 created_by=factories.user(role="triage_member"))
    coordinator = factories.user(role="marac_coordinator")
    client = _client(coordinator)
    earlier = services.meeting_schedule(user=coordinator, held_on=timezone.localdate() - timedelta(days=30))
    services.case_add(user=coordinator, meeting=earlier, victim=victim, referring_agency=factories.agency(kind="police"),
                      lawful_basis="crime_disorder")
    page = client.get("/marac").content.decode()
    assert "Referred by the daily triage meeting" in page and "West Mercia Police WMP-MARAC1" in page
    assert AccessLogEntry.objects.filter(user=coordinator, target_id=str(victim.pk),
                                         reason="MARAC referrals waiting").exists()
    meeting = services.meeting_schedule(user=coordinator, held_on=timezone.localdate())
    page = client.get(f"/marac/meetings/{meeting.pk}/add-case").content.decode()
    assert 'name="family_name" value="Hartley"' in page and 'name="date_of_birth_2" value="1990"' in page
    services.case_add(user=coordinator, meeting=meeting, victim=victim, referring_agency=factories.agency(kind="police"),
                      lawful_basis="crime_disorder")
    assert "WMP-MARAC1" not in client.get("/marac").content.decode()
