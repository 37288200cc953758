"""Every read of LADO referrals, with the access check: the LADO team sees them; a referrer only the
status of their own. Every referral shown is an access-log row."""
import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.lado import clocks
from frontdoor.lado.models import LadoReferral, Outcome, SettingType
from frontdoor.people.restrictions import persons_hidden_from, refused_attempts_record

LADO_ROLES = (Membership.Role.LADO,)


def may_see_lado(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.role in LADO_ROLES


def referrals_visible_to(*, user) -> QuerySet:
    """The one rule for who sees LADO referrals in full: the LADO team, and nobody else."""
    referrals = LadoReferral.objects.select_related("source_agency", "referrer")
    return referrals if may_see_lado(user) else referrals.none()


def lado_children_visible_to(*, user):
    """The children linked to the referrals this user may see (none for anyone outside the LADO team)."""
    return referrals_visible_to(user=user).values("children").exclude(children__isnull=True)


def referral_get_for(*, user, referral_id, reason: str) -> LadoReferral:
    """The referral, if this user may see it; otherwise Http404, whether it exists or not."""
    referral = referrals_visible_to(user=user).filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    access_log_record(user=user, target=referral, reason=reason)
    return referral


def referral_status_for_referrer(*, user, referral_id) -> LadoReferral:
    """The referrer's own referral (they see only its status); anyone else's is not found."""
    referral = LadoReferral.objects.filter(pk=referral_id, referrer=user).first()
    if referral is None:
        raise Http404
    access_log_record(user=user, target=referral, reason="Referrer viewed their LADO referral's status")
    return referral


def referrals_made_by(*, user) -> list[LadoReferral]:
    referrals = list(LadoReferral.objects.filter(referrer=user).order_by("-received_at"))
    access_log_record_many(user=user, targets=referrals, reason="Referrer's LADO referrals")
    return referrals


@dataclass(frozen=True)
class ReferralRow:
    referral: LadoReferral
    status: str
    due_by: datetime


def referral_row(referral: LadoReferral, *, now: datetime) -> ReferralRow:
    return ReferralRow(referral=referral, due_by=clocks.consideration_due_by(referral.received_at),
                       status=clocks.consideration_status(received_at=referral.received_at,
                                                          considered_at=referral.considered_at, now=now))


def lado_worklist(*, user, now: datetime | None = None) -> dict[str, list[ReferralRow]]:
    """Referrals awaiting the initial consideration (oldest, so the overdue, first) and open referrals
    going through meetings; each shown is an access-log row."""
    now = now or timezone.now()
    referrals = referrals_visible_to(user=user)
    waiting = list(referrals.filter(considered_at__isnull=True).order_by("received_at"))
    open_ = list(referrals.filter(consideration=LadoReferral.Consideration.MEETING, outcome="")
                 .order_by("received_at"))
    access_log_record_many(user=user, targets=waiting + open_, reason="LADO referrals list")
    return {"waiting": [referral_row(r, now=now) for r in waiting],
            "open": [referral_row(r, now=now) for r in open_]}


SOURCE_LABELS = dict(Agency.Kind.choices)
SETTING_LABELS = dict(SettingType.choices)
OUTCOME_LABELS = dict(Outcome.choices)


def lado_figures(*, user) -> list[dict]:
    """Per academic year (newest first): referrals, by setting type and by source, current and historical
    allegations counted apart, and outcomes. Counts only: no one's details."""
    if not may_see_lado(user):
        raise Http404
    years: dict[str, dict] = {}
    for received_at, setting, source, historical, outcome in LadoReferral.objects.values_list(
            "received_at", "setting_type", "source_kind", "historical", "outcome"):
        year = years.setdefault(clocks.academic_year(received_at), {
            "current": 0, "historical": 0, "settings": Counter(), "sources": Counter(), "outcomes": Counter()})
        year["historical" if historical else "current"] += 1
        if not historical:
            # Seed 003 reports historical allegations apart: they leave the setting and source counts.
            year["settings"][SETTING_LABELS.get(setting, setting)] += 1
            year["sources"][SOURCE_LABELS.get(source, source)] += 1
        if outcome:
            year["outcomes"][OUTCOME_LABELS[outcome]] += 1
    return [{"year": name, **figures, "settings": sorted(figures["settings"].items()),
             "sources": sorted(figures["sources"].items()), "outcomes": sorted(figures["outcomes"].items())}
            for name, figures in sorted(years.items(), reverse=True)]


def lado_figures_csv(*, user) -> str:
    """The figures as rows of academic year, measure, category, count."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["academic_year", "measure", "category", "referrals"])
    for year in lado_figures(user=user):
        writer.writerow([year["year"], "total", "current allegations", year["current"]])
        writer.writerow([year["year"], "total", "historical allegations", year["historical"]])
        for measure in ("settings", "sources", "outcomes"):
            for category, count in year[measure]:
                writer.writerow([year["year"], measure[:-1], category, count])
    return out.getvalue()


def referral_children(*, user, referral: LadoReferral) -> list:
    """The children linked to a referral the user has already been allowed to see, each read logged; a
    restricted child the restriction does not name the user on is left out, the attempt logged as refused."""
    if not may_see_lado(user):
        return []
    linked = referral.children.order_by("family_name", "given_name")
    children = list(linked.exclude(pk__in=persons_hidden_from(user=user)))
    refused_attempts_record(user=user, person_ids=linked.values_list("pk", flat=True),
                            reason="Children linked to a LADO referral")
    access_log_record_many(user=user, targets=children, reason="Children linked to a LADO referral")
    return children
