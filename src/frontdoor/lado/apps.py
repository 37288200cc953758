from django.apps import AppConfig


class LadoConfig(AppConfig):
    name = "frontdoor.lado"
    label = "lado"
    verbose_name = "Allegations against adults who work with children (LADO)"
