import pytest

from frontdoor.demo.outbox import load_demo_outbox
from frontdoor.intake.models import Contact
from frontdoor.messaging.models import OutboxMessage
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_demo_outbox_has_outcome_letters_and_one_failed_to_retry():
    authorised = [factories.contact() for _ in range(2)]
    waiting = factories.contact()
    Contact.objects.filter(pk__in=[c.pk for c in authorised]).update(status=Contact.Status.AUTHORISED)
    OutboxMessage.objects.all().delete()  # the acknowledgements the contacts sent

    messages = load_demo_outbox()

    assert {m.about_id for m in messages} == {str(c.pk) for c in authorised}
    assert str(waiting.pk) not in {m.about_id for m in messages}
    statuses = sorted(OutboxMessage.objects.values_list("status", flat=True))
    assert statuses == [OutboxMessage.Status.FAILED, OutboxMessage.Status.PENDING]
    assert load_demo_outbox() and OutboxMessage.objects.count() == 2  # loading twice stores each letter once
