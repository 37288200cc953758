from django.urls import path

from frontdoor.escalations import views

app_name = "escalations"
urlpatterns = [
    path("my-contacts/<uuid:contact_id>/disagree", views.disagree, name="disagree"),
    path("front-door/contacts/<uuid:contact_id>/non-engagement", views.non_engagement, name="non_engagement"),
    path("escalations", views.escalation_list, name="list"),
    path("escalations/figures", views.figures, name="figures"),
    path("escalations/figures.csv", views.figures_csv, name="figures_csv"),
    path("escalations/<uuid:escalation_id>", views.escalation, name="escalation"),
]
