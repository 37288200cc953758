from django.urls import path

from frontdoor.people import chronology_views, views

app_name = "people"
urlpatterns = [
    path("front-door/contacts/<uuid:contact_id>/children/<uuid:child_id>/find", views.find_child, name="find_child"),
    path("front-door/contacts/<uuid:contact_id>/children/<uuid:child_id>/link", views.link_child, name="link_child"),
    path("front-door/contacts/<uuid:contact_id>/children/<uuid:child_id>/unlink", views.unlink_child, name="unlink_child"),
    path("front-door/contacts/<uuid:contact_id>/children/<uuid:child_id>/new-person", views.create_person, name="create_person"),
    path("front-door/contacts/<uuid:contact_id>/family/<int:member_id>/add-to-index", views.add_family_member,
         name="add_family_member"),
    path("front-door/possible-duplicates", views.possible_duplicates, name="possible_duplicates"),
    path("front-door/possible-duplicates/<uuid:match_id>/merge", views.possible_duplicate_merge, name="possible_duplicate_merge"),
    path("front-door/possible-duplicates/<uuid:match_id>/dismiss", views.possible_duplicate_dismiss, name="possible_duplicate_dismiss"),
    path("front-door/people/search", views.person_find, name="find"),
    path("front-door/people/<uuid:person_id>", views.person, name="person"),
    path("front-door/people/<uuid:person_id>/details", views.person_details_change, name="person_details_change"),
    path("front-door/people/<uuid:person_id>/details-for-returns", views.person_census_details_change,
         name="person_census_details"),
    path("front-door/people/<uuid:person_id>/addresses/<int:residence_id>/moved-out", views.residence_moved_out,
         name="residence_moved_out"),
    path("front-door/people/<uuid:person_id>/merges", views.merges, name="merges"),
    path("front-door/people/<uuid:person_id>/chronology", chronology_views.chronology, name="chronology"),
    path("front-door/people/<uuid:person_id>/chronology.pdf", chronology_views.chronology_download,
         name="chronology_pdf"),
    path("front-door/people/<uuid:person_id>/restriction", views.person_restriction, name="restriction"),
    path("front-door/people/<uuid:person_id>/restriction/lift", views.person_restriction_lift, name="restriction_lift"),
    path("front-door/people/<uuid:person_id>/access-log", views.access_log, name="access_log"),
    path("front-door/merges/<uuid:merge_id>/undo", views.merge_undo, name="merge_undo"),
]
