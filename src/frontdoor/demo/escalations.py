"""Disagreements and escalations, made through the services as the demo's people would: the demo
school's DSL disagrees with two decisions (one waiting for the practitioner conversation, one taken
to the team manager and changed), and the Front Door escalates CAMHS not engaging up to the head of
service (seed 002)."""
from django.contrib.auth import get_user_model

from frontdoor.decisions.models import Decision
from frontdoor.escalations import services


def load_demo_escalations() -> None:
    users = get_user_model().objects.in_bulk(("teacher@demo.test", "practitioner@demo.test", "manager@demo.test"),
                                             field_name="username")
    if len(users) < 3:
        return
    dsl, practitioner, manager = users["teacher@demo.test"], users["practitioner@demo.test"], users["manager@demo.test"]
    decisions = list(Decision.objects.filter(status=Decision.Status.AUTHORISED, contact__submitted_by=dsl)
                     .select_related("contact").order_by("level", "-authorised_at")[:2])
    if len(decisions) < 2:
        return
    decided = [d.contact for d in decisions]
    services.disagreement_raise(user=dsl, contact=decided[0], level_sought=min(decisions[0].level + 1, 4),
                                reason="A second bruise seen this week; we think this needs a social work assessment.")
    changed = services.disagreement_raise(user=dsl, contact=decided[1], level_sought=min(decisions[1].level + 1, 4),
                                          reason="The family has refused early help twice.")
    services.stage_outcome_record(user=practitioner, escalation=changed, version=1, outcome="escalated",
                                  notes="Talked through the levels of need; we did not agree.")
    services.stage_outcome_record(user=manager, escalation=changed, version=2, outcome="changed",
                                  level_agreed=min(decisions[1].level + 1, 4),
                                  notes="Agreed: refusal of help with these concerns meets the level sought.")
    camhs = services.non_engagement_raise(user=practitioner, contact=decided[1], service="CAMHS",
                                          reason="Three requests for CAMHS to join the risk management meeting unanswered.")
    services.stage_outcome_record(user=manager, escalation=camhs, version=1, outcome="escalated",
                                  notes="No reply from the CAMHS team manager.")
