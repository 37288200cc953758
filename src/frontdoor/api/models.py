import hashlib
import secrets

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A partner system's token. Only its SHA-256 is stored; the token is shown once when made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, *, user, name: str) -> str:
        token = secrets.token_urlsafe(32)
        cls.objects.create(user=user, name=name, token_hash=cls.hash(token))
        return token
