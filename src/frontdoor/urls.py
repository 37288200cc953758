from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import include, path

from frontdoor.agencies import views as agencies_views
from frontdoor.messaging.selectors import outbox_health


def healthz(request):
    """Healthy while the outbox worker goes round its loop and nothing waits too long to be sent."""
    health = outbox_health()
    return JsonResponse(health.as_dict(), status=200 if health.healthy else 503)


def home(request):
    return render(request, "home.html", {"front_door_phone": settings.FRONTDOOR_AREA["front_door_phone"]})


urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz),
    path("sign-in", agencies_views.sign_in, name="login"),
    path("sign-out", agencies_views.sign_out, name="sign_out"),
    path("", include("frontdoor.agencies.urls")),
    path("", include("frontdoor.intake.urls")),
    path("", include("frontdoor.decisions.urls")),
    path("", include("frontdoor.people.urls")),
    path("", include("frontdoor.messaging.urls")),
    path("", include("frontdoor.triage.urls")),
    path("", include("frontdoor.reporting.urls")),
    path("", include("frontdoor.casework.urls")),
    path("", include("frontdoor.missing.urls")),
    path("", include("frontdoor.lado.urls")),
    path("", include("frontdoor.exploitation.urls")),
    path("", include("frontdoor.marac.urls")),
    path("", include("frontdoor.fostering.urls")),
    path("", include("frontdoor.escalations.urls")),
    path("governance/", include("frontdoor.governance.urls")),
    path("api/v1/", include("frontdoor.api.urls")),
]
