from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "frontdoor.agencies"
    label = "agencies"
