"""The demo children's details for the statutory returns: ethnicity, disabilities, and a UPN for
each child of school age (or why there is none), so that the demo's CIN census validates.

Drawn from their own random stream (the same seed gives the same details), in proportions of the
kind an English county's children in need show; every disability code is used at least once, as
a county's return would (the validator queries a return with fewer than eight, 2887Q).
"""
import random
from datetime import date

from frontdoor.people.census_codes import DISABILITY, NO_DISABILITY, upn_check_letter
from frontdoor.people.models import Person
from frontdoor.reporting.cin_census import SCHOOL_AGE, age_on, census_reference_date

ETHNICITY = {"WBRI": 72, "WOTH": 5, "WIRI": 1, "WROM": 1, "MWBC": 3, "MWBA": 1, "MWAS": 2, "MOTH": 2, "AIND": 2,
             "APKN": 3, "ABAN": 1, "AOTH": 1, "BCRB": 1, "BAFR": 2, "BOTH": 1, "CHNE": 1, "OOTH": 1}
DISABLED_SHARE = 0.12
UPN_MISSING = ("UN2", "UN3", "UN5")  # of school age, no UPN: not in an English school, independent, not recorded
UPN_LA = "885"  # Worcestershire's DfE number, the area the demo stands in for (settings.FRONTDOOR_AREA)


def demo_upn(n: int, *, born: date) -> str:
    """A UPN with its check letter: the LA code, a made-up school number, the year of entry, a serial."""
    body = f"{UPN_LA}{2000 + n // 1000:04d}{(born.year + 5) % 100:02d}{n % 1000:03d}"
    return upn_check_letter("?" + body) + body


def _disabilities(rng: random.Random, unused: list[str]) -> list[str]:
    if unused:
        return [unused.pop()]
    if rng.random() >= DISABLED_SHARE:
        return [NO_DISABILITY]
    codes = [code for code, _ in DISABILITY if code != NO_DISABILITY]
    return sorted(rng.sample(codes, rng.choice((1, 1, 2))))


def load_demo_census_details(*, seed: int, today: date) -> None:
    rng = random.Random(f"census-{seed}")
    reference = census_reference_date(today)
    children = list(Person.objects.filter(kind__in=(Person.Kind.CHILD, Person.Kind.UNBORN))
                    .order_by("family_name", "given_name", "date_of_birth", "expected_date"))
    unused = [code for code, _ in DISABILITY if code != NO_DISABILITY]
    for n, child in enumerate(children):
        child.ethnicity = rng.choices(list(ETHNICITY), weights=list(ETHNICITY.values()))[0]
        child.disabilities = _disabilities(rng, unused)
        if child.date_of_birth and age_on(child.date_of_birth, reference) >= SCHOOL_AGE:
            if rng.random() < 0.95:
                child.upn = demo_upn(n, born=child.date_of_birth)
            else:
                child.upn_unknown_reason = rng.choice(UPN_MISSING)
    Person.objects.bulk_update(children, ["ethnicity", "disabilities", "upn", "upn_unknown_reason"], batch_size=1000)
