"""Cells of CSV files that people open in a spreadsheet. A cell starting with =, +, -, @, a tab or a
carriage return is read as a formula (OWASP: CSV injection), so it is written after a single quote."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
