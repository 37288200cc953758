from django.urls import path

from frontdoor.governance import views

app_name = "governance"
urlpatterns = [
    path("people/<uuid:person_id>/subject-access", views.subject_access, name="subject_access"),
    path("people/<uuid:person_id>/legal-holds", views.person_legal_holds, name="person_legal_holds"),
    path("people/<uuid:person_id>/legal-holds/<uuid:hold_id>/lift", views.legal_hold_lift_view, name="legal_hold_lift"),
    path("retention", views.retention, name="retention"),
]
