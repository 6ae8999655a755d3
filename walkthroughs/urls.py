from django.urls import path
from django.views.decorators.http import require_safe

from pagecache.responses import cached_public

from . import views
from .feeds import ChangesFeed, ChecklistFeed

app_name = "walkthroughs"

# LinkedIn's short addresses first: a service's address has one more part, and the
# LinkedIn patterns with as many parts end in words no country or device is named.
urlpatterns = [
    path("", views.start, name="start"),
    path("checklist/", views.choose, name="choose"),
    path("checklist/<str:cc>/", views.checklist_country, name="checklist_country"),
    path("checklist/<str:cc>/<str:surface>/", views.checklist, name="checklist"),
    path("checklist/<str:cc>/<str:surface>/qr.svg", views.checklist_qr, name="checklist_qr"),
    path(
        "checklist/<str:cc>/<str:surface>/reminder.ics",
        views.checklist_reminder,
        name="checklist_reminder",
    ),
    path(
        "checklist/<str:cc>/<str:surface>/feed/",
        views.checklist_feed(ChecklistFeed()),
        name="checklist_feed",
    ),
    path(
        "checklist/<str:cc>/<str:surface>/report/<slug:slug>/",
        views.report,
        name="report",
    ),
    path(
        "checklist/<slug:service>/<str:cc>/<str:surface>/",
        views.checklist,
        name="service_checklist",
    ),
    path(
        "checklist/<slug:service>/<str:cc>/<str:surface>/qr.svg",
        views.checklist_qr,
        name="service_checklist_qr",
    ),
    path(
        "checklist/<slug:service>/<str:cc>/<str:surface>/reminder.ics",
        views.checklist_reminder,
        name="service_checklist_reminder",
    ),
    path(
        "checklist/<slug:service>/<str:cc>/<str:surface>/feed/",
        views.checklist_feed(ChecklistFeed()),
        name="service_checklist_feed",
    ),
    path(
        "checklist/<slug:service>/<str:cc>/<str:surface>/report/<slug:slug>/",
        views.report,
        name="service_report",
    ),
    path("plan/", views.choose_plan, name="choose_plan"),
    path("plan/<str:cc>/<str:surface>/<str:services>/", views.plan, name="plan"),
    path("plan/<str:cc>/<str:surface>/<str:services>/qr.svg", views.plan_qr, name="plan_qr"),
    path("changes/", views.changes, name="changes"),
    path("changes/feed/", require_safe(cached_public()(ChangesFeed())), name="changes_feed"),
    path("changes/<slug:service>/", views.changes, name="service_changes"),
    path(
        "changes/<slug:service>/feed/",
        require_safe(cached_public()(ChangesFeed())),
        name="service_changes_feed",
    ),
]
