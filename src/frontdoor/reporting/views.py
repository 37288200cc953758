"""Figures pages (counts only, for Front Door staff and the ISCO) and the statutory returns (the
performance officer and the Front Door manager)."""
import csv
from datetime import date, datetime, time
from itertools import groupby

from django.conf import settings
from django.contrib.auth.decorators import login_required

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

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
from frontdoor.reporting import services
from frontdoor.reporting.cin_checks import ERROR, VALIDATOR_QUERIES
from frontdoor.reporting.cin_census import census_reference_date
from frontdoor.reporting.forms import CensusPeriodForm, period_from_query
from frontdoor.reporting.front_door_figures import bars
from frontdoor.triage.marac import marac_referral_figures

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
    since = timezone.make_aware(datetime.combine(figures.first_day, time.min))
    return render(request, "reporting/domestic_abuse.html", {
        "figures": figures, "grades": GRADES, "marac": marac_referral_figures(since=since),
        "page_title": "Domestic abuse triage figures",
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


def _census_period(data) -> tuple[CensusPeriodForm, date | None]:
    """The reference date asked for, or by default the 31 March ending the current census year."""
    if not any(key.startswith("period_end") for key in data):
        default = census_reference_date(timezone.localdate())
        return CensusPeriodForm(initial={"period_end": default}), default
    form = CensusPeriodForm(data)
    return form, form.cleaned_data["period_end"] if form.is_valid() else None


def _children_with_problems(census) -> list[dict]:
    """The problems grouped child by child, in the return's order, with the person behind each."""
    return [{"child_id": child_id, "person": census.people[child_id], "problems": list(problems)}
            for child_id, problems in groupby(census.problems, key=lambda p: p.child_id)]


def _census_page(request, form, reference_date, *, status=200):
    census = selectors.cin_census_for(user=request.user, reference_date=reference_date) if reference_date else None
    return render(request, "reporting/cin_census.html", {
        "form": form, "census": census, "reference_date": reference_date,
        "children": _children_with_problems(census) if census else [],
        "errors_count": sum(1 for p in census.problems if p.level == ERROR) if census else 0,
        "disability_codes": len({c for child in census.children for c in child.disabilities}) if census else 0,
        "may_open_person": request.user.membership.is_front_door,
        "validator_queries": sorted(VALIDATOR_QUERIES.items()),
        "page_title": "Children in Need census",
    }, status=status)


@login_required
@role_required(*selectors.RETURNS_ROLES)
def cin_census(request):
    """The census checked before download: what the sector's validator cannot see and what the
    return lacks, child by child, with a link to where each is fixed."""
    form, reference_date = _census_period(request.GET)
    return _census_page(request, form, reference_date, status=400 if reference_date is None else 200)


@login_required
@role_required(*selectors.RETURNS_ROLES)
@require_POST
def cin_census_xml(request):
    """The file for COLLECT, numbered one more than the last; written whatever the page showed."""
    form, reference_date = _census_period(request.POST)
    if reference_date is None or not form.is_bound:
        return _census_page(request, form, None, status=400)
    written = services.cin_census_export(user=request.user, reference_date=reference_date)
    response = HttpResponse(written.xml, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = (f'attachment; filename="cin-census-{settings.FRONTDOOR_LA_CODE}-'
                                       f'{reference_date:%Y}-{written.export.serial_no:03d}.xml"')
    return response


@login_required
@role_required(*selectors.FRONT_DOOR_FIGURES_ROLES)
def front_door(request):
    form, period = period_from_query(request.GET)
    figures = (selectors.front_door_figures_for(user=request.user, first_day=period[0], last_day=period[1])
               if period else None)
    return render(request, "reporting/front_door.html", {
        "form": form, "figures": figures, "query": request.GET.urlencode(),
        "charts": figures and {
            "source": bars(figures.by_source), "channel": bars(figures.by_channel), "level": bars(figures.by_level),
        },
        "page_title": "Front Door figures" if period else "Error: Front Door figures",
    }, status=200 if period else 400)


@login_required
@role_required(*selectors.FRONT_DOOR_FIGURES_ROLES)
def front_door_csv(request):
    """The page's figures as a spreadsheet: one row per figure, as section, item and count."""
    _, period = period_from_query(request.GET)
    if period is None:
        raise Http404
    figures = selectors.front_door_figures_for(user=request.user, first_day=period[0], last_day=period[1])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="front-door-figures-{figures.first_day:%Y-%m-%d}-to-{figures.last_day:%Y-%m-%d}.csv"')
    writer = csv.writer(response)
    writer.writerow(("section", "item", "count"))
    writer.writerow(("contacts", "all contacts received", figures.contacts))
    for month in reversed(figures.months):
        writer.writerow(("contacts by month", f"{month.starts:%Y-%m}", month.contacts))
    for section, rows in (("contacts by source", figures.by_source), ("contacts by channel", figures.by_channel),
                          ("decisions by level", figures.by_level)):
        writer.writerows((section, label, count) for label, count in rows)
    for month in reversed(figures.months):
        writer.writerow(("decisions authorised by month", f"{month.starts:%Y-%m}", month.decisions))
    clock = figures.timeliness
    writer.writerow(("one working day", "decided within one working day", clock.on_time))
    writer.writerow(("one working day", "late", clock.late))
    writer.writerow(("one working day", "not yet due", clock.not_yet_due))
    writer.writerow(("re-contacts", "contacts about a child with another contact in the 12 months before",
                     figures.recontacts))
    for month in reversed(figures.months):
        writer.writerow(("re-contacts by month", f"{month.starts:%Y-%m}", month.recontacts))
    return response
