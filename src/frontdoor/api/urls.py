from django.urls import path

from frontdoor.api.routes import api

urlpatterns = [path("", api.urls)]
