from django.urls import path

from frontdoor.reporting import partnership_views, views

app_name = "reporting"
urlpatterns = [
    path("figures/domestic-abuse", views.domestic_abuse, name="domestic_abuse"),
    path("figures/domestic-abuse.csv", views.domestic_abuse_csv, name="domestic_abuse_csv"),
    path("figures/front-door", views.front_door, name="front_door"),
    path("figures/front-door.csv", views.front_door_csv, name="front_door_csv"),
    path("figures/partnership", partnership_views.figures_page, name="partnership"),
    path("figures/partnership.csv", partnership_views.figures_csv, name="partnership_csv"),
    path("figures/partnership.xlsx", partnership_views.figures_xlsx, name="partnership_xlsx"),
    path("figures/partnership/children", partnership_views.figure_children, name="partnership_children"),
    path("reporting/annex-a", views.annex_a, name="annex_a"),
    path("reporting/annex-a.xlsx", views.annex_a_xlsx, name="annex_a_xlsx"),
    path("reporting/annex-a-csv.zip", views.annex_a_csv_zip, name="annex_a_csv_zip"),
    path("reporting/cin-census", views.cin_census, name="cin_census"),
    path("reporting/cin-census.xml", views.cin_census_xml, name="cin_census_xml"),
]
