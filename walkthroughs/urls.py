from django.urls import path

from . import views

app_name = "walkthroughs"

urlpatterns = [
    path("", views.start, name="start"),
    path("checklist/", views.choose, name="choose"),
    path("checklist/<str:cc>/<str:surface>/", views.checklist, name="checklist"),
    path("checklist/<str:cc>/<str:surface>/qr.svg", views.checklist_qr, name="checklist_qr"),
]
