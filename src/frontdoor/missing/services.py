"""Every write to a missing episode from the pages: the return, and the return interview."""
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.missing.errors import MissingConflict, MissingInvalid
from frontdoor.missing.models import MissingEpisode, ReturnInterview

CONFLICT = "Someone else changed this episode. Reload the page to see their changes."


def _claim(*, user, episode: MissingEpisode, version: int, reason: str, **fields) -> None:
    """Compare and set: the change is made only if the episode is as the page showed it."""
    updated = MissingEpisode.objects.filter(pk=episode.pk, version=version).update(
        **fields, version=F("version") + 1)
    if not updated:
        raise MissingConflict(CONFLICT)
    access_log_record(user=user, target=episode.child, reason=reason, action=AccessLogEntry.Action.UPDATE)


def _not_future(moment: datetime | None, label: str) -> None:
    if moment is not None and moment > timezone.now():
        raise MissingInvalid(f"{label} must be now or in the past")


@transaction.atomic
def episode_return_record(*, user, episode: MissingEpisode, version: int, returned_at: datetime,
                          where_found: str, who_with: str, safe_and_well_at: datetime | None) -> None:
    """The child is back: when, where they were found, who with, and the police safe and well check."""
    _not_future(returned_at, "The time the child returned")
    _not_future(safe_and_well_at, "The time of the safe and well check")
    if returned_at < episode.missing_from:
        raise MissingInvalid("The time the child returned must be after they went missing")
    if safe_and_well_at is not None and safe_and_well_at < returned_at:
        raise MissingInvalid("The safe and well check must be after the child returned")
    _claim(user=user, episode=episode, version=version, reason="Recorded a missing child's return",
           returned_at=returned_at, where_found=where_found, who_with=who_with, safe_and_well_at=safe_and_well_at)


@transaction.atomic
def return_interview_record(*, user, episode: MissingEpisode, version: int, held_at: datetime, held_by: str,
                            declined: bool, why_went: str = "", where_went: str = "", with_whom: str = "",
                            what_would_help: str = "") -> ReturnInterview:
    """The return interview, held or offered and declined: after the return, once per episode."""
    if episode.returned_at is None:
        raise MissingInvalid("Record the child's return before the return interview")
    _not_future(held_at, "The time of the return interview")
    if held_at < episode.returned_at:
        raise MissingInvalid("The return interview must be after the child returned")
    _claim(user=user, episode=episode, version=version, reason="Recorded a return interview")
    if ReturnInterview.objects.filter(episode=episode).exists():
        raise MissingConflict("A return interview is already recorded for this episode. Reload the page to see it.")
    return ReturnInterview.objects.create(
        episode=episode, held_at=held_at, held_by=held_by, declined=declined, why_went=why_went,
        where_went=where_went, with_whom=with_whom, what_would_help=what_would_help, recorded_by=user)
