from django.urls import path

from frontdoor.missing import views

app_name = "missing"
urlpatterns = [
    path("missing-children", views.worklist, name="worklist"),
    path("missing-children/import", views.import_file, name="import"),
    path("missing-children/imports/<uuid:batch_id>", views.batch, name="batch"),
    path("missing-children/episodes/<uuid:episode_id>", views.episode, name="episode"),
    path("missing-children/risk-plans/<uuid:person_id>", views.risk_plan, name="risk_plan"),
    path("missing-children/late-return-interviews", views.late_interviews, name="late_interviews"),
    path("education-list", views.education_list, name="education_list"),
    path("education-list/add", views.education_add, name="education_add"),
    path("education-list/<uuid:absence_id>", views.education_entry, name="education_entry"),
]
