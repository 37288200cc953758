"""Writes of the API's own records: partner systems' tokens."""
from django.utils import timezone

from frontdoor.api.models import ApiToken


def api_token_issue(*, user, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for a user with a role, and the token itself (shown once; only its hash is kept)."""
    token = ApiToken.issue(user=user, name=name, days=days)
    return ApiToken.objects.select_related("agency").get(token_hash=ApiToken.hash(token)), token


def api_token_revoke(*, token_id: int) -> ApiToken | None:
    """Stop a token working at once; revoking it again keeps the first time. None for an unknown id."""
    ApiToken.objects.filter(pk=token_id, revoked_at__isnull=True).update(revoked_at=timezone.now())
    return ApiToken.objects.filter(pk=token_id).first()
