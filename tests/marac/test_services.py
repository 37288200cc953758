from datetime import date

import pytest

from frontdoor.marac import services
from frontdoor.marac.errors import MaracInvalid
from frontdoor.marac.selectors import marac_figures
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return factories.user(role="marac_coordinator")


def test_a_case_from_any_agency_is_heard_and_a_second_within_12_months_is_a_repeat(coordinator):
    housing = factories.agency(kind="housing", name="Fictional Homes")
    victim = factories.person(given_name="Dawn", date_of_birth=date(2009, 1, 1))
    first = services.meeting_schedule(user=coordinator, held_on=date(2026, 1, 10))
    second = services.meeting_schedule(user=coordinator, held_on=date(2026, 9, 10))
    assert not services.case_add(user=coordinator, meeting=first, victim=victim, referring_agency=housing,
                                    lawful_basis="safeguarding").is_repeat
    case = services.case_add(user=coordinator, meeting=second, victim=victim, referring_agency=housing,
                             lawful_basis="safeguarding", perpetrator_name="Lee", perpetrator_date_of_birth=date(2010, 5, 5))
    assert case.is_repeat
    services.attendance_record(meeting=second, agency=housing, attendee="Pat Jones")
    action = services.action_add(case=case, text="Refuge place", owner_agency=housing, owner_name="Pat Jones",
                                 due_on=date(2026, 9, 17))
    services.action_complete(action_id=action.pk, meeting=second, completed_on=date(2026, 9, 15))
    figures = marac_figures()
    assert (figures["cases"], figures["repeats"], figures["victims_under_18"], figures["perpetrators_under_18"]) == (2, 1, 2, 1)
    assert (figures["actions"], figures["actions_completed"]) == (1, 1)


def test_bad_input_is_refused(coordinator):
    agency = factories.agency()
    meeting = services.meeting_schedule(user=coordinator, held_on=date(2026, 9, 10))
    victim = factories.person()
    with pytest.raises(MaracInvalid, match="lawful basis"):
        services.case_add(user=coordinator, meeting=meeting, victim=victim, referring_agency=agency, lawful_basis="")
    case = services.case_add(user=coordinator, meeting=meeting, victim=victim, referring_agency=agency,
                             lawful_basis="consent")
    with pytest.raises(MaracInvalid, match="already on this meeting"):
        services.case_add(user=coordinator, meeting=meeting, victim=victim, referring_agency=agency,
                          lawful_basis="consent")
    with pytest.raises(MaracInvalid, match="on or after the meeting"):
        services.action_add(case=case, text="x", owner_agency=agency, owner_name="y", due_on=date(2026, 9, 9))
    with pytest.raises(MaracInvalid, match="Enter who attended"):
        services.attendance_record(meeting=meeting, agency=agency, attendee=" ")
    action = services.action_add(case=case, text="x", owner_agency=agency, owner_name="y", due_on=date(2026, 9, 20))
    services.action_complete(action_id=action.pk, meeting=meeting, completed_on=date(2026, 9, 11))
    with pytest.raises(MaracInvalid, match="already completed"):
        services.action_complete(action_id=action.pk, meeting=meeting, completed_on=date(2026, 9, 12))


def test_the_case_and_its_actions_reach_the_childs_social_worker_school_dsl_and_referring_health_agency_only(
        coordinator):
    from frontdoor.casework.models import Episode
    from frontdoor.marac.selectors import household_children, marac_cases_shared_with, meeting_get_for
    from frontdoor.people.models import Person, Relationship
    from frontdoor.governance.models import AccessLogEntry

    school = factories.agency(name="Oakfield Primary")
    practice = factories.agency(kind="gp", name="Orchard Surgery")
    mum = Person.objects.create(kind=Person.Kind.ADULT, given_name="Dawn", family_name="Hartley")
    ruby = factories.person()
    ruby.school = school
    ruby.save()
    Relationship.objects.create(person=mum, relative=ruby, kind=Relationship.Kind.PARENT)
    assert household_children(victim=mum) == [ruby]
    social_worker = factories.user(role="social_worker")
    Episode.objects.create(person=ruby, referral_date=date(2026, 9, 1), source="1A", allocated_to=social_worker)
    earlier_worker = factories.user(role="social_worker")
    Episode.objects.create(person=ruby, referral_date=date(2025, 1, 1), source="1A", allocated_to=earlier_worker,
                           closed_on=date(2025, 6, 1), closure_reason="RC8")
    meeting = services.meeting_schedule(user=coordinator, held_on=date(2026, 9, 10))
    case = services.case_add(user=coordinator, meeting=meeting, victim=mum, referring_agency=practice,
                             lawful_basis="safeguarding", children=[ruby])
    services.action_add(case=case, text="School to offer a trusted adult", owner_agency=school,
                        owner_name="Chris Taylor", due_on=date(2026, 9, 17))
    dsl = factories.user(agency_=school)
    gp = factories.user(agency_=practice)
    shares = {social_worker: "the allocated social worker", dsl: "the school's designated safeguarding lead",
              gp: "the referring health agency"}
    for user, recipient in shares.items():
        [shared] = marac_cases_shared_with(user=user)
        assert shared == case and shared.actions.get().owner_name == "Chris Taylor"
        for person in (mum, ruby):
            assert AccessLogEntry.objects.get(target_id=str(person.pk), user=user).reason == (
                f"MARAC case shared with {recipient} (lawful basis: safeguarding)")
    refused = [earlier_worker, factories.user(role="social_worker"),
               factories.user(agency_=factories.agency(name="Elm School")),
               factories.user(agency_=factories.agency(kind="gp", name="Other Surgery")),
               factories.user(agency_=factories.agency(kind="health_trust", name="Fictional Trust"))]
    for user in refused:
        assert marac_cases_shared_with(user=user) == []
    assert not AccessLogEntry.objects.filter(user__in=refused).exists()
    meeting_get_for(user=coordinator, meeting_id=meeting.pk)
    assert {str(mum.pk), str(ruby.pk)} == set(AccessLogEntry.objects.filter(user=coordinator, reason="MARAC meeting")
                                              .values_list("target_id", flat=True))
