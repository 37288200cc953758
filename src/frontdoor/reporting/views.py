"""Figures pages: counts only, for Front Door staff and the ISCO."""
import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from frontdoor.agencies.decorators import role_required
from frontdoor.reporting import selectors

GRADES = ("standard", "medium", "high")
CSV_COLUMNS = (
    "week_beginning", "received", *(f"suggested_{g}" for g in GRADES), *(f"graded_{g}" for g in GRADES),
    "grading_decisions", "raised", "lowered", "schools_told", "acknowledged_in_time", "acknowledged_late",
    "overdue", "grade_challenged",
)


@login_required
@role_required(*selectors.REPORT_ROLES)
def domestic_abuse(request):
    figures = selectors.domestic_abuse_figures(user=request.user)
    return render(request, "reporting/domestic_abuse.html", {
        "figures": figures, "grades": GRADES, "page_title": "Domestic abuse triage figures",
    })


@login_required
@role_required(*selectors.REPORT_ROLES)
def domestic_abuse_csv(request):
    """The weekly figures as a spreadsheet for boards' and inspectors' returns, oldest week first."""
    figures = selectors.domestic_abuse_figures(user=request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="domestic-abuse-triage-{figures.first_day:%Y-%m-%d}-to-{figures.last_day:%Y-%m-%d}.csv"')
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for week in reversed(figures.weeks):
        writer.writerow([
            week.starts.isoformat(), week.received, *(week.suggested[g] for g in GRADES),
            *(week.graded[g] for g in GRADES), week.decisions, week.raised, week.lowered, week.schools_told,
            week.acknowledged_on_time, week.acknowledged_late, week.overdue, week.challenged,
        ])
    return response
