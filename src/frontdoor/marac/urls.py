from django.urls import path

from frontdoor.marac import views

app_name = "marac"
urlpatterns = [
    path("marac", views.meetings, name="meetings"),
    path("marac/shared", views.shared, name="shared"),
    path("marac/refer", views.refer, name="refer"),
    path("marac/my-referrals", views.my_referrals, name="my_referrals"),
    path("marac/meetings/<uuid:meeting_id>", views.meeting, name="meeting"),
    path("marac/meetings/<uuid:meeting_id>/add-case", views.case_add, name="case_add"),
]
