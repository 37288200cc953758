"""How long a sign-in lasts, and the second factor before anything else."""
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect

SIGNED_IN_AT = "frontdoor_signed_in_at"
# Reachable before the second factor: signing in and out, resetting a password, files, the API (tokens).
BEFORE_SECOND_FACTOR = ("/sign-in", "/sign-out", "/password-reset", "/static/", "/assets/", "/healthz", "/api/")


@receiver(user_logged_in)
def _remember_sign_in_time(sender, request, user, **kwargs):
    request.session[SIGNED_IN_AT] = time.time()


class SessionLimitsMiddleware:
    """Ends a session 8 hours after sign-in (the idle timeout is the session cookie's age), then
    sends a signed-in user who has not yet given their code to the second-factor page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            if self._too_old(request):
                logout(request)
                messages.info(request, "You were signed out because you signed in more than 8 hours ago. Sign in again.")
                return redirect(settings.LOGIN_URL)
            if self._needs_second_factor(request):
                return redirect("agencies:second_factor")
        return self.get_response(request)

    @staticmethod
    def _too_old(request) -> bool:
        signed_in_at = request.session.setdefault(SIGNED_IN_AT, time.time())
        return time.time() - signed_in_at > settings.FRONTDOOR_SESSION_MAX_SECONDS

    @staticmethod
    def _needs_second_factor(request) -> bool:
        return (settings.FRONTDOOR_SECOND_FACTOR and not request.user.is_verified()
                and not request.path.startswith(BEFORE_SECOND_FACTOR))
