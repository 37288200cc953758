"""Figures pages: counts only, for Front Door staff and the ISCO."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from frontdoor.agencies.decorators import role_required
from frontdoor.reporting import selectors


@login_required
@role_required(*selectors.REPORT_ROLES)
def domestic_abuse(request):
    figures = selectors.domestic_abuse_figures(user=request.user)
    return render(request, "reporting/domestic_abuse.html", {
        "figures": figures, "grades": ["standard", "medium", "high"],
        "page_title": "Domestic abuse triage figures",
    })
