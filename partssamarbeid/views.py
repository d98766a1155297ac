"""The front page: one per role (the lists come from :mod:`partssamarbeid.home`)."""
from __future__ import annotations

from django.shortcuts import render

from municipalities import permissions

from . import home as services


def home(request):
    user = request.user
    role = permissions.role_of(user)
    if role == permissions.UNION_REP:
        return render(request, "home/union_rep.html", {"home": services.union_rep_home(user)})
    if role == permissions.HR:
        return render(request, "home/hr.html", {"home": services.hr_home(user)})
    if role == permissions.ADVISER:
        return render(request, "home/adviser.html", {"home": services.adviser_home(user)})
    return render(request, "home/default.html", {"recent_meetings": services.recent_meetings(user)})
