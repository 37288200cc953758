"""Turn a raw person record into the standardised columns the model compares.

Both scoring paths (Splink SQL and the in-process scorer) read these columns, so they see the
same values: names without punctuation, dates as ISO text and day numbers, postcodes in the
canonical 'WR1 2AB' form with their sector and district, arrays for address history.
"""

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from nhs_number import is_valid as nhs_number_is_valid

from .names import normalise_name, variant_keys

_UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_NOT_ALNUM = re.compile(r"[^A-Z0-9]")
_HOUSE_NUMBER = re.compile(r"\b(\d+[A-Z]?)\b")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y%m%d", "%d-%m-%Y")
_EPOCH = date(1900, 1, 1)
_SEX_CODES = {"M": "M", "MALE": "M", "F": "F", "FEMALE": "F"}

FEATURE_COLUMNS = (
    "unique_id", "given_name", "family_name", "given_keys", "family_parts", "given_parts",
    "family_keys",
    "dob", "dob_swapped", "dob_days", "dob_year_month", "dob_month_day",
    "sex", "nhs_number", "address_key", "address_keys", "postcodes", "sectors", "districts",
    "house_number", "street", "school",
)


def normalise_postcode(raw: str | None) -> str | None:
    """'wr12ab' and ' WR1 2AB' -> 'WR1 2AB'; text that is not a UK postcode is kept, compacted."""
    if not raw:
        return None
    compact = _NOT_ALNUM.sub("", raw.upper())
    match = _UK_POSTCODE.match(compact)
    if match:
        return f"{match.group(1)} {match.group(2)}"
    return compact or None


def parse_dob(raw: str | date | None) -> date | None:
    if isinstance(raw, date):
        return raw
    if not raw:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _day_month_swapped(dob: date) -> str | None:
    try:
        return date(dob.year, dob.day, dob.month).isoformat()
    except ValueError:
        return None


def _dob_columns(raw) -> dict:
    dob = parse_dob(raw)
    if dob is None:
        return dict.fromkeys(("dob", "dob_swapped", "dob_days", "dob_year_month", "dob_month_day"))
    iso = dob.isoformat()
    return {
        "dob": iso,
        "dob_swapped": _day_month_swapped(dob),
        "dob_days": (dob - _EPOCH).days,
        "dob_year_month": iso[:7],
        "dob_month_day": iso[5:],
    }


def _address_key(address: str | None, postcode: str | None) -> str | None:
    """House number and postcode identify a home however the street is written."""
    line = _NOT_ALNUM.sub(" ", (address or "").upper())
    number = _HOUSE_NUMBER.search(line)
    if postcode:
        return f"{number.group(1) if number else ''}|{postcode}"
    compact = " ".join(line.split())
    return compact or None


def _street_columns(address: str | None) -> dict:
    """House number and street of the first line of an address ('12 Hawthorn Close, Worcester'
    -> '12', 'HAWTHORN CLOSE'), to recognise a home whose postcode was mistyped."""
    line = _NOT_ALNUM.sub(" ", (address or "").upper().split(",")[0])
    number = _HOUSE_NUMBER.search(line)
    street = " ".join(_HOUSE_NUMBER.sub(" ", line).split())
    return {"house_number": number.group(1) if number else None, "street": street or None}


def _uk_parts(postcode: str) -> tuple[str | None, str | None]:
    """(sector, district) of a canonical UK postcode: 'WR1 2AB' -> ('WR1 2', 'WR1')."""
    if " " not in postcode:
        return None, None
    outward, inward = postcode.split(" ")
    return f"{outward} {inward[0]}", outward


def _address_columns(current: tuple[str | None, str | None], history: Iterable[Mapping]) -> dict:
    homes = [current] + [(h.get("address"), h.get("postcode")) for h in history]
    postcodes = [normalise_postcode(postcode) for _, postcode in homes]
    keys = [_address_key(address, pc) for (address, _), pc in zip(homes, postcodes)]
    parts = [_uk_parts(pc) for pc in postcodes if pc]
    return {
        "address_key": keys[0],
        "address_keys": _list_or_none(keys),
        "postcodes": _list_or_none(postcodes),
        "sectors": _list_or_none(sector for sector, _ in parts),
        "districts": _list_or_none(district for _, district in parts),
    }


def _list_or_none(values: Iterable[str | None]) -> list[str] | None:
    unique = sorted({value for value in values if value})
    return unique or None


def _nhs_number(raw: str | None, *, validate: bool) -> str | None:
    digits = re.sub(r"\s", "", raw or "")
    if not digits:
        return None
    if validate and not nhs_number_is_valid(digits):
        return None
    return digits


def prepare_record(record: Mapping, *, validate_nhs: bool = True) -> dict:
    """The model's columns for one record with keys id, given_name, family_name, dob, sex,
    address, postcode, nhs_number, school (all optional but id) and optionally
    address_history, a list of earlier {'address', 'postcode'}.

    An NHS number that fails its check digit is treated as missing: it is a typing error, and
    letting it disagree would count as evidence against the right person.
    """
    given = normalise_name(record.get("given_name"))
    family = normalise_name(record.get("family_name"))
    current = (record.get("address"), record.get("postcode"))
    return {
        "unique_id": str(record["id"]),
        "given_name": given,
        "family_name": family,
        "given_keys": variant_keys(given) or None,
        "family_parts": family.split() if family else None,
        # For names written the other way round: each part of the given name, and what the
        # family name would stand for if it were a given name (a nickname).
        "given_parts": given.split() if given else None,
        "family_keys": variant_keys(family) or None,
        **_dob_columns(record.get("dob")),
        "sex": _SEX_CODES.get((record.get("sex") or "").strip().upper()),
        "nhs_number": _nhs_number(record.get("nhs_number"), validate=validate_nhs),
        **_address_columns(current, record.get("address_history") or ()),
        **_street_columns(record.get("address")),
        "address_shown": ", ".join(part for part in current if part) or None,
        "school": normalise_name(record.get("school")),
    }
