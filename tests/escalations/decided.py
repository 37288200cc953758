"""A contact from a school whose Level 2 decision is authorised: what a referrer can disagree with."""
from frontdoor.decisions.services import decision_authorise, decision_record
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import contact_child_link
from tests import factories


def decided_contact(*, referrer=None, level=2, codes=("L2.2",)):
    referrer = referrer or factories.user(role="referrer", first="Chris", last="Taylor")
    practitioner = factories.user(role="practitioner")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency)
    contact = factories.contact(submitted_by=referrer)
    contact_child_link(user=practitioner, contact_child=ContactChild.objects.get(contact=contact),
                       person=factories.person())
    contact.refresh_from_db()
    decision = decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=level,
                               outcome_codes=list(codes), rationale="Needs support.", social_worker_name="Sam Patel")
    decision_authorise(manager=manager, decision=decision, version=decision.version)
    return contact, referrer, practitioner, manager
