from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "frontdoor.triage"
    label = "triage"

    def ready(self):
        from frontdoor.triage import receivers  # noqa: F401  (connects the signal receivers)
