"""Calls from the public and requests for early help advice in the demo (issue 13 items 3 and 5).

A few contacts not yet decided become calls from a grandparent, a neighbour, the child, another member
of the public or an anonymous caller, as Front Door staff record them; each contact whose referrer
answered yes to question 5 waits on the community social worker's list, one already answered.
"""
from django.db.models import F
from django.utils import timezone

from frontdoor.intake.models import AdviceRequest, Contact
from frontdoor.intake.services import contact_quality_flags

PUBLIC_CALLERS = (
    (Contact.CallerSource.FAMILY, "Maureen Hartley", "07700 900123"),
    (Contact.CallerSource.ACQUAINTANCE, "Dev Shah", "07700 900456"),
    (Contact.CallerSource.SELF, "A young person (first name given)", ""),
    (Contact.CallerSource.OTHER_INDIVIDUAL, "Pat Green", "07700 900789"),
    (Contact.CallerSource.ANONYMOUS, "", ""),
)


def load_demo_public_callers() -> None:
    undecided = Contact.objects.filter(status=Contact.Status.NEW, early_help_advice=False).order_by("received_at")
    for contact, (source, name, phone) in zip(undecided, PUBLIC_CALLERS):
        Contact.objects.filter(pk=contact.pk).update(
            caller_source=source, referrer_agency=None, submitted_by=None, channel=Contact.Channel.PHONE,
            referrer_name=name, referrer_role="", referrer_phone=phone, referrer_email="",
            agency_actions="", version=F("version") + 1)
        contact.refresh_from_db()
        Contact.objects.filter(pk=contact.pk).update(quality_flags=contact_quality_flags(contact=contact))


def load_demo_advice_requests(*, adviser) -> None:
    asked = Contact.objects.filter(early_help_advice=True).order_by("received_at")
    requests = AdviceRequest.objects.bulk_create(AdviceRequest(contact=contact) for contact in asked)
    if requests:
        AdviceRequest.objects.filter(pk=requests[0].pk).update(
            status=AdviceRequest.Status.REPLIED, replied_by=adviser, replied_at=timezone.now(),
            reply="The family could be offered an Early Help Assessment: the school's family support worker can "
                  "lead it, with the school nurse. Ask mum first; she is more likely to agree if you explain it "
                  "is support, not social care.")
