from django.urls import path

from frontdoor.fostering import views

app_name = "fostering"
urlpatterns = [
    path("private-fostering", views.worklist, name="worklist"),
    path("private-fostering/notify", views.notify, name="notify"),
    path("private-fostering/arrangements.csv", views.arrangements_csv, name="arrangements_csv"),
    path("private-fostering/figures.csv", views.figures_csv, name="figures_csv"),
    path("private-fostering/arrangements/<uuid:arrangement_id>", views.arrangement, name="arrangement"),
]
