from django.urls import path

from frontdoor.agencies import views

app_name = "agencies"
urlpatterns = [
    path("sign-in/code", views.second_factor, name="second_factor"),
    path("account/password", views.password_change, name="password_change"),
    path("account/password/changed", views.password_change_done, name="password_change_done"),
    path("password-reset", views.password_reset, name="password_reset"),
    path("password-reset/sent", views.password_reset_sent, name="password_reset_sent"),
    path("password-reset/<uidb64>/<token>", views.password_reset_confirm, name="password_reset_confirm"),
    path("administration/users", views.administration_users, name="administration_users"),
    path("administration/users/new", views.administration_user_new, name="administration_user_new"),
    path("administration/users/<int:user_id>", views.administration_user, name="administration_user"),
    path("administration/users/<int:user_id>/active", views.administration_user_active,
         name="administration_user_active"),
    path("administration/agencies", views.administration_agencies, name="administration_agencies"),
    path("administration/agencies/new", views.administration_agency_new, name="administration_agency_new"),
    path("administration/agencies/<uuid:agency_id>", views.administration_agency, name="administration_agency"),
    path("administration/agencies/<uuid:agency_id>/active", views.administration_agency_active,
         name="administration_agency_active"),
    path("password-reset/done", views.password_reset_complete, name="password_reset_complete"),
]
