from django.urls import path

from frontdoor.casework import views

app_name = "casework"
urlpatterns = [
    path("social-care/my-cases", views.my_cases, name="my_cases"),
    path("social-care/team", views.team_cases, name="team"),
    path("social-care/conferences", views.conferences, name="conferences"),
    path("social-care/episodes/<uuid:episode_id>", views.episode_detail, name="episode"),
    path("social-care/episodes/<uuid:episode_id>/allocate", views.episode_allocate, name="allocate"),
    path("social-care/episodes/<uuid:episode_id>/assessment", views.assessment_submit, name="assessment_submit"),
    path("social-care/episodes/<uuid:episode_id>/assessment/authorise", views.assessment_authorise,
         name="assessment_authorise"),
    path("social-care/episodes/<uuid:episode_id>/strategy-discussion", views.strategy_discussion_record,
         name="strategy_discussion"),
    path("social-care/episodes/<uuid:episode_id>/section-47/<uuid:step_id>", views.section_47_record,
         name="section_47"),
    path("social-care/episodes/<uuid:episode_id>/section-47/<uuid:step_id>/emergency-protection",
         views.emergency_protection_record, name="emergency_protection"),
    path("social-care/episodes/<uuid:episode_id>/initial-conference/<uuid:step_id>", views.initial_conference_record,
         name="initial_conference"),
    path("social-care/episodes/<uuid:episode_id>/review-conference/<uuid:step_id>", views.review_conference_record,
         name="review_conference"),
    path("social-care/episodes/<uuid:episode_id>/child-protection-plan/<uuid:plan_id>", views.cp_plan,
         name="cp_plan"),
    path("social-care/episodes/<uuid:episode_id>/child-protection-plan/<uuid:plan_id>/<slug:action>",
         views.cp_plan_record, name="cp_plan_record"),
    path("social-care/episodes/<uuid:episode_id>/close", views.episode_close, name="episode_close"),
    path("social-care/episodes/<uuid:episode_id>/cin-plan", views.cin_plan_start, name="cin_plan_start"),
    path("social-care/episodes/<uuid:episode_id>/cin-plan/<uuid:plan_id>/review", views.cin_plan_review,
         name="cin_plan_review"),
    path("social-care/episodes/<uuid:episode_id>/cin-plan/<uuid:plan_id>/end", views.cin_plan_end,
         name="cin_plan_end"),
    path("early-help/my-families", views.my_families, name="my_families"),
    path("early-help/offers/<uuid:offer_id>", views.early_help_offer, name="early_help_offer"),
    path("early-help/offers/<uuid:offer_id>/<slug:action>", views.early_help_record, name="early_help_record"),
]
