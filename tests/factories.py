"""Small builders for tests: real rows made through the same services the pages use."""
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.intake import services as intake_services
from frontdoor.intake.models import Contact, ContactChild
from frontdoor.people.models import Address, Person, Residence

PASSWORD = "correct-horse-battery"


def agency(*, kind=Agency.Kind.SCHOOL, name=None, urn="") -> Agency:
    return Agency.objects.create(kind=kind, name=name or f"Test {kind} {Agency.objects.count() + 1}", urn=urn)


def user(*, role=Membership.Role.REFERRER, agency_=None, email=None, first="Test", last="User") -> User:
    agency_ = agency_ or agency(kind=Agency.Kind.LOCAL_AUTHORITY if role != Membership.Role.REFERRER else Agency.Kind.SCHOOL)
    email = email or f"{role}{User.objects.count() + 1}@example.test"
    account = User.objects.create_user(username=email, email=email, password=PASSWORD, first_name=first, last_name=last)
    Membership.objects.create(user=account, agency=agency_, role=role, job_title="Designated safeguarding lead",
                              phone="01905 123456")
    return account


def child_draft(**overrides) -> intake_services.ChildDraft:
    fields = {"given_name": "Ruby", "family_name": "Hartley", "date_of_birth": date(2017, 3, 14),
              "address": "12 Orchard Way, Fictionton", "postcode": "FD1 2AB", "school_name": "Oakfield Primary"}
    return intake_services.ChildDraft(**{**fields, **overrides})


def contact_draft(*, agency_: Agency, **overrides) -> intake_services.ContactDraft:
    fields = {
        "referrer_agency_id": str(agency_.pk),
        "referrer_name": "Chris Taylor",
        "referrer_role": "Designated safeguarding lead",
        "referrer_phone": "01905 123456",
        "referrer_email": "chris.taylor@school.example",
        "immediate_answers": {"immediate_1": False, "immediate_2": False, "immediate_3": False},
        "welfare_concern": True,
        "early_help_advice": False,
        "concern_now": (
            "This morning at 08:45 Ruby told her class teacher that her mum's boyfriend shouted at her mum last "
            "night and threw a plate, and that she hid under her bed. Ruby was tired and tearful in class and "
            "said she did not want to go home today."
        ),
        "concern_past": "In September Ruby said that there had been shouting at home; mum said it was a one-off.",
        "agency_actions": "The class teacher has spoken to Ruby and recorded her words. We have not spoken to mum yet.",
        "consent": "not_sought",
        "consent_reason": "Asking would put a child at risk of harm",
        "children": (child_draft(),),
    }
    return intake_services.ContactDraft(**{**fields, **overrides})


def contact(*, submitted_by=None, agency_=None, **overrides):
    submitted_by = submitted_by or user()
    agency_ = agency_ or submitted_by.membership.agency
    return intake_services.contact_submit(submitted_by=submitted_by, draft=contact_draft(agency_=agency_, **overrides))


def public_contact(*, caller_source: str, submitted_by=None, **overrides):
    """A call from a member of the public (1A-1D) or an anonymous caller (9), taken by Front Door staff."""
    caller = {"referrer_name": "Maureen Hartley", "referrer_role": "", "referrer_phone": "07700 900982",
              "referrer_email": "maureen@example.org"}
    if caller_source == Contact.CallerSource.ANONYMOUS:
        caller = dict.fromkeys(caller, "")
    return contact(submitted_by=submitted_by or user(role=Membership.Role.PRACTITIONER), channel=Contact.Channel.PHONE,
                   caller_source=caller_source, referrer_agency_id=None, **{**caller, **overrides})


def person(*, given_name="Ruby", family_name="Hartley", date_of_birth=date(2017, 3, 14), postcode="FD1 2AB",
           nhs_number="") -> Person:
    p = Person.objects.create(kind=Person.Kind.CHILD, given_name=given_name, family_name=family_name,
                              date_of_birth=date_of_birth, sex=Person.Sex.FEMALE, nhs_number=nhs_number)
    Residence.objects.create(person=p, address=Address.objects.create(line1="12 Orchard Way", postcode=postcode))
    return p


def many_contacts(*, count: int, agency_: Agency | None = None, status=Contact.Status.NEW) -> list[Contact]:
    """Contacts made in bulk (not through the service) for list pages: each names one child, and each is due a
    minute after the one before, so the queue's order is the order made."""
    agency_ = agency_ or agency()
    now = timezone.now()
    contacts = Contact.objects.bulk_create(
        Contact(referrer_agency=agency_, referrer_name="Chris Taylor", concern_now="Ruby said she was hit.",
                consent=Contact.Consent.GIVEN, status=status, received_at=now - timedelta(minutes=count - i),
                decision_due_at=now + timedelta(minutes=i))
        for i in range(count)
    )
    ContactChild.objects.bulk_create(ContactChild(contact=c, given_name="Ruby", family_name=f"Child{i}")
                                     for i, c in enumerate(contacts))
    return contacts
