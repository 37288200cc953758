from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from frontdoor.messaging.models import OutboxMessage, WorkerHeartbeat
from frontdoor.messaging.worker import WORKER_NAME


@dataclass(frozen=True)
class OutboxHealth:
    heartbeat_age_seconds: float | None
    oldest_pending_age_seconds: float | None
    failed: int

    @property
    def healthy(self) -> bool:
        worker_alive = (self.heartbeat_age_seconds is not None
                        and self.heartbeat_age_seconds <= settings.FRONTDOOR_HEALTH_WORKER_SECONDS)
        nothing_stuck = (self.oldest_pending_age_seconds is None
                         or self.oldest_pending_age_seconds <= settings.FRONTDOOR_HEALTH_PENDING_SECONDS)
        return worker_alive and nothing_stuck

    def as_dict(self) -> dict:
        return {"status": "ok" if self.healthy else "unhealthy",
                "worker_heartbeat_age_seconds": _rounded(self.heartbeat_age_seconds),
                "oldest_pending_message_age_seconds": _rounded(self.oldest_pending_age_seconds),
                "failed_messages": self.failed}


def _rounded(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds)


def _age(moment: datetime | None, now: datetime) -> float | None:
    return None if moment is None else max(0.0, (now - moment).total_seconds())


def outbox_health() -> OutboxHealth:
    now = timezone.now()
    beat = WorkerHeartbeat.objects.filter(name=WORKER_NAME).values_list("beat_at", flat=True).first()
    waiting = OutboxMessage.objects.filter(status__in=(OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING))
    oldest = waiting.aggregate(oldest=Min("created_at"))["oldest"]
    return OutboxHealth(heartbeat_age_seconds=_age(beat, now), oldest_pending_age_seconds=_age(oldest, now),
                        failed=OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED).count())
