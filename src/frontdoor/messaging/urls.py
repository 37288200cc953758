from django.urls import path

from frontdoor.messaging import views

app_name = "messaging"
urlpatterns = [
    path("admin/outbox", views.outbox, name="outbox"),
    path("admin/outbox/<uuid:message_id>/retry", views.retry, name="retry"),
]
