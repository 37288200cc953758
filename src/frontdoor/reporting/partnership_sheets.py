"""The partnership's figures written out: the CSV of issue 14 item 4 (one row per figure:
measure,numerator,denominator,value) and an XLSX workbook with the same rows, their labels and
comparators, and item 4's measures month by month."""
import csv
import io

from openpyxl import Workbook

CSV_COLUMNS = ("measure", "numerator", "denominator", "value")


def _blank(value):
    return "" if value is None else value


def csv_text(figures) -> str:
    """A rate's value is its percentage (or rate per 10,000) to one decimal place; a count's, the count."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in figures.measures:
        writer.writerow((m.id, m.numerator, _blank(m.denominator), _blank(m.value)))
    return out.getvalue()


def workbook_bytes(figures) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Figures"
    sheet.append(["measure", "figure", "numerator", "denominator", "value", "England", "statistical neighbours",
                  "comparators' year"])
    for m in figures.measures:
        comparator = figures.comparators.get(m.id)
        sheet.append([m.id, m.label, m.numerator, m.denominator, m.value,
                      *((comparator.england, comparator.statistical_neighbours, comparator.year) if comparator else ())])
    months = book.create_sheet("By month")
    months.append(["month", "measure", "figure", "numerator", "denominator", "value"])
    for window, measures in figures.months:
        for m in measures:
            months.append([f"{window.first:%Y-%m}", m.id, m.label, m.numerator, m.denominator, m.value])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
