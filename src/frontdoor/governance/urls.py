from django.urls import path

from frontdoor.governance import views

app_name = "governance"
urlpatterns = [
    path("people/<uuid:person_id>/subject-access", views.subject_access, name="subject_access"),
]
