"""Annex A written out: one XLSX workbook (a sheet per list, dates as Excel dates shown dd/mm/yyyy)
and one CSV per list with the same headers (dates as dd/mm/yyyy text)."""
import csv
import io
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from frontdoor.csv_cells import spreadsheet_safe
from frontdoor.reporting.annex_a import AnnexAList

DATE_FORMAT = "dd/mm/yyyy"


def workbook_bytes(lists: list[AnnexAList]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for annex_list in lists:
        sheet = book.create_sheet(f"List {annex_list.number}")
        sheet.append(list(annex_list.headers))
        for row in annex_list.rows:
            # A team or worker name starting with = would otherwise be stored as a formula.
            sheet.append([spreadsheet_safe(v) if isinstance(v, str) else v for v in row])
        for column in sheet.iter_cols(min_row=2):
            for cell in column:
                if isinstance(cell.value, date):
                    cell.number_format = DATE_FORMAT
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return spreadsheet_safe(str(value))


def csv_text(annex_list: AnnexAList) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(annex_list.headers)
    writer.writerows([_csv_cell(v) for v in row] for row in annex_list.rows)
    return out.getvalue()


def csv_zip_bytes(lists: list[AnnexAList]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for annex_list in lists:
            archive.writestr(annex_list.filename, csv_text(annex_list))
    return out.getvalue()


def write_all(lists: list[AnnexAList], directory: Path) -> list[Path]:
    """annex-a.xlsx and list-N-....csv in `directory`; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = [directory / "annex-a.xlsx"]
    written[0].write_bytes(workbook_bytes(lists))
    for annex_list in lists:
        path = directory / annex_list.filename
        path.write_text(csv_text(annex_list), encoding="utf-8", newline="")
        written.append(path)
    return written
