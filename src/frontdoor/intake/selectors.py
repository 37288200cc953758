from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404

from frontdoor.agencies.models import Membership
from frontdoor.governance.services import access_log_record
from frontdoor.intake.models import AdviceRequest, Contact, ContactChild
from frontdoor.people.restrictions import persons_hidden_from, refused_attempts_record


def contacts_visible_to(*, user, through_api: bool = False) -> QuerySet[Contact]:
    """The one place that says which contacts a user may see.

    Front Door practitioners and managers see every contact; a referrer sees their own agency's
    contacts; everyone else sees none. A referrer agency's partner system (`through_api`) sees only
    what the agency submitted, through the concern form or the API: not the Front Door's own record
    of a phone call or email from one of its people. A contact naming a restricted child is seen
    only by the people the restriction names (people/restrictions.py).
    """
    return _contacts_by_role(user=user, through_api=through_api).exclude(
        children__person__in=persons_hidden_from(user=user))


def _contacts_by_role(*, user, through_api: bool) -> QuerySet[Contact]:
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None:
        return Contact.objects.none()
    if membership.is_front_door:
        return Contact.objects.all()
    if membership.role == Membership.Role.REFERRER:
        agencys = Contact.objects.filter(referrer_agency_id=membership.agency_id)
        return agencys.filter(channel=Contact.Channel.ONLINE) if through_api else agencys
    return Contact.objects.none()


def contact_get_for(*, user, contact_id, reason: str, through_api: bool = False) -> Contact:
    """The contact if this user may see it, otherwise 404 whether or not it exists; logs the view."""
    contact = (
        contacts_visible_to(user=user, through_api=through_api)
        .select_related("referrer_agency", "submitted_by", "assigned_to")
        .filter(pk=contact_id)
        .first()
    )
    if contact is None:
        refused_attempts_record(user=user, person_ids=ContactChild.objects.filter(contact_id=contact_id)
                                .exclude(person=None).values_list("person_id", flat=True), reason=reason)
        raise Http404
    access_log_record(user=user, target=contact, reason=reason)
    return contact


OPEN_STATUSES = (
    Contact.Status.NEW,
    Contact.Status.IN_PROGRESS,
    Contact.Status.RETURNED,
    Contact.Status.AWAITING_AUTHORISATION,
)


def contact_queue(*, user) -> QuerySet[Contact]:
    """Contacts awaiting a decision: urgent first, then the least time left on the one-working-day clock."""
    return (
        contacts_visible_to(user=user)
        .filter(status__in=OPEN_STATUSES)
        .select_related("referrer_agency", "assigned_to")
        .prefetch_related("children")
        .order_by("-is_urgent", "decision_due_at")
    )


def contact_queue_filtered(*, user, now, text: str = "", urgent: bool = False, status: str = "",
                           level: int | None = None, agency_kind: str = "", overdue: bool = False,
                           assignee=None) -> QuerySet[Contact]:
    """The queue narrowed by a search (the child's name, the reference, the referrer or their agency) and filters.

    `overdue` is against the one-working-day clock the queue shows: the decision was due before `now`.
    """
    contacts = contact_queue(user=user)
    for word in text.split():
        contacts = contacts.filter(
            Q(reference__icontains=word) | Q(referrer_name__icontains=word) | Q(referrer_agency__name__icontains=word)
            | Q(children__given_name__icontains=word) | Q(children__family_name__icontains=word)
        )
    if urgent:
        contacts = contacts.filter(is_urgent=True)
    if status:
        contacts = contacts.filter(status=status)
    if level is not None:
        contacts = contacts.filter(decision__level=level)
    if agency_kind:
        contacts = contacts.filter(referrer_agency__kind=agency_kind)
    if overdue:
        contacts = contacts.filter(decision_due_at__lt=now)
    if assignee is not None:
        contacts = contacts.filter(assigned_to=assignee)
    return contacts.distinct()


def contact_assignees(*, user) -> QuerySet:
    """The colleagues a contact can be given to: Front Door practitioners and managers of the user's agency."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None or not membership.is_front_door:
        return get_user_model().objects.none()
    return (
        get_user_model().objects.filter(
            is_active=True, membership__agency_id=membership.agency_id,
            membership__role__in=(Membership.Role.PRACTITIONER, Membership.Role.MANAGER),
        ).order_by("first_name", "last_name", "pk")
    )


def person_contacts(*, user, person) -> list[ContactChild]:
    """Every contact naming this person that the user may see, newest first, each with its referrer
    agency and decision (for the person's page: one query however many there are)."""
    return list(
        ContactChild.objects.filter(person=person, contact__in=contacts_visible_to(user=user))
        .select_related("contact", "contact__referrer_agency", "contact__decision")
        .order_by("-contact__received_at")
    )


def records_naming(*, person) -> dict[str, list]:
    """The contacts naming this person, by id, for their access log."""
    return {Contact._meta.label_lower: list(ContactChild.objects.filter(person=person).values_list("contact_id", flat=True))}


ADVICE_ROLES = (Membership.Role.EARLY_HELP_LEAD,)


def advice_requests_visible_to(*, user) -> QuerySet[AdviceRequest]:
    """Question 5's requests for early help advice: the community social workers' (early help leads') list,
    and Front Door staff's beside the contact. Nobody else sees them."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None or not (membership.is_front_door or membership.role in ADVICE_ROLES):
        return AdviceRequest.objects.none()
    return AdviceRequest.objects.select_related("contact", "contact__referrer_agency", "replied_by")


def advice_list(*, user) -> QuerySet[AdviceRequest]:
    """Waiting first ("open" sorts before "replied"), oldest first."""
    return advice_requests_visible_to(user=user).order_by("status", "created_at").prefetch_related("contact__children")


def advice_request_get_for(*, user, advice_id, reason: str) -> AdviceRequest:
    """The request if this user may see it, otherwise 404 whether or not it exists; logs the view of its contact."""
    advice = advice_requests_visible_to(user=user).filter(pk=advice_id).first()
    if advice is None:
        raise Http404
    access_log_record(user=user, target=advice.contact, reason=reason)
    return advice
