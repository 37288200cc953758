from django.urls import path

from frontdoor.lado import views

app_name = "lado"
urlpatterns = [
    path("lado", views.worklist, name="worklist"),
    path("lado/figures.csv", views.figures_csv, name="figures_csv"),
    path("lado/refer", views.refer, name="refer"),
    path("lado/my-referrals", views.my_referrals, name="my_referrals"),
    path("lado/my-referrals/<uuid:referral_id>", views.referral_status, name="referral_status"),
    path("lado/referrals/<uuid:referral_id>", views.referral, name="referral"),
]
