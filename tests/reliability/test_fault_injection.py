"""A database error in the middle of a write leaves nothing half-written (issue 11, item 8)."""
from datetime import timedelta

import pytest
from django.core import mail
from django.db import OperationalError
from django.utils import timezone

from frontdoor.decisions.models import Decision, OutcomeLetter
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import Contact, ContactChild
from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.services import CLAIM_SECONDS, outbox_dispatch_pending, outbox_enqueue
from frontdoor.people.models import Person, PersonMerge
from frontdoor.people.services import contact_child_link, person_merge
from frontdoor.triage.imports import CHUNK_ROWS, notifications_import_file
from frontdoor.triage.models import ImportBatch, NotificationChild, PoliceNotification
from tests import factories
from tests.reliability.faults import database_fails_on
from tests.triage.records import jsonl, record

pytestmark = pytest.mark.django_db

NOTIFICATION_INSERT = 'INSERT INTO "triage_policenotification"'


def _file(rows: int) -> str:
    return jsonl(*(record(f"FI-{n:05d}", victim={**record()["victim"], "given_name": f"Victim{n}"}) for n in range(rows)))


def _people_without_a_notification() -> int:
    linked = set(PoliceNotification.objects.values_list("victim_id", flat=True))
    linked |= set(PoliceNotification.objects.values_list("perpetrator_id", flat=True))
    linked |= set(NotificationChild.objects.values_list("person_id", flat=True))
    return Person.objects.exclude(pk__in=linked).count()


def _database_lost_at_the_second_chunk():
    return database_fails_on(NOTIFICATION_INSERT, with_value=f"FI-{CHUNK_ROWS:05d}", then_keeps_failing=True)


def test_an_import_that_loses_the_database_in_its_second_chunk_keeps_the_first_whole():
    with _database_lost_at_the_second_chunk(), pytest.raises(OperationalError):
        notifications_import_file(text=_file(CHUNK_ROWS + 50), file_format="jsonl", source="fault test")

    assert PoliceNotification.objects.count() == CHUNK_ROWS
    assert NotificationChild.objects.count() == CHUNK_ROWS  # one child each, none without its notification
    assert _people_without_a_notification() == 0


def test_an_import_resumes_without_duplicates_after_the_fault():
    text = _file(CHUNK_ROWS + 50)
    with _database_lost_at_the_second_chunk(), pytest.raises(OperationalError):
        notifications_import_file(text=text, file_format="jsonl", source="fault test")

    result = notifications_import_file(text=text, file_format="jsonl", source="fault test, again")

    assert (result.batch.stored, result.batch.duplicates) == (50, CHUNK_ROWS)
    assert PoliceNotification.objects.count() == CHUNK_ROWS + 50
    assert _people_without_a_notification() == 0
    assert ImportBatch.objects.count() >= 1


def _decision_awaiting_authorisation():
    practitioner = factories.user(role="practitioner")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency)
    contact = factories.contact()
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=3,
                               outcome_codes=["L3.2"], rationale="Needs an assessment.",
                               social_worker_name="Sam Patel", unidentified_reason="Child not yet in the person index")
    return manager, decision


@pytest.mark.parametrize("failing_statement", ['INSERT INTO "decisions_outcomeletter"',
                                               'INSERT INTO "messaging_outboxmessage"',
                                               'INSERT INTO "governance_accesslogentry"'])
def test_an_authorisation_that_fails_midway_leaves_the_decision_waiting_and_no_letter(failing_statement):
    manager, decision = _decision_awaiting_authorisation()
    queued_before = OutboxMessage.objects.count()

    with database_fails_on(failing_statement), pytest.raises(OperationalError):
        decision_authorise(manager=manager, decision=decision, version=decision.version)

    decision.refresh_from_db()
    assert decision.status == Decision.Status.AWAITING_AUTHORISATION and decision.authorised_at is None
    assert Contact.objects.get(pk=decision.contact_id).status == Contact.Status.AWAITING_AUTHORISATION
    assert not OutcomeLetter.objects.exists()
    assert OutboxMessage.objects.count() == queued_before
    decision_authorise(manager=manager, decision=decision, version=decision.version)  # and it can be done again
    assert OutcomeLetter.objects.count() == 1


def test_a_merge_that_fails_midway_moves_nothing():
    practitioner = factories.user(role="practitioner")
    survivor = factories.person()
    duplicate = factories.person(given_name="Rubie")
    contact = factories.contact()
    contact_child_link(user=practitioner, contact_child=ContactChild.objects.get(contact=contact), person=duplicate)

    with database_fails_on('INSERT INTO "people_personmerge"'), pytest.raises(OperationalError):
        person_merge(user=practitioner, survivor=survivor, merged=duplicate, reason="Same child, name misspelt")

    duplicate.refresh_from_db()
    assert duplicate.merged_into_id is None
    assert ContactChild.objects.get(contact=contact).person_id == duplicate.pk
    assert not PersonMerge.objects.exists()


OUTBOX_UPDATE = 'UPDATE "messaging_outboxmessage"'


# The worker runs without an outer transaction (autocommit), as production does.
@pytest.mark.django_db(transaction=True)
def test_a_message_sent_when_the_database_is_lost_stays_claimed_then_is_sent_again_not_dropped():
    message = outbox_enqueue(kind="test", idempotency_key="fault-1", to_address="dsl@school.example",
                             subject="Subject", body="Body")
    # The first update claims the message; the second, after the provider took it, records it sent.
    with database_fails_on(OUTBOX_UPDATE, occurrence=2), pytest.raises(OperationalError):
        outbox_dispatch_pending()

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENDING and message.sent_at is None
    assert outbox_dispatch_pending() == 0  # claimed: no second worker sends it meanwhile

    assert outbox_dispatch_pending(now=timezone.now() + timedelta(seconds=CLAIM_SECONDS + 1)) == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT and OutboxMessage.objects.count() == 1
    assert len(mail.outbox) == 2  # sent at least once: the provider's first copy could not be recorded
