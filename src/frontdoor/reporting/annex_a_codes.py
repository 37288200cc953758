"""Annex A's coded values, written as Ofsted's template writes them (shared/STATUTORY-RETURNS.md §2,
liia-tools Annex_A_schema.yml). Pure: plain codes in, the template's cell text out."""
from calendar import monthrange
from datetime import date

GENDER = {"male": "a) Male", "female": "b) Female", "unknown": "c) Not stated/recorded"}
GENDER_NOT_RECORDED = "c) Not stated/recorded"
# The census ethnicity codes lettered in the template's order (liia-tools Annex_A_schema.yml, which
# letters both "refused" and "not yet obtained" s)); a child with none recorded is "not yet obtained".
_LETTERED = ("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
             "BCRB", "BAFR", "BOTH", "CHNE", "OOTH")
ETHNICITY = {code: f"{letter}) {code}" for letter, code in zip("abcdefghijklmnopqr", _LETTERED)} | {
    "REFU": "s) REFU", "NOBT": "s) NOBT"}
ETHNICITY_NOT_RECORDED = ETHNICITY["NOBT"]
DISABILITY_NOT_RECORDED = "c) Unknown"

SOURCE = {
    "1A": "a) 1A: Individual", "1B": "b) 1B: Individual", "1C": "c) 1C: Individual", "1D": "d) 1D: Individual",
    "2A": "e) 2A: Schools", "2B": "f) 2B: Education services",
    "3A": "g) 3A: Health services", "3B": "h) 3B: Health services", "3C": "i) 3C: Health services",
    "3D": "j) 3D: Health services", "3E": "k) 3E: Health services", "3F": "l) 3F: Health services",
    "4": "m) 4: Housing", "5A": "n) 5A: LA services", "5B": "o) 5B: LA services", "5C": "p) 5C: LA services",
    "5D": "p1) 5D: LA services", "6": "q) 6: Police", "7": "r) 7: Other legal agency", "8": "s) 8: Other",
    "9": "t) 9: Anonymous", "10": "u) 10: Unknown",
}
PRIMARY_NEED = {
    "N1": "N1 - Abuse or neglect", "N2": "N2 - Child's disability", "N3": "N3 - Parental disability or illness",
    "N4": "N4 - Family in acute stress", "N5": "N5 - Family dysfunction", "N6": "N6 - Socially unacceptable behaviour",
    "N7": "N7 - Low income", "N8": "N8 - Absent parenting", "N9": "N9 - Cases other than children in need",
    "N0": "N0 - Not stated",
}
CLOSURE_REASON = {
    "RC1": "RC1 - Adopted", "RC2": "RC2 - Died", "RC3": "RC3 - Child arrangements order",
    "RC4": "RC4 - Special guardianship order",
    "RC5": "RC5 - Transferred to services of another local authority",
    "RC6": "RC6 - Transferred to adult social care services",
    "RC7": "RC7 - Services ceased for any other reason, including child no longer in need",
    "RC8": "RC8 - Case closed after assessment, no further action",
    "RC9": "RC9 - Case closed after assessment, referred to early help",
}
ABUSE_CATEGORY = {
    "NEG": "a) Neglect", "PHY": "b) Physical abuse", "SAB": "c) Sexual abuse", "EMO": "d) Emotional abuse",
    "MUL": "e) Multiple/not recommended",
}
CASE_STATUS = {
    "looked_after": "a) Looked after child", "cp_plan": "b) Child Protection plan", "cin_plan": "c) Child in need plan",
    "open_assessment": "d) Open assessment", "closed": "e) Closed episode",
}
YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"


def yes_no(value: bool | None) -> str:
    """The template's a) Yes / b) No; None (not decided yet) is a blank cell."""
    return "" if value is None else (YES if value else NO)


def disability_cell(disabilities: list[str] | None) -> str:
    """From the census disability codes: NONE alone is "No", any other code "Yes", none recorded "Unknown"."""
    if not disabilities:
        return DISABILITY_NOT_RECORDED
    return NO if list(disabilities) == ["NONE"] else YES


def ethnicity_cell(code: str | None) -> str:
    return ETHNICITY.get(code or "", ETHNICITY_NOT_RECORDED)


def gender_cell(sex: str) -> str:
    return GENDER.get(sex, GENDER_NOT_RECORDED)


def age_in_years(date_of_birth: date | None, on: date) -> int | None:
    if date_of_birth is None:
        return None
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier, or that month's last day when it is shorter (31 Aug -> 28 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
