from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("checklists/<str:cc>/", api.checklist, name="checklist"),
    path("countries/", api.countries, name="countries"),
]
