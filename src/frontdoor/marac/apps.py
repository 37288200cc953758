from django.apps import AppConfig


class MaracConfig(AppConfig):
    name = "frontdoor.marac"
    label = "marac"
    verbose_name = "MARAC meetings"
