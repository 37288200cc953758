from django.urls import path

from frontdoor.decisions import views

app_name = "decisions"
urlpatterns = [
    path("front-door/contacts/<uuid:contact_id>/decide", views.decide, name="decide"),
    path("front-door/contacts/<uuid:contact_id>/authorise", views.authorise, name="authorise"),
    path("front-door/contacts/<uuid:contact_id>/return", views.return_decision, name="return"),
    path("front-door/authorisations", views.authorisations, name="authorisations"),
    path("contacts/<uuid:contact_id>/outcome-letter.pdf", views.letter_pdf, name="letter"),
]
