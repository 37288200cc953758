from django.urls import path

from frontdoor.people import views

app_name = "people"
urlpatterns = [
    path("front-door/contacts/<uuid:contact_id>/children/<uuid:child_id>/find", views.find_child, name="find_child"),
    path("front-door/contacts/<uuid:contact_id>/children/<uuid:child_id>/link", views.link_child, name="link_child"),
    path("front-door/contacts/<uuid:contact_id>/children/<uuid:child_id>/unlink", views.unlink_child, name="unlink_child"),
    path("front-door/contacts/<uuid:contact_id>/children/<uuid:child_id>/new-person", views.create_person, name="create_person"),
]
