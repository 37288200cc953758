from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "frontdoor.messaging"
    label = "messaging"
