import pytest

from frontdoor.escalations import services
from frontdoor.escalations.errors import EscalationConflict, EscalationInvalid
from frontdoor.escalations.models import Escalation
from frontdoor.messaging.models import OutboxMessage
from tests import factories
from tests.escalations.decided import decided_contact

pytestmark = pytest.mark.django_db


def test_a_disagreement_goes_through_the_stages_and_the_referrer_is_told_each_time():
    contact, referrer, practitioner, manager = decided_contact()
    escalation = services.disagreement_raise(user=referrer, contact=contact, reason="Needs more", level_sought=3)
    assert escalation.stages.get().stage_key == "practitioner"
    services.stage_outcome_record(user=practitioner, escalation=escalation, version=1, outcome="escalated",
                                  notes="Talked through the levels of need; not agreed")
    escalation.refresh_from_db()
    assert [s.stage_key for s in escalation.stages.all()] == ["practitioner", "team_manager"]
    with pytest.raises(EscalationInvalid, match="manager"):
        services.stage_outcome_record(user=practitioner, escalation=escalation, version=2, outcome="upheld", notes="x")
    services.stage_outcome_record(user=manager, escalation=escalation, version=2, outcome="changed", level_agreed=3,
                                  notes="Level 3: referral to social care")
    escalation.refresh_from_db()
    assert escalation.result == Escalation.Result.RESOLVED and escalation.closed_at is not None
    told = OutboxMessage.objects.filter(kind="escalation_update", to_address=referrer.email)
    assert told.count() == 3
    assert "Ruby" not in "".join(told.values_list("body", flat=True))


def test_a_stale_page_and_a_closed_escalation_are_refused():
    contact, referrer, practitioner, _ = decided_contact()
    escalation = services.disagreement_raise(user=referrer, contact=contact, reason="x", level_sought=3)
    services.stage_outcome_record(user=practitioner, escalation=escalation, version=1, outcome="upheld", notes="ok")
    with pytest.raises(EscalationConflict):
        services.stage_outcome_record(user=practitioner, escalation=escalation, version=1, outcome="upheld", notes="again")


def test_non_engagement_goes_up_to_the_director_and_ends_unresolved():
    contact, _, practitioner, manager = decided_contact()
    escalation = services.non_engagement_raise(user=practitioner, contact=contact, service="CAMHS",
                                               reason="No reply to three requests")
    for version in (1, 2, 3):
        services.stage_outcome_record(user=manager, escalation=escalation, version=version, outcome="escalated",
                                      notes="No response")
    escalation.refresh_from_db()
    assert [s.stage_key for s in escalation.stages.all()] == ["team_manager", "head_of_service", "director"]
    assert escalation.result == Escalation.Result.NOT_RESOLVED


def test_a_disagreement_needs_a_decision_and_only_one_open_at_a_time():
    referrer = factories.user(role="referrer")
    undecided = factories.contact(submitted_by=referrer)
    with pytest.raises(EscalationInvalid, match="once the decision"):
        services.disagreement_raise(user=referrer, contact=undecided, reason="x", level_sought=3)
    contact, referrer, _, _ = decided_contact()
    services.disagreement_raise(user=referrer, contact=contact, reason="x", level_sought=3)
    with pytest.raises(EscalationConflict):
        services.disagreement_raise(user=referrer, contact=contact, reason="again", level_sought=3)


def test_stage_timescales_are_configuration(settings):
    settings.FRONTDOOR_ESCALATION_STAGES = {**settings.FRONTDOOR_ESCALATION_STAGES, "disagreement": [
        {"key": "only", "name": "Only stage", "working_days": 10, "recorded_by": "practitioner"}]}
    contact, referrer, practitioner, _ = decided_contact()
    escalation = services.disagreement_raise(user=referrer, contact=contact, reason="x", level_sought=3)
    assert escalation.stages.get().stage_name == "Only stage"
    services.stage_outcome_record(user=practitioner, escalation=escalation, version=1, outcome="escalated", notes="n")
    escalation.refresh_from_db()
    assert escalation.result == Escalation.Result.NOT_RESOLVED
