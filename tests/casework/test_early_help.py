"""Early help: offered from a Level 2 decision, a step down from social care or a closed episode;
the family's consent, the lead professional, the assessment, team around the child meetings, closure
and step up; and what is due next for the lead professional."""
from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from frontdoor.casework import clocks
from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.errors import CaseworkConflict, CaseworkError
from frontdoor.casework.models import Assessment, EarlyHelpOffer, Episode, StrategyDiscussion
from frontdoor.casework.selectors import early_help_families, early_help_offer_get_for
from frontdoor.casework.services import (
    early_help_assessment_record, early_help_close, early_help_offer_respond, episode_close, strategy_discussion_record,
    tac_meeting_record,
)
from frontdoor.governance.models import AccessLogEntry
from tests import factories
from tests.casework.journey import ALL_AGENCIES, assessed, authorised, decided

pytestmark = pytest.mark.django_db


def _accepted(staff, lead, *, days_ago=20) -> EarlyHelpOffer:
    child = decided(staff, level=2, codes=["L2.2"])
    offer = EarlyHelpOffer.objects.get(contact_child=child)
    EarlyHelpOffer.objects.filter(pk=offer.pk).update(offered_on=timezone.localdate() - timedelta(days=days_ago))
    offer.refresh_from_db()
    return early_help_offer_respond(user=lead, offer=offer, version=offer.version, accepted=True,
                                    responded_on=offer.offered_on, lead_professional=lead)


def test_a_level_2_early_help_decision_offers_it_to_the_childs_family_and_opens_no_episode(staff):
    child = decided(staff, level=2, codes=["L2.2"])

    offer = EarlyHelpOffer.objects.get(contact_child=child)
    assert offer.person == child.person and offer.offered_on == timezone.localdate()
    assert offer.status == EarlyHelpOffer.Status.OFFERED and offer.lead_professional is None
    assert not Episode.objects.exists()


def test_single_agency_support_leaves_the_work_with_the_referrer(staff):
    decided(staff, level=2, codes=["L2.1"])
    assert not EarlyHelpOffer.objects.exists()


def test_an_assessment_stepping_down_to_early_help_closes_rc9_and_offers_it(staff):
    episode = assessed(staff, outcome=Assessment.Outcome.EARLY_HELP)

    assert episode.closure_reason == Episode.ClosureReason.EARLY_HELP_AFTER_ASSESSMENT
    offer = EarlyHelpOffer.objects.get(from_episode=episode)
    assert offer.assessment == episode.assessments.get() and offer.person == episode.person


def test_closing_an_episode_with_rc9_offers_early_help(staff):
    *_, team_manager, _ = staff
    episode = authorised(staff, level=3, codes=["L3.2"])
    episode_close(manager=team_manager, episode=episode, version=episode.version, closed_on=timezone.localdate(),
                  reason=Episode.ClosureReason.EARLY_HELP_AFTER_ASSESSMENT)
    assert EarlyHelpOffer.objects.get(from_episode=episode).offered_on == timezone.localdate()


def test_consent_needs_an_early_help_lead_and_a_refusal_ends_the_offer(staff, lead):
    _, _, team_manager, _ = staff
    offer = EarlyHelpOffer.objects.get(contact_child=decided(staff, level=2, codes=["L2.2"]))
    with pytest.raises(CaseworkError, match="lead professional"):
        early_help_offer_respond(user=lead, offer=offer, version=offer.version, accepted=True,
                                 responded_on=timezone.localdate(), lead_professional=team_manager)

    early_help_offer_respond(user=lead, offer=offer, version=offer.version, accepted=False,
                             responded_on=timezone.localdate())
    assert offer.status == EarlyHelpOffer.Status.DECLINED and not offer.is_open
    assert not Episode.objects.exists()  # refusing early help does not by itself bring in social care
    with pytest.raises(CaseworkError, match="has ended"):
        early_help_close(user=lead, offer=offer, version=offer.version, closed_on=timezone.localdate(),
                         reason=EarlyHelpOffer.ClosureReason.STEPPED_UP)


def test_the_assessment_is_due_30_working_days_after_consent_then_a_tac_meeting_every_6_weeks(staff, lead):
    offer = _accepted(staff, lead)
    [due] = early_help_families(user=lead, today=timezone.localdate())[0].due
    assert (due.what, due.due_on) == ("Early help assessment", add_working_days(offer.responded_on, 30))

    early_help_assessment_record(user=lead, offer=offer, version=offer.version, started_on=offer.responded_on,
                                 completed_on=offer.responded_on + timedelta(days=7))
    tac_meeting_record(user=lead, offer=offer, version=offer.version, held_on=offer.responded_on + timedelta(days=10),
                       attendees=["School", "Health"], notes="Plan agreed.")
    [due] = early_help_families(user=lead, today=timezone.localdate())[0].due
    assert due.what == "Team around the child meeting"
    assert due.due_on == offer.responded_on + timedelta(days=10, weeks=clocks.TAC_REVIEW_WEEKS)
    assert offer.tac_meetings.get().attendees == ["School", "Health"]


def test_a_stale_page_is_refused_and_the_first_answer_stands(staff, lead):
    offer = _accepted(staff, lead)
    shown = offer.version
    early_help_assessment_record(user=lead, offer=offer, version=shown, started_on=offer.responded_on)
    with pytest.raises(CaseworkConflict):
        early_help_assessment_record(user=lead, offer=offer, version=shown, started_on=timezone.localdate())
    offer.refresh_from_db()
    assert offer.eha_started_on == offer.responded_on


def test_stepping_up_closes_early_help_and_refers_the_child_to_social_care(staff, lead):
    offer = _accepted(staff, lead)
    early_help_close(user=lead, offer=offer, version=offer.version, closed_on=timezone.localdate(),
                     reason=EarlyHelpOffer.ClosureReason.STEPPED_UP)

    episode = offer.stepped_up_to
    assert episode.source == Episode.Source.LA_EARLY_HELP and episode.person == offer.person
    assert episode.assessments.get().started_on == timezone.localdate()
    assert episode.team.name == "Assessment team"
    assert early_help_families(user=lead, today=timezone.localdate()) == []


def test_a_lead_sees_only_their_families_and_offers_waiting_for_a_lead_and_reads_are_logged(staff, lead):
    mine = _accepted(staff, lead)
    other_lead = factories.user(role="early_help_lead", agency_=lead.membership.agency)
    waiting = EarlyHelpOffer.objects.get(contact_child=decided(staff, level=2, codes=["L2.2"]))

    assert [row.offer for row in early_help_families(user=lead, today=timezone.localdate())] == [mine]
    assert early_help_families(user=other_lead, today=timezone.localdate()) == []
    assert early_help_offer_get_for(user=other_lead, offer_id=waiting.pk, reason="Opened") == waiting
    with pytest.raises(Http404):
        early_help_offer_get_for(user=other_lead, offer_id=mine.pk, reason="Opened")
    assert AccessLogEntry.objects.filter(user=other_lead, target_id=str(waiting.pk), reason="Opened").exists()


def test_a_strategy_discussion_deciding_early_help_closes_the_episode_and_offers_it(staff):
    *_, worker = staff
    episode = authorised(staff, level=4, codes=["L4.2b"])
    discussion = episode.strategy_discussions.get()
    strategy_discussion_record(user=worker, discussion=discussion, version=discussion.version, held_at=timezone.now(),
                               participants=ALL_AGENCIES, decision=StrategyDiscussion.Decision.EARLY_HELP, outcome="")
    assert Episode.objects.get(pk=episode.pk).closed_on == timezone.localdate()
    assert EarlyHelpOffer.objects.get(from_episode=episode).offered_on == timezone.localdate()
