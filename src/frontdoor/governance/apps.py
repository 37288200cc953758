from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "frontdoor.governance"
    label = "governance"
