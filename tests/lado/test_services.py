from datetime import date, timedelta

import pytest
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.lado import services
from frontdoor.lado.errors import LadoConflict, LadoInvalid
from tests import factories

pytestmark = pytest.mark.django_db


def refer(referrer=None, **overrides):
    fields = {"adult_name": "Jon Example", "adult_role": "Teaching assistant", "employer": "Oakfield Primary",
              "setting_type": "school", "allegation": "Grabbed a pupil's arm hard", "historical": False}
    return services.lado_referral_submit(referrer=referrer or factories.user(), **{**fields, **overrides})


@pytest.fixture
def lado():
    return factories.user(role=Membership.Role.LADO)


def test_referral_takes_its_source_from_the_referrers_agency_and_is_logged():
    referral = refer()
    assert referral.source_kind == "school"
    assert AccessLogEntry.objects.filter(target_id=str(referral.pk), action="update").exists()


def test_referral_without_the_adults_role_or_with_an_unknown_setting_is_refused():
    with pytest.raises(LadoInvalid, match="adults role"):
        refer(adult_role=" ")
    with pytest.raises(LadoInvalid, match="type of setting"):
        refer(setting_type="moon")


def test_consider_meeting_outcome_in_order(lado):
    referral = refer()
    with pytest.raises(LadoInvalid, match="consideration"):
        services.lado_outcome_record(user=lado, referral=referral, version=1, outcome="false", actions="None")
    services.lado_referral_consider(user=lado, referral=referral, version=1, consideration="meeting", notes="Harm")
    referral.refresh_from_db()
    with pytest.raises(LadoInvalid, match="at least one"):
        services.lado_outcome_record(user=lado, referral=referral, version=2, outcome="false", actions="None")
    services.allegation_meeting_record(user=lado, referral=referral, version=2, held_on=timezone.localdate(),
                                       attendees="LADO, head teacher, police", decisions="Suspend pending enquiry")
    referral.refresh_from_db()
    services.lado_outcome_record(user=lado, referral=referral, version=3, outcome="substantiated",
                                 actions="Dismissed; DBS referral")
    referral.refresh_from_db()
    assert referral.get_outcome_display() == "Substantiated" and referral.status_label == "Closed"


def test_second_writer_with_an_old_version_gets_the_conflict(lado):
    referral = refer()
    services.lado_referral_consider(user=lado, referral=referral, version=1, consideration="meeting", notes="x")
    referral.refresh_from_db()
    services.allegation_meeting_record(user=lado, referral=referral, version=2, held_on=timezone.localdate(),
                                       attendees="a", decisions="b")
    with pytest.raises(LadoConflict, match="Someone else changed"):
        services.allegation_meeting_record(user=lado, referral=referral, version=2, held_on=timezone.localdate(),
                                           attendees="a", decisions="b")


def test_meeting_before_the_referral_or_in_the_future_is_refused(lado):
    referral = refer()
    services.lado_referral_consider(user=lado, referral=referral, version=1, consideration="meeting", notes="x")
    referral.refresh_from_db()
    for day in (timezone.localdate() + timedelta(days=1), timezone.localdate() - timedelta(days=3)):
        with pytest.raises(LadoInvalid):
            services.allegation_meeting_record(user=lado, referral=referral, version=2, held_on=day,
                                               attendees="a", decisions="b")


def test_a_child_is_linked_by_name_and_date_of_birth_and_unknown_children_are_refused(lado):
    referral = refer()
    ruby = factories.person()
    with pytest.raises(LadoInvalid, match="No child"):
        services.lado_child_link(user=lado, referral=referral, version=1, given_name="Ruby", family_name="Hartley",
                                 date_of_birth=date(2017, 3, 15))
    services.lado_child_link(user=lado, referral=referral, version=1, given_name="ruby", family_name="HARTLEY",
                             date_of_birth=date(2017, 3, 14))
    assert list(referral.children.all()) == [ruby]
