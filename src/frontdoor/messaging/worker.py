"""The outbox worker's loop: it outlives any error (a locked or lost database, a provider outage),
logging the error's type and backing off, and says it is alive with a heartbeat for /healthz."""
import logging
import time
from collections.abc import Callable

from django.db import close_old_connections

from frontdoor.messaging.services import outbox_dispatch_pending, worker_heartbeat_record

logger = logging.getLogger("frontdoor.worker")
WORKER_NAME = "outbox"
MAX_BACKOFF_SECONDS = 300.0


def worker_tick(*, interval: float, failures: int, when_idle: Callable[[], None] = lambda: None) -> tuple[float, int]:
    """One round: send what is due (or do the idle work), then beat. Returns how long to sleep
    (none while messages are waiting) and how many rounds in a row have failed."""
    try:
        sent = outbox_dispatch_pending()
        if not sent:
            when_idle()
        worker_heartbeat_record(name=WORKER_NAME)
        return (0.0 if sent else interval), 0
    except Exception as error:  # noqa: BLE001  (the worker must outlive any error; the type is enough to act on)
        failures += 1
        delay = min(interval * 2 ** min(failures, 16), MAX_BACKOFF_SECONDS)
        logger.error("Outbox worker round failed (%s); trying again in %.0f s", type(error).__name__, delay)
        _beat_despite(error)
        return delay, failures


def _beat_despite(error: Exception) -> None:
    """The worker is alive but failing: say so, if the database lets us."""
    try:
        worker_heartbeat_record(name=WORKER_NAME, error=error)
    except Exception:  # noqa: BLE001
        pass


def run_worker_forever(*, interval: float, when_idle: Callable[[], None] = lambda: None) -> None:
    failures = 0
    while True:
        close_old_connections()  # a connection the database dropped is opened again, not reused
        delay, failures = worker_tick(interval=interval, failures=failures, when_idle=when_idle)
        time.sleep(delay)
