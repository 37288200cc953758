"""Reads for the administration pages: users with their roles and agencies, and the agencies."""
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404

from frontdoor.agencies.models import Agency, Membership


def may_administer(user) -> bool:
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    return membership is not None and membership.role == Membership.Role.ADMINISTRATOR


def users_for_administration(*, user) -> QuerySet:
    """Every account with a role, by name; none for anyone but an administrator."""
    if not may_administer(user):
        return get_user_model().objects.none()
    return (get_user_model().objects.filter(membership__isnull=False).select_related("membership__agency")
            .order_by("last_name", "first_name", "pk"))


def user_for_administration_get(*, user, user_id: int):
    account = users_for_administration(user=user).filter(pk=user_id).first()
    if account is None:
        raise Http404
    return account


def agencies_for_administration(*, user) -> QuerySet[Agency]:
    if not may_administer(user):
        return Agency.objects.none()
    return Agency.objects.all().order_by("name", "pk")


def agency_for_administration_get(*, user, agency_id) -> Agency:
    agency = agencies_for_administration(user=user).filter(pk=agency_id).first()
    if agency is None:
        raise Http404
    return agency
