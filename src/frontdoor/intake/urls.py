from django.urls import path

from frontdoor.intake import views

app_name = "intake"
urlpatterns = [
    path("concern/start", views.concern_start, name="start"),
    path("concern/urgent", views.concern_urgent, name="urgent"),
    path("concern/details", views.concern_details, name="details"),
    path("concern/check", views.concern_check, name="check"),
    path("concern/sent", views.concern_submitted, name="submitted"),
    path("my-contacts", views.my_contacts, name="my_contacts"),
    path("my-contacts/<uuid:contact_id>", views.my_contact_detail, name="my_contact"),
    path("front-door/queue", views.queue, name="queue"),
    path("front-door/record-contact", views.record_contact, name="record_contact"),
    path("front-door/contacts/<uuid:contact_id>", views.contact_detail, name="contact"),
    path("front-door/contacts/<uuid:contact_id>/assign", views.contact_assign, name="assign"),
    path("early-help/advice", views.advice_requests, name="advice_requests"),
    path("early-help/advice/<uuid:advice_id>", views.advice_request, name="advice_request"),
]
