from django.urls import path

from frontdoor.missing import views

app_name = "missing"
urlpatterns = [
    path("missing-children", views.worklist, name="worklist"),
    path("missing-children/import", views.import_file, name="import"),
    path("missing-children/imports/<uuid:batch_id>", views.batch, name="batch"),
    path("missing-children/episodes/<uuid:episode_id>", views.episode, name="episode"),
]
