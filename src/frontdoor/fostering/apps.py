from django.apps import AppConfig


class FosteringConfig(AppConfig):
    name = "frontdoor.fostering"
    label = "fostering"
    verbose_name = "Private fostering"
