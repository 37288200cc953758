"""Domestic-abuse triage pages. The ISCO's import and grading pages, the meeting, and the schools' pages
live in separate view modules so each journey reads on its own."""
from django.urls import include, path

app_name = "triage"
urlpatterns = [
    path("", include("frontdoor.triage.views_isco")),
    path("", include("frontdoor.triage.views_meeting")),
    path("", include("frontdoor.triage.views_school")),
]
