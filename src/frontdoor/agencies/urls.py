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
    path("password-reset/done", views.password_reset_complete, name="password_reset_complete"),
]
