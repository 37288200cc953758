import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


def token_expiry(days: int | None = None) -> datetime:
    return timezone.now() + timedelta(days=settings.FRONTDOOR_API_TOKEN_DAYS if days is None else days)


class ApiToken(models.Model):
    """A partner system's token. Only its SHA-256 is stored; the token is shown once when made.

    Its scope is the agency its user belonged to when it was issued: it acts for that agency only,
    and stops working if the user moves to another. It also stops at `expires_at` or once revoked.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    agency = models.ForeignKey("agencies.Agency", null=True, on_delete=models.PROTECT, related_name="+",
                               help_text="The token's scope: the agency it acts for")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=token_expiry)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, *, user, name: str, days: int | None = None) -> str:
        """A new token for the user, scoped to their agency, expiring in `days` (default FRONTDOOR_API_TOKEN_DAYS)."""
        token = secrets.token_urlsafe(32)
        cls.objects.create(user=user, agency_id=user.membership.agency_id, name=name, token_hash=cls.hash(token),
                           expires_at=token_expiry(days))
        return token

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= timezone.now() else "active"
