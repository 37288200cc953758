"""Figures pages: counts only, for Front Door staff and the ISCO."""
import csv

from django.contrib.auth.decorators import login_required
from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import render

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record_many
from frontdoor.reporting import annex_a_sheets, selectors
from frontdoor.reporting.annex_a import annex_a_lists
from frontdoor.reporting.forms import AnnexAForm

# Annex A names every child: the Front Door manager prepares it for the inspection (no
# performance officer role exists yet; add it here when it does).
ANNEX_A_ROLES = (Membership.Role.MANAGER,)

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


@login_required
@role_required(*ANNEX_A_ROLES)
def annex_a(request):
    form = AnnexAForm(request.GET if "period_end_0" in request.GET else None)
    lists = annex_a_lists(period_end=form.cleaned_data["period_end"]) if form.is_valid() else None
    return render(request, "reporting/annex_a.html", {
        "form": form, "lists": lists, "period_end": form.cleaned_data["period_end"] if lists is not None else None,
        "page_title": "Ofsted Annex A",
    })


def _annex_a_download(request, *, kind: str, extension: str, content_type: str, build) -> HttpResponse:
    try:
        period_end = date.fromisoformat(request.GET.get("period_end", ""))
    except ValueError:
        raise Http404 from None
    lists = annex_a_lists(period_end=period_end)
    access_log_record_many(user=request.user, targets=[p for lst in lists for p in lst.people],
                           reason=f"Ofsted Annex A ({kind}) to {period_end:%d/%m/%Y}",
                           action=AccessLogEntry.Action.EXPORT)
    response = HttpResponse(build(lists), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="annex-a-{period_end:%Y-%m-%d}.{extension}"'
    return response


@login_required
@role_required(*ANNEX_A_ROLES)
def annex_a_xlsx(request):
    return _annex_a_download(request, kind="XLSX", extension="xlsx", build=annex_a_sheets.workbook_bytes,
                             content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@login_required
@role_required(*ANNEX_A_ROLES)
def annex_a_csv_zip(request):
    return _annex_a_download(request, kind="CSV", extension="zip", build=annex_a_sheets.csv_zip_bytes, content_type="application/zip")
