"""MARAC and IDVA referrals together from the Dash checklist, call-outs from our records, repeats flagged."""
from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.triage import marac
from frontdoor.triage.errors import NotificationConflict
from frontdoor.triage.models import MaracReferral
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db


@pytest.fixture
def isco():
    return factories.user(role="isco")


@pytest.fixture
def victim():
    return ft.adult()


def _answers(yes: int) -> dict[str, bool]:
    return {f"q{n}": n <= yes for n in range(1, 25)}


def _refer(user, notification, *, yes=0, judgement=False, consented=True, basis=""):
    return marac.marac_referral_make(user=user, notification=notification, answers=_answers(yes),
                                     professional_judgement=judgement, victim_consented=consented, lawful_basis=basis)


def test_the_checklist_has_the_24_dash_questions():
    questions = marac.dash_questions()
    assert len(questions) == 24 and questions[0].text == "Has the current incident resulted in injury?"


def test_fourteen_yes_answers_make_marac_and_idva_referrals_together(isco, victim):
    notification = ft.police_notification(victim=victim)
    assessment, referral = _refer(isco, notification, yes=14)
    assert assessment.criteria["criteria_met"] == ["visible_high_risk"]
    assert (referral.notification, referral.victim, referral.dash_yes_count) == (notification, victim, 14)
    assert referral.idva_referred_at is not None and referral.created_by == isco and not referral.is_repeat
    assert referral.criteria["answers"]["q14"] is True


def test_thirteen_yes_answers_without_judgement_or_escalation_refer_nobody(isco, victim):
    assessment, referral = _refer(isco, ft.police_notification(victim=victim), yes=13)
    assert referral is None and not assessment.referral_due
    assert not MaracReferral.objects.exists()


def test_professional_judgement_refers_whatever_the_count(isco, victim):
    _, referral = _refer(isco, ft.police_notification(victim=victim), yes=2, judgement=True)
    assert referral.criteria["criteria_met"] == ["professional_judgement"]


def test_three_police_callouts_for_the_victim_in_12_months_is_potential_escalation(isco, victim):
    now = timezone.now()
    ft.police_notification(victim=victim, occurred_at=now - timedelta(days=500))  # outside 12 months
    ft.police_notification(victim=victim, occurred_at=now - timedelta(days=200))
    ft.police_notification(victim=ft.adult("Other"), occurred_at=now - timedelta(days=100))  # another victim
    two_callouts = ft.police_notification(victim=victim, occurred_at=now - timedelta(days=50))
    assert marac.police_callouts_12m(notification=two_callouts) == 2
    _, referral = _refer(isco, two_callouts)
    assert referral is None

    third = ft.police_notification(victim=victim, occurred_at=now)
    assert marac.police_callouts_12m(notification=third) == 3
    _, referral = _refer(isco, third)
    assert referral.criteria["criteria_met"] == ["potential_escalation"] and referral.criteria["callouts_12m"] == 3


def test_a_further_referral_within_12_months_is_a_repeat_and_refers_whatever_the_threshold(isco, victim):
    _refer(isco, ft.police_notification(victim=victim), yes=14)
    later = ft.police_notification(victim=victim, occurred_at=timezone.now() + timedelta(days=30))
    assessment, referral = _refer(isco, later, yes=1)
    assert assessment.is_repeat and "repeat" in assessment.criteria["criteria_met"]
    assert referral.is_repeat


def test_a_referral_more_than_12_months_ago_is_not_a_repeat(isco, victim):
    _, first = _refer(isco, ft.police_notification(victim=victim), yes=14)
    MaracReferral.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=400))
    _, referral = _refer(isco, ft.police_notification(victim=victim), yes=14)
    assert not referral.is_repeat


def test_an_incident_is_referred_once(isco, victim):
    notification = ft.police_notification(victim=victim)
    _refer(isco, notification, yes=14)
    with pytest.raises(NotificationConflict, match="already made"):
        _refer(isco, notification, yes=14)


def test_marac_page_refers_on_judgement_and_shows_the_referral(client, isco, victim):
    notification = ft.police_notification(victim=victim)
    client.force_login(isco)
    url = f"/triage/notifications/{notification.pk}/marac"
    form = client.get(url).content.decode()
    assert "24. Do you know if the abuser has ever been in trouble with the police" in form
    assert "(……)" not in form
    response = client.post(url, {"yes_answers": ["q1", "q2"], "professional_judgement": "yes", "victim_consented": "yes"}, follow=True)
    page = response.content.decode()
    assert "MARAC and IDVA referrals made" in page and "2 questions answered yes" in page
    assert MaracReferral.objects.filter(notification=notification).count() == 1


def test_marac_page_says_why_no_referral_was_made(client, isco, victim):
    notification = ft.police_notification(victim=victim)
    client.force_login(isco)
    page = client.post(f"/triage/notifications/{notification.pk}/marac",
                       {"yes_answers": ["q1"], "professional_judgement": "no", "victim_consented": "yes"}).content.decode()
    assert "No MARAC criterion is met" in page and not MaracReferral.objects.exists()


def test_marac_page_asks_for_professional_judgement_in_plain_words(client, isco, victim):
    notification = ft.police_notification(victim=victim)
    client.force_login(isco)
    page = client.post(f"/triage/notifications/{notification.pk}/marac", {"yes_answers": ["q1"]}).content.decode()
    assert page.count("govuk-error-summary__title") == 1
    assert "Select yes if you have serious concerns about the victim&#x27;s situation" in page


def test_the_referral_reaches_the_marac_coordinator_and_the_idva_service(isco, victim, settings):
    from frontdoor.messaging.models import OutboxMessage

    settings.FRONTDOOR_MARAC_EMAIL, settings.FRONTDOOR_IDVA_EMAIL = "marac@la.example", "idva@charity.example"
    notification = ft.police_notification(victim=victim)
    _refer(isco, notification, yes=15)

    sent = {m.kind: m for m in OutboxMessage.objects.all()}
    assert sent["marac_referral"].to_address == "marac@la.example"
    assert sent["idva_referral"].to_address == "idva@charity.example"
    body = sent["idva_referral"].body
    assert "Dawn Hartley" in body and notification.police_reference in body and "15 of 24" in body
    assert "visible high risk" in body


def test_the_checklist_reads_with_the_perpetrators_name_where_a_question_names_him(isco, victim):
    notification = ft.police_notification(victim=victim, perpetrator=ft.adult("Mark", "Stone"))
    texts = dict(marac.dash_question_texts(notification=notification))
    assert texts["q1"] == "Has the current incident resulted in injury?"
    assert texts["q14"] == "Has Mark Stone ever threatened to kill you or someone else and you believed them?"
    assert not any("(……)" in text for text in texts.values())
    assert sum("Mark Stone" in text for text in texts.values()) == 15


def test_without_a_matched_person_the_checklist_uses_the_name_the_police_sent_else_the_abuser(isco, victim):
    sent = ft.police_notification(victim=victim, payload={"perpetrator": {"given_name": "Sam", "family_name": "Bloggs"}})
    assert dict(marac.dash_question_texts(notification=sent))["q24"] == (
        "Do you know if Sam Bloggs has ever been in trouble with the police or has a criminal history?")
    unnamed = ft.police_notification(victim=victim)
    assert dict(marac.dash_question_texts(notification=unnamed))["q6"] == (
        "Have you separated or tried to separate from the abuser within the past year?")


def test_marac_page_names_the_perpetrator_in_the_questions(client, isco, victim):
    notification = ft.police_notification(victim=victim, perpetrator=ft.adult("Mark", "Stone"))
    client.force_login(isco)
    form = client.get(f"/triage/notifications/{notification.pk}/marac").content.decode()
    assert "14. Has Mark Stone ever threatened to kill you or someone else and you believed them?" in form
    assert "(……)" not in form


def test_a_referral_without_the_victims_consent_needs_and_records_its_lawful_basis(isco, victim, settings):
    from frontdoor.messaging.models import OutboxMessage
    from frontdoor.triage.errors import NotificationInvalid

    notification = ft.police_notification(victim=victim)
    with pytest.raises(NotificationInvalid, match="Enter the lawful basis"):
        _refer(isco, notification, yes=14, consented=False)

    _, referral = _refer(isco, notification, yes=14, consented=False, basis="Risk to the victim's life")

    assert (referral.victim_consented, referral.lawful_basis) == (False, "Risk to the victim's life")
    for message in OutboxMessage.objects.filter(kind__in=["marac_referral", "idva_referral"]):
        assert "Made without the victim's consent. Lawful basis: Risk to the victim's life" in message.body


def test_the_marac_page_asks_for_the_basis_and_shows_it_with_the_referral(client, isco, victim):
    notification = ft.police_notification(victim=victim)
    client.force_login(isco)
    url = f"/triage/notifications/{notification.pk}/marac"
    answers = {"yes_answers": ["q1"], "professional_judgement": "yes", "victim_consented": "no"}

    refused = client.post(url, answers).content.decode()
    assert "Enter the lawful basis for referring without the victim&#x27;s consent" in refused
    assert not MaracReferral.objects.exists()

    page = client.post(url, {**answers, "lawful_basis": "Risk to the children's safety"}, follow=True).content.decode()
    assert "Lawful basis: Risk to the children&#x27;s safety" in page


def test_figures_count_referrals_repeats_and_under_18_victims_and_perpetrators(isco, victim, client):
    teenager = factories.person(given_name="Kai", date_of_birth=timezone.localdate() - timedelta(days=16 * 365))
    _refer(isco, ft.police_notification(victim=victim, perpetrator=teenager), yes=14)
    _refer(isco, ft.police_notification(victim=victim), judgement=True)
    _refer(isco, ft.police_notification(victim=teenager), judgement=True)
    figures = marac.marac_referral_figures(since=timezone.now() - timedelta(days=1))
    assert figures == {"referrals": 3, "repeats": 1, "victims_under_18": 1, "perpetrators_under_18": 1}
    assert marac.marac_referral_figures(since=timezone.now())["referrals"] == 0
    client.force_login(isco)
    page = client.get("/figures/domestic-abuse").content.decode()
    assert "Victims under 18" in page and "MARAC referrals made since" in page
