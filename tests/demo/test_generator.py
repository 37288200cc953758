import hashlib
import re
from collections import Counter
from datetime import date, datetime, time

import pytest

from frontdoor.decisions.outcomes import levels_of_need, outcome_codes_for
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.db import transaction
from django.utils import timezone
from nhs_number import is_valid

from frontdoor.agencies.models import Agency, Membership
from frontdoor.casework.models import Case, ChildProtectionPlan, InitialChildProtectionConference, Section47Enquiry
from frontdoor.decisions.models import Decision
from frontdoor.demo.generator import DEMO_LOGINS, DEMO_PASSWORD, DatabaseNotEmpty, load_demo_data
from frontdoor.intake.models import Contact, ContactChild
from frontdoor.people.models import Person, Relationship, Residence
from frontdoor.triage.models import OutcomeVersion, SchoolNotificationUpdate

TODAY = date(2026, 3, 11)
SMALL = 0.05


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """The production hasher is slow on purpose; these tests load the demo logins many times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def summary(db):
    return load_demo_data(seed=2026, today=TODAY, scale=SMALL)


def _digest() -> str:
    rows = [
        *sorted(Agency.objects.values_list("name", "urn", "ods_code", "postcode")),
        *sorted(Person.objects.values_list("kind", "given_name", "family_name", "date_of_birth", "nhs_number")),
        *sorted(Contact.objects.values_list("reference", "received_at", "referrer_name", "concern_now", "status")),
        *sorted(Decision.objects.values_list("contact__reference", "level", "outcome_codes", "decided_at")),
        *sorted(OutcomeVersion.objects.values_list("outcome__notification__police_reference", "final_grade", "reason")),
        *sorted(SchoolNotificationUpdate.objects.values_list(
            "school_notification__notification__police_reference", "school_notification__school__name",
            "grade_before", "grade", "actions_changed")),
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _load_and_digest(seed: int) -> str:
    with transaction.atomic():
        load_demo_data(seed=seed, today=TODAY, scale=SMALL)
        digest = _digest()
        transaction.set_rollback(True)  # leave the database empty for the next load
    return digest


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_area_and_another_seed_a_different_one():
    first = _load_and_digest(seed=11)
    assert _load_and_digest(seed=11) == first
    assert _load_and_digest(seed=12) != first


def test_counts_are_plausible_for_the_scale(summary):
    counts = summary.counts
    assert counts["households"] == 90
    assert 150 <= counts["children"] <= 260
    assert 100 <= counts["adults"] <= 200
    assert counts["contacts"] == 75
    assert counts["schools"] == 8
    assert Agency.objects.filter(kind=Agency.Kind.GP).count() == 3
    for kind in ("police", "health_trust", "probation", "housing", "camhs", "local_authority"):
        assert Agency.objects.filter(kind=kind).count() == 1, kind
    assert Agency.objects.filter(kind=Agency.Kind.VOLUNTARY).count() == 3
    assert counts["open_cases"] > 0 and counts["cases"] > counts["open_cases"]


def test_the_summary_lists_the_demo_logins(summary):
    assert summary.logins == DEMO_LOGINS
    assert {login["email"] for login in DEMO_LOGINS} >= {"practitioner@demo.test", "manager@demo.test",
                                                         "teacher@demo.test", "teacher2@demo.test"}
    assert "contacts" in str(summary)


def test_every_nhs_number_is_valid_and_unique(summary):
    numbers = [n for n in Person.objects.values_list("nhs_number", flat=True) if n]
    assert numbers and all(is_valid(n) for n in numbers)
    assert len(numbers) == len(set(numbers))
    typed = [n for n in ContactChild.objects.values_list("nhs_number", flat=True) if n]
    assert all(is_valid(n) for n in typed)


def test_about_one_person_in_ten_of_the_area_has_no_nhs_number(db):
    load_demo_data(seed=2026, today=TODAY, scale=0.25)
    # People the police notifications added (no NHS number in a police record) live in no household.
    born = Person.objects.exclude(kind=Person.Kind.UNBORN).filter(households__isnull=False)
    assert 0.05 < born.filter(nhs_number="").count() / born.count() < 0.15


def test_school_urns_are_unique_six_digit_numbers(summary):
    urns = list(Agency.objects.filter(kind=Agency.Kind.SCHOOL).values_list("urn", flat=True))
    assert all(re.fullmatch(r"1\d{5}", urn) for urn in urns)
    assert len(urns) == len(set(urns))
    assert all(re.fullmatch(r"M8\d{4}", code)
               for code in Agency.objects.filter(kind=Agency.Kind.GP).values_list("ods_code", flat=True))


def test_addresses_use_the_fictional_postcode_area(summary):
    for postcode in Agency.objects.values_list("postcode", flat=True):
        assert re.fullmatch(r"FD[1-9] [1-9][A-Z]{2}", postcode)


def test_children_are_under_18_and_unborn_babies_have_only_a_due_date(summary):
    for child in Person.objects.filter(kind=Person.Kind.CHILD):
        assert date(TODAY.year - 18, TODAY.month, TODAY.day) < child.date_of_birth <= TODAY
    for unborn in Person.objects.filter(kind=Person.Kind.UNBORN):
        assert unborn.date_of_birth is None and unborn.nhs_number == ""
        assert TODAY < unborn.expected_date <= date(2026, 9, 30)


def test_every_contact_names_at_least_one_child(summary):
    assert not Contact.objects.filter(children__isnull=True).exists()


def test_contacts_span_ninety_days_before_today_with_a_one_working_day_clock(summary):
    start_of_today = timezone.make_aware(datetime.combine(TODAY, time.min))
    for contact in Contact.objects.all():
        assert (start_of_today - contact.received_at).days < 90
        assert contact.received_at < start_of_today
        assert contact.received_at < contact.decision_due_at
        assert contact.decision_due_at.weekday() < 5
        assert contact.is_urgent == any(contact.immediate_answers.values())


def test_every_authorised_contact_has_an_authorised_decision_with_valid_outcome_codes(summary):
    for contact in Contact.objects.filter(status=Contact.Status.AUTHORISED).select_related("decision"):
        decision = contact.decision
        assert decision.status == Decision.Status.AUTHORISED
        assert decision.tool_id == "levels_of_need" and decision.tool_version == "1"
        assert decision.outcome_codes and set(decision.outcome_codes) <= outcome_codes_for(levels_of_need(), decision.level)
        assert decision.rationale and decision.social_worker_name
        assert decision.decided_by.membership.role == Membership.Role.PRACTITIONER
        assert decision.authorised_by.membership.role == Membership.Role.MANAGER
        assert contact.received_at < decision.decided_at < decision.authorised_at


def test_the_newest_contacts_are_still_waiting_for_a_decision(summary):
    statuses = Counter(Contact.objects.values_list("status", flat=True))
    assert statuses[Contact.Status.AWAITING_AUTHORISATION] == 5
    assert statuses[Contact.Status.RETURNED] == 2
    assert statuses[Contact.Status.NEW] + statuses[Contact.Status.IN_PROGRESS] >= 3
    newest_decided = Contact.objects.filter(status=Contact.Status.AUTHORISED).latest("received_at").received_at
    undecided = Contact.objects.filter(status__in=[Contact.Status.NEW, Contact.Status.IN_PROGRESS])
    assert all(c.received_at > newest_decided for c in undecided)
    assert not Decision.objects.filter(contact__in=undecided).exists()
    assert Decision.objects.filter(status=Decision.Status.RETURNED).exclude(return_reason="").count() == 2
    assert Contact.objects.latest("received_at").is_urgent, "the urgent queue has something in it"


@pytest.mark.parametrize("login", DEMO_LOGINS, ids=lambda login: login["email"])
def test_each_demo_user_can_sign_in_with_the_demo_password(summary, login):
    user = authenticate(RequestFactory().post("/sign-in"), username=login["email"], password=DEMO_PASSWORD)
    assert user is not None
    assert user.get_full_name() == login["name"]
    assert user.membership.agency.name == login["agency"]
    assert user.membership.get_role_display() == login["role"]
    assert user.is_staff == (user.membership.role == Membership.Role.ADMINISTRATOR)


def test_the_two_teachers_each_have_decided_contacts_about_their_own_pupils(summary):
    for email in ("teacher@demo.test", "teacher2@demo.test"):
        contacts = Contact.objects.filter(submitted_by__username=email)
        assert contacts.filter(status=Contact.Status.AUTHORISED).count() >= 2
        school = Agency.objects.get(memberships__user__username=email)
        assert set(contacts.values_list("referrer_agency", flat=True)) == {school.pk}
        assert ContactChild.objects.filter(contact__in=contacts, person__school=school).exists()


def test_the_population_has_the_hazards_a_person_index_meets(db):
    load_demo_data(seed=2026, today=TODAY, scale=0.25)
    siblings = Relationship.objects.filter(kind=Relationship.Kind.SIBLING).select_related("person", "relative")
    assert any(r.person.date_of_birth == r.relative.date_of_birth for r in siblings), "twins"
    parents = Relationship.objects.filter(kind=Relationship.Kind.PARENT).select_related("person", "relative")
    assert any(r.person.full_name == r.relative.full_name for r in parents), "a junior with his father's name"
    assert Relationship.objects.filter(kind=Relationship.Kind.STEP_PARENT).exists()
    assert Residence.objects.filter(to_date__isnull=False).exists(), "people who moved"
    assert Person.objects.filter(kind=Person.Kind.UNBORN).exists()
    full_names = Counter(Person.objects.filter(kind=Person.Kind.CHILD).values_list("given_name", "family_name"))
    assert full_names.most_common(1)[0][1] >= 2, "the same name in different families"
    assert ContactChild.objects.filter(person__isnull=True).exists(), "children the referrer misspelt"


def test_cases_are_for_children(summary):
    assert not Case.objects.exclude(person__kind=Person.Kind.CHILD).exists()
    for case in Case.objects.exclude(closed_on=None):
        assert case.opened_on <= case.closed_on < TODAY


def test_it_refuses_a_database_that_already_has_agencies(db):
    Agency.objects.create(name="Existing", kind=Agency.Kind.POLICE)
    with pytest.raises(DatabaseNotEmpty, match="already has agencies"):
        load_demo_data(seed=1, today=TODAY, scale=SMALL)
    assert Agency.objects.count() == 1


def test_police_notifications_come_with_two_weeks_of_triage_behind_them(summary):
    from django.contrib.auth import get_user_model
    from frontdoor.triage.meetings import meeting_agenda, meeting_for_day
    from frontdoor.triage.models import MeetingOutcome, PoliceNotification, SchoolNotification, TriageAction
    manager = get_user_model().objects.get(username="manager@demo.test")

    assert summary.counts["police_notifications"] >= 14 and summary.counts["quarantined_rows"] >= 1
    assert MeetingOutcome.objects.filter(meeting__date__lt=TODAY).exists()
    assert TriageAction.objects.filter(owner_agency__kind="school").exists()
    assert SchoolNotification.objects.exists()
    waiting = PoliceNotification.objects.filter(outcome__isnull=True, suggested_grade__in=["medium", "high"])
    assert set(meeting_agenda(user=manager, meeting=meeting_for_day(TODAY))) <= set(waiting)


def test_a_few_outcomes_were_corrected_and_the_demo_dsl_has_an_update_to_acknowledge(summary, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from frontdoor.demo.area import DEMO_PRIMARY
    from frontdoor.triage.models import MeetingOutcome
    from frontdoor.triage.schools import incident_actions

    assert summary.counts["corrected_outcomes"] >= 2 and summary.counts["school_notification_updates"] >= 1
    # Each correction kept the earlier version, with who corrected it and why.
    for outcome in MeetingOutcome.objects.filter(earlier_versions__isnull=False).distinct():
        earlier = outcome.earlier_versions.get()
        assert outcome.version == earlier.version + 1 == 2
        assert earlier.reason and earlier.actions
        assert earlier.corrected_by.membership.role == Membership.Role.TRIAGE_MEMBER
        actions_now = [{"description": a.description, "owner": a.owner_agency.name, "due_date": a.due_date.isoformat(),
                        "completed_at": a.completed_at.isoformat() if a.completed_at else None}
                       for a in incident_actions(notification=outcome.notification)]
        assert (earlier.final_grade, earlier.actions) != (outcome.final_grade, actions_now)

    school = Agency.objects.get(memberships__user__username="teacher@demo.test")
    assert school.name == DEMO_PRIMARY
    waiting = SchoolNotificationUpdate.objects.filter(school_notification__school=school, acknowledged_at__isnull=True)
    assert waiting.exists()
    update = waiting.select_related("school_notification__notification__outcome").first()
    assert update.school_notification.notification.outcome.earlier_versions.exists()
    assert update.grade_changed or update.actions_changed

    # teacher@demo.test sees it on their list and on the notification's page; isco@demo.test sees it waiting.
    client.force_login(get_user_model().objects.get(username="teacher@demo.test"))
    listing = client.get(reverse("triage:school_notifications")).content.decode()
    assert "Updated" in listing and str(update.school_notification.pk) in listing
    page = client.get(reverse("triage:school_notification", args=[update.school_notification.pk])).content.decode()
    assert "Acknowledge the update" in page
    client.force_login(get_user_model().objects.get(username="isco@demo.test"))
    monitoring = client.get(reverse("triage:schools_monitoring"))
    row = next(row for row in monitoring.context["report"].schools_awaiting if row["school_id"] == school.pk)
    assert row["updates"] >= 1


def test_the_demo_social_worker_has_children_along_the_child_protection_path(summary, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    worker = get_user_model().objects.get(username="socialworker@demo.test")
    enquiries = Section47Enquiry.objects.filter(episode__allocated_to=worker)
    assert enquiries.filter(outcome=Section47Enquiry.Outcome.NOT_AT_CONTINUING_RISK).exists()
    overdue = InitialChildProtectionConference.objects.filter(held_on__isnull=True, due_on__lt=TODAY)
    assert overdue.exists(), "an initial conference not held in time"
    open_plans = ChildProtectionPlan.objects.filter(ended_on__isnull=True)
    assert open_plans.filter(reviews__held_on__isnull=True, reviews__due_on__gte=TODAY).exists(), "a review due"
    assert ChildProtectionPlan.objects.filter(ended_on__isnull=False, end_reason="step_down_cin").exists()
    for plan in ChildProtectionPlan.objects.all():
        assert plan.started_on == plan.initial_conference.held_on and plan.initial_conference.chair is not None
        assert plan.key_worker == worker and plan.areas_of_concern and plan.actions.exists()
    assert ChildProtectionPlan.objects.filter(core_groups__isnull=False, visits__isnull=False).exists()

    client.force_login(get_user_model().objects.get(username="chair@demo.test"))
    assert "Initial child protection conference by" in client.get(reverse("casework:conferences")).content.decode()


def test_the_demo_early_help_lead_has_families_with_the_next_thing_due_and_offers_waiting(summary, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from frontdoor.casework.models import EarlyHelpOffer

    lead = get_user_model().objects.get(username="earlyhelp@demo.test")
    assert EarlyHelpOffer.objects.filter(lead_professional=lead, status="accepted").count() >= 3
    assert EarlyHelpOffer.objects.filter(lead_professional__isnull=True, status="offered").exists()
    client.force_login(lead)
    page = client.get(reverse("casework:my_families")).content.decode()
    assert "Early help assessment by" in page and "Offers waiting for a lead professional" in page


def test_the_demo_has_missing_episodes_with_a_repeat_missing_child(summary):
    from frontdoor.missing.models import MissingEpisode, ReturnInterview
    from frontdoor.missing.selectors import repeat_missing_child_ids

    assert MissingEpisode.objects.count() >= 5
    assert ReturnInterview.objects.exists()
    from datetime import datetime, time

    from django.utils import timezone
    assert len(repeat_missing_child_ids(now=timezone.make_aware(datetime.combine(TODAY, time(23, 0))))) == 1


def test_the_demo_has_lado_referrals_one_historical_and_one_with_an_outcome(summary):
    from django.contrib.auth import get_user_model

    from frontdoor.lado.models import LadoReferral

    assert LadoReferral.objects.count() == 5
    assert LadoReferral.objects.filter(historical=True).count() == 1
    assert LadoReferral.objects.exclude(outcome="").count() == 2
    assert LadoReferral.objects.filter(children__isnull=False).count() == 1  # its child's chronology is the LADO's
    assert get_user_model().objects.get(username="lado@demo.test").membership.role == "lado"


def test_the_demo_has_private_fostering_arrangements_one_ended(summary):
    from frontdoor.fostering.models import Arrangement

    assert Arrangement.objects.count() == 5
    assert Arrangement.objects.filter(ended_on__isnull=False).count() == 1
    assert Arrangement.objects.filter(assessment="suitable").count() == 3
    assert Arrangement.objects.filter(child__isnull=False).count() == 1  # on the child's person page


def test_the_demo_has_the_education_list_late_interviews_escalated_and_escalations(summary):
    from frontdoor.escalations.models import Escalation
    from frontdoor.missing.models import EducationAbsence, LateInterviewEscalation

    assert EducationAbsence.objects.filter(kind="reduced_timetable").count() == 2
    assert EducationAbsence.objects.filter(kind="missing_education").count() == 1
    assert LateInterviewEscalation.objects.exists()
    assert Escalation.objects.filter(kind="disagreement").count() == 2
    assert Escalation.objects.get(kind="non_engagement").stages.count() == 2


def test_the_demo_built_today_has_a_risk_management_plan(db):
    from frontdoor.missing.models import RiskPlan

    load_demo_data(seed=2026, scale=SMALL)
    plan = RiskPlan.objects.get()
    assert plan.actions.count() == 2 and plan.actions.filter(done_on__isnull=False).count() == 1


def test_the_demo_has_a_child_on_a_plan_taken_into_police_protection(summary):
    from frontdoor.casework.models import Section47Enquiry

    protected = Section47Enquiry.objects.exclude(emergency_protection="")
    assert protected.count() >= 1 and protected.filter(episode__child_protection_plans__isnull=False).exists()


def test_the_demo_has_exploitation_screenings_one_sent_to_the_team(summary):
    from frontdoor.exploitation.models import CseScreening
    from frontdoor.messaging.models import OutboxMessage

    assert CseScreening.objects.count() == 3
    assert CseScreening.objects.filter(missing_episode__isnull=False).count() == 2
    assert OutboxMessage.objects.filter(kind="cse_referral").count() == 1


def test_the_coordinators_marac_has_a_repeat_case_shared_with_the_social_worker_and_a_case_from_the_gp(summary):
    from django.contrib.auth import get_user_model

    from frontdoor.marac.models import MaracCase
    from frontdoor.marac.selectors import marac_cases_shared_with, meetings_for, referrals_waiting_for

    users = get_user_model().objects
    assert len(meetings_for(user=users.get(username="marac@demo.test"))) == 2
    assert set(MaracCase.objects.values_list("created_by__username", flat=True)) == {"marac@demo.test"}
    assert MaracCase.objects.filter(is_repeat=True).count() == 1
    assert len(marac_cases_shared_with(user=users.get(username="socialworker@demo.test"))) == 2
    [from_the_gp] = marac_cases_shared_with(user=users.get(username="gp@demo.test"))
    assert from_the_gp.actions.get().owner_name == "Dr Omar Hussain" and from_the_gp.lawful_basis == "consent"
    assert from_the_gp.referral.referrer.username == "gp@demo.test"
    [waiting] = referrals_waiting_for(user=users.get(username="marac@demo.test"))
    assert waiting.referrer.username == "health@demo.test"
