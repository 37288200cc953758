"""The outbox worker outlives any error and says it is alive; /healthz tells when it is not."""
from datetime import timedelta

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from frontdoor.messaging import worker
from frontdoor.messaging.models import OutboxMessage, WorkerHeartbeat
from frontdoor.messaging.services import MAX_ATTEMPTS, outbox_enqueue, outbox_retry
from frontdoor.messaging.worker import worker_tick
from tests import factories

pytestmark = pytest.mark.django_db


def _enqueue(key="k1"):
    return outbox_enqueue(kind="referral_outcome", idempotency_key=key, to_address="dsl@school.example",
                          subject="Subject", body="Body")


def test_a_database_error_does_not_stop_the_worker_and_the_next_round_sends(monkeypatch):
    _enqueue()
    real = worker.outbox_dispatch_pending

    def locked():
        raise OperationalError("database is locked")
    monkeypatch.setattr(worker, "outbox_dispatch_pending", locked)

    delay, failures = worker_tick(interval=2.0, failures=0)
    assert (delay, failures) == (4.0, 1)
    assert WorkerHeartbeat.objects.get().last_error == "OperationalError"
    delay, failures = worker_tick(interval=2.0, failures=failures)
    assert (delay, failures) == (8.0, 2)  # backs off, up to a cap

    monkeypatch.setattr(worker, "outbox_dispatch_pending", real)
    delay, failures = worker_tick(interval=2.0, failures=failures)
    assert (delay, failures) == (0.0, 0)
    assert len(mail.outbox) == 1 and OutboxMessage.objects.get().status == OutboxMessage.Status.SENT
    assert WorkerHeartbeat.objects.get().last_error == ""


def test_the_backoff_is_capped(monkeypatch):
    monkeypatch.setattr(worker, "outbox_dispatch_pending", lambda: 1 / 0)
    assert worker_tick(interval=2.0, failures=20) == (worker.MAX_BACKOFF_SECONDS, 21)


def test_an_idle_round_does_the_idle_work_and_sleeps_the_interval():
    done = []
    assert worker_tick(interval=2.0, failures=0, when_idle=lambda: done.append(True)) == (2.0, 0)
    assert done == [True]


def test_a_message_failing_every_attempt_is_dead_lettered_and_retried_once_by_a_person(settings):
    settings.EMAIL_BACKEND = "tests.messaging.failing_backend.FailingBackend"
    message = _enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(attempts=MAX_ATTEMPTS - 1)
    worker_tick(interval=2.0, failures=0)
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.FAILED

    admin = factories.user(role="administrator")
    assert outbox_retry(message_id=message.pk, user=admin) is True
    assert outbox_retry(message_id=message.pk, user=admin) is False  # a double click retries once
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    worker_tick(interval=2.0, failures=0)
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.SENT


def test_healthz_is_healthy_while_the_worker_beats_and_nothing_waits_too_long():
    worker_tick(interval=2.0, failures=0)
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_healthz_is_unhealthy_without_a_worker():
    response = Client().get("/healthz")
    assert response.status_code == 503 and response.json()["worker_heartbeat_age_seconds"] is None


def test_healthz_is_unhealthy_when_a_message_has_waited_too_long(settings):
    worker_tick(interval=2.0, failures=0)
    OutboxMessage.objects.filter(pk=_enqueue().pk).update(created_at=timezone.now() - timedelta(hours=1),
                                                          next_attempt_at=timezone.now() + timedelta(hours=1))
    body = Client().get("/healthz").json()
    assert body["status"] == "unhealthy" and body["oldest_pending_message_age_seconds"] >= 3600


def test_healthz_is_unhealthy_when_the_worker_stopped_beating():
    worker_tick(interval=2.0, failures=0)
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(minutes=10))
    assert Client().get("/healthz").status_code == 503
