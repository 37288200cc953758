"""MARAC and IDVA referrals from the SafeLives Dash checklist (DOMAIN.md section 7, seed 002).

Fourteen or more "yes" answers, professional judgement, or potential escalation (police call-outs
for this victim counted from our own records) refer the case; a MARAC referral and an IDVA
referral are made together "to avoid delay in domestic abuse service support reaching the victim"
(seed 002). A further referral within 12 months of the victim's last one is a repeat, flagged.
"""
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from frontdoor.messaging.services import outbox_enqueue
from frontdoor.reporting.annex_a_codes import age_in_years

from frontdoor.screening.dash import CRITERIA_ORDER, dash_marac_criteria
from frontdoor.screening.facts import months_before
from frontdoor.screening.tools import load_tool
from frontdoor.triage.errors import NotificationConflict, NotificationInvalid
from frontdoor.triage.models import MaracReferral, PoliceNotification

# SafeLives: potential escalation counts call-outs in 12 months; a repeat is within 12 months of the last referral.
WINDOW_MONTHS = 12


def dash_questions() -> list:
    """The 24 questions of the checklist, from the tool definition."""
    return list(load_tool("dash").indicators)


NO_BASIS = "Enter the lawful basis for referring without the victim's consent, for example a risk to the victim's safety"

BLANK = "(……)"  # where the SafeLives checklist names the abuser


def perpetrator_name(*, notification: PoliceNotification) -> str:
    """The perpetrator's name as the notification records it: the person it was matched to, else the name the
    police sent; empty when neither is known."""
    if notification.perpetrator_id is not None:
        return notification.perpetrator.full_name
    sent = (notification.payload or {}).get("perpetrator")
    if isinstance(sent, dict):
        return " ".join(str(sent.get(part) or "").strip() for part in ("given_name", "family_name")).strip()
    return ""


def dash_question_texts(*, notification: PoliceNotification) -> list[tuple[str, str]]:
    """(id, text) for each checklist question, read with the perpetrator's name where the question names him or
    her, or "the abuser" when the notification records no name."""
    name = perpetrator_name(notification=notification) or "the abuser"
    return [(question.id, question.text.replace(BLANK, name)) for question in dash_questions()]


def police_callouts_12m(*, notification: PoliceNotification) -> int:
    """Police call-outs for this victim in the 12 months up to this incident, this one included."""
    if notification.victim_id is None:
        return 1
    return PoliceNotification.objects.filter(
        victim_id=notification.victim_id,
        occurred_at__gt=months_before(notification.occurred_at, WINDOW_MONTHS),
        occurred_at__lte=notification.occurred_at,
    ).count()


def previous_marac_referral(*, notification: PoliceNotification) -> MaracReferral | None:
    """The victim's last MARAC referral in the 12 months before this incident (a repeat if there is one)."""
    if notification.victim_id is None:
        return None
    return (
        MaracReferral.objects.filter(victim_id=notification.victim_id, created_at__gt=months_before(notification.occurred_at, WINDOW_MONTHS))
        .exclude(notification=notification)
        .order_by("-created_at")
        .first()
    )


@dataclass(frozen=True)
class MaracAssessment:
    criteria: dict
    callouts_12m: int
    previous_referral: MaracReferral | None

    @property
    def referral_due(self) -> bool:
        return self.criteria["marac_referral_due"]

    @property
    def is_repeat(self) -> bool:
        return self.previous_referral is not None


def marac_assess(*, notification: PoliceNotification, answers: dict[str, bool],
                 professional_judgement: bool) -> MaracAssessment:
    callouts = police_callouts_12m(notification=notification)
    previous = previous_marac_referral(notification=notification)
    criteria = dash_marac_criteria(answers, professional_judgement, callouts,
                                   repeat_since_last_marac=previous is not None)
    return MaracAssessment(criteria=criteria, callouts_12m=callouts, previous_referral=previous)


@transaction.atomic
def marac_referral_make(*, user, notification: PoliceNotification, answers: dict[str, bool],
                        professional_judgement: bool, victim_consented: bool,
                        lawful_basis: str = "") -> tuple[MaracAssessment, MaracReferral | None]:
    """Assess the checklist; when a criterion is met, refer to MARAC and IDVA at the same moment. A referral
    without the victim's consent records its lawful basis (seed 004: "be clear of the basis")."""
    lawful_basis = "" if victim_consented else lawful_basis.strip()
    if not victim_consented and not lawful_basis:
        raise NotificationInvalid(NO_BASIS)
    existing = notification.marac_referrals.first()
    if existing is not None:
        raise NotificationConflict(
            f"A MARAC and IDVA referral was already made for this incident on "
            f"{timezone.localtime(existing.created_at):%d %B %Y at %H:%M}."
        )
    assessment = marac_assess(notification=notification, answers=answers,
                              professional_judgement=professional_judgement)
    if not assessment.referral_due:
        return assessment, None
    referral = MaracReferral.objects.create(
        notification=notification,
        victim_id=notification.victim_id,
        criteria={**assessment.criteria, "callouts_12m": assessment.callouts_12m, "answers": answers},
        dash_yes_count=assessment.criteria["yes_count"],
        is_repeat=assessment.is_repeat,
        idva_referred_at=timezone.now(),
        victim_consented=victim_consented,
        lawful_basis=lawful_basis,
        created_by=user,
    )
    _send_referrals(referral, notification, user)
    return assessment, referral


def _send_referrals(referral: MaracReferral, notification: PoliceNotification, user) -> None:
    """The MARAC coordinator and the IDVA service each get the referral, in the same transaction."""
    body = _referral_text(referral, notification, user)
    for service, address in (("MARAC", settings.FRONTDOOR_MARAC_EMAIL), ("IDVA", settings.FRONTDOOR_IDVA_EMAIL)):
        outbox_enqueue(
            kind=f"{service.lower()}_referral", idempotency_key=f"{service.lower()}-referral-{referral.pk}",
            to_address=address, subject=f"{service} referral: police reference {notification.police_reference}",
            body=body, about=referral,
        )


def _referral_text(referral: MaracReferral, notification: PoliceNotification, user) -> str:
    victim = notification.victim
    met = [name.replace("_", " ") for name in CRITERIA_ORDER if referral.criteria.get(name)]
    return (
        f"A MARAC referral and an IDVA referral have been made together for this victim.\n\n"
        f"Victim: {victim.full_name if victim else 'not identified'}"
        f"{f', born {victim.date_of_birth:%d/%m/%Y}' if victim and victim.date_of_birth else ''}\n"
        f"Police reference: {notification.force} {notification.police_reference}\n"
        f"Incident: {timezone.localtime(notification.occurred_at):%d %B %Y, %H:%M}\n"
        f"Dash checklist: {referral.dash_yes_count} of 24 answered yes\n"
        f"Criteria met: {', '.join(met) or 'none recorded'}\n"
        f"{'REPEAT: another MARAC referral for this victim in the last 12 months.' if referral.is_repeat else ''}\n"
        f"{_consent_line(referral)}\n"
        f"Referred by: {user.get_full_name()} ({user.membership.agency.name})\n"
    )


def _consent_line(referral: MaracReferral) -> str:
    if referral.victim_consented:
        return "The victim consented to these referrals."
    return f"Made without the victim's consent. Lawful basis: {referral.lawful_basis}"


def marac_referrals_for(*, notification: PoliceNotification) -> list[MaracReferral]:
    return list(notification.marac_referrals.select_related("created_by").order_by("-created_at"))


def marac_referral_figures(*, since) -> dict:
    """MARAC referrals made since `since`: how many, the repeats (within 12 months of the victim's last), and
    the victims and perpetrators under 18 on the day of the incident (seed 002 counts both)."""
    referrals = list(MaracReferral.objects.filter(created_at__gte=since)
                     .select_related("notification__victim", "notification__perpetrator"))
    return {
        "referrals": len(referrals),
        "repeats": sum(1 for referral in referrals if referral.is_repeat),
        "victims_under_18": sum(1 for r in referrals if _under_18(r.notification.victim, r.notification)),
        "perpetrators_under_18": sum(1 for r in referrals if _under_18(r.notification.perpetrator, r.notification)),
    }


def _under_18(person, notification: PoliceNotification) -> bool:
    if person is None:
        return False
    age = age_in_years(person.date_of_birth, timezone.localdate(notification.occurred_at))
    return age is not None and age < 18
