"""The safeguarding partnership's figures page (issue 14 item 3, seed 003) for the Front Door manager
and the performance officer: the year and month by month, with comparators, downloads and, for each
figure, the list of children behind it."""
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from frontdoor.agencies.decorators import role_required
from frontdoor.reporting import partnership, partnership_sheets
from frontdoor.reporting.cin_census import census_reference_date
from frontdoor.reporting.forms import PartnershipPeriodForm
from frontdoor.reporting.front_door_figures import bars
from frontdoor.reporting.partnership_measures import AGE_BANDS, CATEGORIES, SEXES

# Item 4's measures that the page charts month by month.
TRENDS = ("referrals", "assessments_completed", "assessments_within_45wd_pct", "s47_started", "icpc_held",
          "icpc_within_15wd_pct", "cp_plans_started", "cp_plans_open_at_period_end", "cin_plans_started")


def display(measure) -> str:
    if measure.value is None:
        return "–"
    if not measure.is_rate:
        return str(measure.value)
    return f"{measure.value} per 10,000" if measure.per == 10_000 else f"{measure.value}%"


def _period(data) -> tuple[PartnershipPeriodForm, date | None]:
    if not any(key.startswith("period_end") for key in data):
        default = census_reference_date(timezone.localdate())
        return PartnershipPeriodForm(initial={"period_end": default}), default
    form = PartnershipPeriodForm(data)
    return form, form.cleaned_data["period_end"] if form.is_valid() else None


def _rows(figures, measures) -> list[dict]:
    return [{"measure": m, "display": display(m), "comparator": figures.comparators.get(m.id)} for m in measures]


def _chart(pairs) -> list[tuple[str, str, int]]:
    """(label, what the bar says, width) for bars of counts or rates."""
    pairs = list(pairs)
    widths = bars((label, measure.value or 0) for label, measure in pairs)
    return [(label, display(measure), width) for (label, measure), (_, _, width) in zip(pairs, widths)]


def _trends(figures) -> list[dict]:
    trends = []
    for measure_id in TRENDS:
        pairs = [(f"{window.first:%B %Y}", next(m for m in measures if m.id == measure_id))
                 for window, measures in figures.months]
        chart = _chart(pairs)
        trends.append({"id": measure_id, "label": figures.measure(measure_id).label, "chart": chart,
                       "table": [(label, shown) for label, shown, _ in chart]})
    return trends


def _breakdown(figures, ids_and_labels, table_id: str, caption: str) -> dict:
    pairs = [(label, figures.measure(measure_id)) for measure_id, label in ids_and_labels]
    chart = _chart(pairs)
    return {"table_id": table_id, "caption": caption, "chart": chart, "table": [(label, n) for label, n, _ in chart]}


def _breakdowns(figures) -> list[dict]:
    open_ = "cp_plans_open"
    by_agency = [(m.id, m.label.split(": ", 1)[1]) for m in figures.group("early_help")
                 if m.id.startswith("early_help_assessments_")]
    return [
        _breakdown(figures, [(f"{open_}_{s}", label) for s, _, label in CATEGORIES], "open-by-category",
                   "Child protection plans open at the period end, by initial category"),
        _breakdown(figures, [(f"{open_}_age_{b}", label) for b, label, _, _ in AGE_BANDS]
                   + [(f"{open_}_age_unknown", "Age not known")], "open-by-age",
                   "Child protection plans open at the period end, by the child's age then"),
        _breakdown(figures, [(f"{open_}_sex_{s}", label) for s, label in SEXES], "open-by-sex",
                   "Child protection plans open at the period end, by the child's sex"),
        _breakdown(figures, [(f"{open_}_disabled", "Disabled"), (f"{open_}_not_disabled", "Not disabled"),
                             (f"{open_}_disability_not_recorded", "Not recorded")], "open-by-disability",
                   "Child protection plans open at the period end, by disability"),
        _breakdown(figures, by_agency, "eha-by-agency", "Early help assessments started, by the lead professional's agency"),
    ]


@login_required
@role_required(*partnership.PARTNERSHIP_ROLES)
def figures_page(request):
    form, period_end = _period(request.GET)
    figures = partnership.partnership_figures_for(user=request.user, period_end=period_end) if period_end else None
    context = {"form": form, "figures": figures, "page_title": "Partnership figures" if figures else
               "Error: Partnership figures"}
    if figures:
        context.update({
            "period_end": period_end.isoformat(),
            "child_population": f"{figures.child_population:,}" if figures.child_population else "",
            "sections": [(title, group, _rows(figures, figures.group(group))) for title, group in (
                ("The child's journey", "journey"), ("Referrals and enquiries", "referrals"),
                ("Child protection and child in need plans", "plans"),
                ("Early help", "early_help"), ("Domestic abuse and MARAC", "domestic_abuse"))],
            "started_breakdown": _rows(figures, figures.group("cp_plans_started_breakdown")),
            "trends": _trends(figures), "breakdowns": _breakdowns(figures),
            "other_streams": partnership.other_streams_for(user=request.user),
        })
    return render(request, "reporting/partnership.html", context, status=200 if figures else 400)


def _period_end(request) -> date:
    try:
        return date.fromisoformat(request.GET.get("period_end", ""))
    except ValueError:
        raise Http404 from None


def _download(figures, content: bytes | str, *, extension: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (f'attachment; filename="partnership-figures-{figures.year.first:%Y-%m-%d}-to-'
                                       f'{figures.year.last:%Y-%m-%d}.{extension}"')
    return response


@login_required
@role_required(*partnership.PARTNERSHIP_ROLES)
def figures_csv(request):
    figures = partnership.partnership_figures_for(user=request.user, period_end=_period_end(request), by_month=False)
    return _download(figures, partnership_sheets.csv_text(figures), extension="csv", content_type="text/csv; charset=utf-8")


@login_required
@role_required(*partnership.PARTNERSHIP_ROLES)
def figures_xlsx(request):
    figures = partnership.partnership_figures_for(user=request.user, period_end=_period_end(request))
    return _download(figures, partnership_sheets.workbook_bytes(figures), extension="xlsx",
                     content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@login_required
@role_required(*partnership.PARTNERSHIP_ROLES)
def figure_children(request):
    """The children behind one figure: named here only, never in the address (which carries the figure's id)."""
    period_end = _period_end(request)
    others = request.GET.get("part") == "others"
    measure, page = partnership.partnership_children_for(user=request.user, period_end=period_end,
                                                         measure_id=request.GET.get("measure", ""), others=others,
                                                         page_number=request.GET.get("page"))
    title = measure.others_label if others else measure.label
    return render(request, "reporting/partnership_children.html", {
        "measure": measure, "title": title, "page": page, "period_end": period_end,
        "year_start": partnership.year_window(period_end, timezone.localdate()).first,
        "may_open_person": request.user.membership.is_front_door, "page_title": title,
    })
