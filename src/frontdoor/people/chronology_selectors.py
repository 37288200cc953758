"""The child's chronology: who may read it, and every record the product holds about the child as
plain entries for the pure `chronology` module. Each read is in the access log."""
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.casework.models import (
    Allocation, Assessment, Case, ChildInNeedPlan, ChildInNeedPlanReview, ChildProtectionPlan, CoreGroupMeeting,
    EarlyHelpOffer, Episode, InitialChildProtectionConference, ReviewConference, Section47Enquiry, StatutoryVisit,
    StrategyDiscussion, TeamAroundTheChildMeeting,
)
from frontdoor.casework.selectors import early_help_offers_visible_to, episodes_visible_to
from frontdoor.decisions.selectors import decision_outcome_texts
from frontdoor.fostering.models import Arrangement
from frontdoor.fostering.selectors import fostering_children_visible_to, may_see_fostering
from frontdoor.intake.models import ContactChild
from frontdoor.lado.models import AllegationMeeting
from frontdoor.lado.selectors import lado_children_visible_to, may_see_lado, referrals_visible_to
from frontdoor.missing.models import MissingEpisode
from frontdoor.missing.selectors import may_see_missing
from frontdoor.people import chronology
from frontdoor.people.chronology import Entry, Plan
from frontdoor.people.models import Person, PersonMerge
from frontdoor.people.restrictions import person_get_or_404
from frontdoor.people.selectors import FRONT_DOOR_ROLES, persons_for_returns_visible_to
from frontdoor.triage.models import GradeDecision, NotificationChild, PoliceNotification
from frontdoor.triage.selectors import may_triage

SOCIAL_CARE = "Children's social care"
EARLY_HELP = "Early help"
FRONT_DOOR = "Front Door"
PRIVATE_FOSTERING = "Private fostering"
LADO = "LADO"


@dataclass
class ChildChronology:
    person: Person
    alerts: list[chronology.Alert]
    entries: list[Entry]
    kind: str | None


def _readable_children(user):
    """Whose chronology this user may read: Front Door staff every child; a social worker or team
    manager the children of the episodes they may see; the LADO team the children linked to their
    referrals; a private fostering worker the children of their arrangements."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    role = membership.role if membership else None
    if role in (*FRONT_DOOR_ROLES, Membership.Role.SOCIAL_WORKER, Membership.Role.TEAM_MANAGER):
        return persons_for_returns_visible_to(user=user)
    if may_see_lado(user):
        return Person.objects.filter(pk__in=lado_children_visible_to(user=user))
    if may_see_fostering(user):
        return Person.objects.filter(pk__in=fostering_children_visible_to(user=user))
    return Person.objects.none()


def chronology_person_get_for(*, user, person_id, reason: str) -> Person:
    """The child whose chronology this user may read (`_readable_children`, less the restricted records
    not open to them), or 404 for anyone else and for a missing record alike. The read is logged."""
    return person_get_or_404(user=user, people=_readable_children(user), person_id=person_id, reason=reason)


def chronology_kinds(*, user) -> dict[str, str]:
    """The kinds this user may filter by: LADO allegations only for the LADO team, so that nobody
    else learns from the list that a child could have one."""
    return {key: label for key, label in chronology.KINDS.items() if key != "lado" or may_see_lado(user)}


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def _entry(kind: str, when, what: str, source: str, link: str | None = None) -> Entry:
    if isinstance(when, datetime):
        at = _local(when)
        return Entry(on=at.date(), at=at, kind=kind, what=what, source=source, link=link)
    return Entry(on=when, kind=kind, what=what, source=source, link=link)


def _contact_entries(*, user, person) -> tuple[list[Entry], list[date]]:
    may_open = user.membership.is_front_door
    entries, dates = [], []
    mentions = (ContactChild.objects.filter(person=person)
                .select_related("contact", "contact__referrer_agency", "contact__decision"))
    for mention in mentions:
        contact = mention.contact
        link = reverse("intake:contact", args=[contact.pk]) if may_open else None
        received = _entry("contact", contact.received_at,
                          f"Contact {contact.reference} received ({contact.get_channel_display().lower()})"
                          f"{': marked urgent' if contact.is_urgent else ''}",
                          contact.referrer_description, link)
        entries.append(received)
        dates.append(received.on)
        decision = getattr(contact, "decision", None)
        if decision is None:
            continue
        texts = decision_outcome_texts(decision=decision)
        outcome = "; ".join(texts["outcome_texts"])
        entries.append(_entry("contact", decision.decided_at,
                              f"Decision on {contact.reference}: Level {decision.level}, {texts['level_name']}"
                              f"{': ' + outcome if outcome else ''} ({decision.get_status_display().lower()})",
                              FRONT_DOOR, link))
        if decision.authorised_at:
            entries.append(_entry("contact", decision.authorised_at,
                                  f"Decision on {contact.reference} authorised by a Front Door manager", FRONT_DOOR, link))
    return entries, dates


def _police_entries(*, user, person) -> tuple[list[Entry], list[date]]:
    may_open = may_triage(user)
    named_as_child = NotificationChild.objects.filter(notification=OuterRef("pk"), person=person)
    notifications = (PoliceNotification.objects.filter(Q(victim=person) | Q(perpetrator=person) | Q(Exists(named_as_child)))
                     .annotate(person_is_child=Exists(named_as_child)).select_related("outcome", "outcome__meeting"))
    entries, dates = [], []
    for notification in notifications:
        link = reverse("triage:isco_notification", args=[notification.pk]) if may_open else None
        roles = [role for role, named in (("victim", notification.victim_id == person.pk),
                                          ("perpetrator", notification.perpetrator_id == person.pk),
                                          ("a child in the household", notification.person_is_child)) if named]
        incident = _entry("police", notification.occurred_at,
                          f"Police domestic abuse notification {notification.police_reference}: "
                          f"{notification.get_relationship_display().lower()}; named as {' and '.join(roles)}; "
                          f"officer's DASH level {notification.get_dash_level_display().lower()}",
                          notification.force, link)
        entries.append(incident)
        dates.append(incident.on)
        outcome = getattr(notification, "outcome", None)
        if outcome is not None:
            entries.append(_entry("police", outcome.meeting.date,
                                  f"Triage meeting outcome for {notification.police_reference}: "
                                  f"{outcome.get_decision_display()} (final grade {outcome.get_final_grade_display().lower()})",
                                  "Daily triage meeting", link))
    for grade in GradeDecision.objects.filter(notification__in=notifications).select_related("notification"):
        link = reverse("triage:isco_notification", args=[grade.notification_id]) if may_open else None
        entries.append(_entry("police", grade.decided_at,
                              f"Notification {grade.notification.police_reference} graded "
                              f"{grade.get_grade_display().lower()}", FRONT_DOOR, link))
    return entries, dates


def _missing_entries(*, user, person) -> list[Entry]:
    may_open = may_see_missing(user)
    entries = []
    for episode in MissingEpisode.objects.filter(child=person).select_related("return_interview"):
        link = reverse("missing:episode", args=[episode.pk]) if may_open else None
        risk = f" (risk: {episode.risk_level})" if episode.risk_level else ""
        entries.append(_entry("missing", episode.missing_from, f"Reported missing{risk}, police reference "
                                                               f"{episode.police_reference}", episode.force, link))
        if episode.returned_at:
            entries.append(_entry("missing", episode.returned_at, "Returned from missing", episode.force, link))
        interview = getattr(episode, "return_interview", None)
        if interview is not None:
            what = "Return interview offered and declined" if interview.declined else "Return interview held"
            entries.append(_entry("missing", interview.held_at, f"{what} (by {interview.held_by})", "Return interview", link))
    return entries


def _social_care_entries(*, user, person) -> tuple[list[Entry], list[Plan]]:
    visible = set(episodes_visible_to(user=user).filter(person=person).values_list("pk", flat=True))
    entries, plans = [], []

    def link(episode_id):
        return reverse("casework:episode", args=[episode_id]) if episode_id in visible else None

    def add(when, what, episode_id, source=SOCIAL_CARE):
        if when:
            entries.append(_entry("social_care", when, what, source, link(episode_id)))

    for episode in Episode.objects.filter(person=person).select_related("team"):
        source = f"{SOCIAL_CARE}: {episode.team.name}" if episode.team else SOCIAL_CARE
        add(episode.referral_date, f"Referral to children's social care (source: {episode.get_source_display()}; "
                                   f"primary need: {episode.get_primary_need_display()})", episode.pk, source)
        add(episode.closed_on, f"Episode closed: {episode.get_closure_reason_display()}", episode.pk, source)
    for allocation in Allocation.objects.filter(episode__person=person).select_related("worker"):
        add(allocation.allocated_at, f"Allocated to {allocation.worker.get_full_name()}", allocation.episode_id)
    for assessment in Assessment.objects.filter(episode__person=person):
        add(assessment.started_on, "Single assessment started", assessment.episode_id)
        if assessment.authorised_on:
            add(assessment.authorised_on, f"Single assessment authorised: {assessment.get_outcome_display()}",
                assessment.episode_id)
        elif assessment.submitted_on:
            add(assessment.submitted_on, "Single assessment submitted for authorisation", assessment.episode_id)
    for discussion in StrategyDiscussion.objects.filter(children=person):
        add(discussion.requested_at, f"Strategy discussion asked for: {discussion.reason}", discussion.episode_id)
        if discussion.held_at:
            decision = discussion.get_decision_display() or "no decision recorded"
            add(discussion.held_at, f"Strategy discussion held: {decision}", discussion.episode_id)
    for enquiry in Section47Enquiry.objects.filter(episode__person=person):
        joint = ", joint with the police" if enquiry.joint_with_police else ""
        add(enquiry.started_on, f"Section 47 enquiry started{joint}", enquiry.episode_id)
        add(enquiry.completed_on, f"Section 47 enquiry completed: {enquiry.get_outcome_display()}", enquiry.episode_id)
    for conference in InitialChildProtectionConference.objects.filter(episode__person=person):
        if conference.held_on:
            decision = conference.get_decision_display() or "no decision recorded"
            category = f" ({conference.get_category_display().lower()})" if conference.category else ""
            add(conference.held_on, f"Initial child protection conference held: {decision}{category}",
                conference.episode_id)
    for plan in ChildProtectionPlan.objects.filter(episode__person=person):
        category = plan.get_latest_category_display().lower()
        plans.append(Plan(started_on=plan.started_on, ended_on=plan.ended_on, category=category))
        add(plan.started_on, f"Child protection plan started: {plan.get_initial_category_display().lower()}",
            plan.episode_id)
        add(plan.ended_on, f"Child protection plan ended: {plan.get_end_reason_display()}", plan.episode_id)
    for review in ReviewConference.objects.filter(plan__episode__person=person).select_related("plan"):
        if review.held_on:
            decision = review.get_decision_display() or "no decision recorded"
            add(review.held_on, f"Review child protection conference held: {decision}", review.plan.episode_id)
    for meeting in CoreGroupMeeting.objects.filter(plan__episode__person=person).select_related("plan"):
        add(meeting.held_on, f"Core group met: {', '.join(meeting.attendees)}", meeting.plan.episode_id)
    for visit in StatutoryVisit.objects.filter(plan__episode__person=person).select_related("plan"):
        seen = "seen alone" if visit.seen_alone else "not seen alone"
        add(visit.visited_on, f"Statutory visit by the social worker: the child was {seen}", visit.plan.episode_id)
    for plan in ChildInNeedPlan.objects.filter(episode__person=person):
        add(plan.started_on, "Child in need plan started", plan.episode_id)
        add(plan.ended_on, f"Child in need plan ended: {plan.get_end_reason_display()}", plan.episode_id)
    for review in ChildInNeedPlanReview.objects.filter(plan__episode__person=person).select_related("plan"):
        add(review.held_on, "Child in need plan reviewed", review.plan.episode_id)
    for case in Case.objects.filter(person=person):
        add(case.opened_on, f"{case.get_kind_display()} opened", None, case.team or SOCIAL_CARE)
        add(case.closed_on, f"{case.get_kind_display()} closed", None, case.team or SOCIAL_CARE)
    return entries, plans


def _early_help_entries(*, user, person) -> list[Entry]:
    visible = set(early_help_offers_visible_to(user=user).filter(person=person).values_list("pk", flat=True))
    entries = []
    offers = EarlyHelpOffer.objects.filter(person=person).select_related("lead_professional", "stepped_up_to")
    for offer in offers:
        link = reverse("casework:early_help_offer", args=[offer.pk]) if offer.pk in visible else None
        source = EARLY_HELP
        if offer.lead_professional:
            source = f"{EARLY_HELP}: {offer.lead_professional.get_full_name()} (lead professional)"

        def add(when, what, _link=link, _source=source):
            if when:
                entries.append(_entry("early_help", when, what, _source, _link))

        origin = (" after a single assessment stepped down" if offer.assessment_id
                  else " when a social care episode closed" if offer.from_episode_id else "")
        add(offer.offered_on, f"Early help offered{origin}")
        if offer.responded_on:
            add(offer.responded_on, "The family accepted early help" if offer.status == EarlyHelpOffer.Status.ACCEPTED
                else "The family declined early help" if offer.status == EarlyHelpOffer.Status.DECLINED
                else "The family responded to the offer of early help")
        add(offer.eha_started_on, "Early help assessment started")
        add(offer.eha_completed_on, "Early help assessment completed")
        if offer.closed_on:
            stepped = " (stepped up to children's social care)" if offer.stepped_up_to_id else ""
            add(offer.closed_on, f"Early help closed: {offer.get_closure_reason_display()}{stepped}")
    for meeting in TeamAroundTheChildMeeting.objects.filter(offer__in=offers):
        link = reverse("casework:early_help_offer", args=[meeting.offer_id]) if meeting.offer_id in visible else None
        agencies = ", ".join(meeting.attendees) if meeting.attendees else "no agencies recorded"
        entries.append(_entry("early_help", meeting.held_on, f"Team Around the Child meeting ({agencies})",
                              EARLY_HELP, link))
    return entries


def _fostering_entries(*, user, person) -> list[Entry]:
    may_open = may_see_fostering(user)
    entries = []
    for arrangement in Arrangement.objects.filter(child=person).prefetch_related("visits"):
        link = reverse("fostering:arrangement", args=[arrangement.pk]) if may_open else None

        def add(when, what, _link=link):
            if when:
                entries.append(_entry("private_fostering", when, what, PRIVATE_FOSTERING, _link))

        add(arrangement.notified_on, f"Private fostering notified by {arrangement.get_source_display().lower()}: "
                                     f"cared for by {arrangement.carer_name} "
                                     f"({arrangement.get_carer_relationship_display().lower()})")
        add(arrangement.began_on, "Private fostering arrangement began")
        for visit in arrangement.visits.all():
            add(visit.visited_on, f"Private fostering visit: {'seen' if visit.seen_alone else 'not seen'} alone")
        if arrangement.assessment:
            add(arrangement.assessed_on, f"Private fostering assessment: {arrangement.get_assessment_display()}")
        add(arrangement.ended_on, "Private fostering arrangement ended")
    return entries


def _lado_entries(*, user, person) -> list[Entry]:
    """The allegations linked to the child, only for the LADO team (for anyone else, nothing at all)."""
    referrals = list(referrals_visible_to(user=user).filter(children=person))
    entries = []
    for referral in referrals:
        link = reverse("lado:referral", args=[referral.pk])
        historical = " (historical)" if referral.historical else ""
        entries.append(_entry("lado", referral.received_at,
                              f"Allegation against {referral.adult_name}, {referral.adult_role} at "
                              f"{referral.employer}, referred to the LADO{historical}",
                              referral.source_agency.name, link))
        if referral.considered_at:
            entries.append(_entry("lado", referral.considered_at,
                                  f"LADO's initial consideration: {referral.get_consideration_display()}", LADO, link))
        if referral.outcome_at:
            entries.append(_entry("lado", referral.outcome_at, f"Allegation outcome: {referral.get_outcome_display()}",
                                  LADO, link))
    for meeting in AllegationMeeting.objects.filter(referral__in=referrals):
        entries.append(_entry("lado", meeting.held_on, "Allegations management meeting held", LADO,
                              reverse("lado:referral", args=[meeting.referral_id])))
    return entries


def _identity_entries(*, person) -> list[Entry]:
    entries = []
    for merge in PersonMerge.objects.filter(Q(survivor=person) | Q(merged=person)).select_related("survivor", "merged"):
        if merge.survivor_id == person.pk:
            what = f"Record of {merge.merged.full_name} merged into this one"
        else:
            what = f"This record was merged into {merge.survivor.full_name}'s"
        entries.append(_entry("identity", merge.merged_at, what, "Person index"))
        if merge.undone_at:
            entries.append(_entry("identity", merge.undone_at, f"{what}: merge undone", "Person index"))
    return entries


def child_chronology(*, user, person: Person, kind: str | None = None, today: date | None = None) -> ChildChronology:
    """Everything recorded about the child, newest first, and the alerts. The caller has the person
    from `chronology_person_get_for` (access checked, the read logged); links are only to records
    this user may open."""
    today = today or timezone.localdate()
    contacts, contact_dates = _contact_entries(user=user, person=person)
    police, notification_dates = _police_entries(user=user, person=person)
    social_care, plans = _social_care_entries(user=user, person=person)
    entries = [*contacts, *police, *_missing_entries(user=user, person=person), *social_care,
               *_early_help_entries(user=user, person=person), *_fostering_entries(user=user, person=person),
               *_lado_entries(user=user, person=person), *_identity_entries(person=person)]
    return ChildChronology(
        person=person,
        alerts=chronology.chronology_alerts(contact_dates=contact_dates, notification_dates=notification_dates,
                                            plans=plans, today=today),
        entries=chronology.chronology_entries(entries, kind=kind),
        kind=kind,
    )
