"""Seeded building blocks for synthetic records: ids, NHS numbers, postcodes, phone numbers, dates.

Everything draws on one `random.Random`, so the same seed gives the same area.
"""

import json
import random
import uuid
from datetime import date, timedelta
from functools import cache
from importlib import resources

from nhs_number import calculate_checksum

POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@cache
def data_file(name: str) -> dict:
    return json.loads(resources.files("frontdoor.demo").joinpath("data", name).read_text(encoding="utf-8"))


class Synth:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._issued: set[str] = set()

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def weighted(self, weights: dict):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def name_group(self) -> dict:
        """Given and family names of one background, chosen by its rough share of households."""
        groups = data_file("names.json")["groups"]
        return groups[self.weighted({key: group["weight"] for key, group in groups.items()})]

    def between(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def _unique(self, make) -> str:
        value = make()
        while value in self._issued:
            value = make()
        self._issued.add(value)
        return value

    def nhs_number(self) -> str:
        """A checksummed number in 900 000 000x-999 999 999x, the range the NHS never issues to patients."""
        return self._unique(self._nhs_candidate)

    def _nhs_candidate(self) -> str:
        while True:
            stem = str(self.rng.randrange(900_000_000, 1_000_000_000))
            check = calculate_checksum(stem)
            if check != 10:  # a check digit of 10 means the stem is never used
                return f"{stem}{check}"

    def contact_reference(self) -> str:
        return self._unique(
            lambda: "FD-{}-{}".format(*("".join(self.rng.choices(REFERENCE_ALPHABET, k=4)) for _ in range(2)))
        )

    def postcode(self, district: int) -> str:
        letters = "".join(self.rng.choices(POSTCODE_LETTERS, k=2))
        return f"FD{district} {self.rng.randint(1, 9)}{letters}"

    def landline(self) -> str:
        # Ofcom reserves 01632 960xxx and 07700 900xxx for drama: they never reach a real phone.
        return f"01632 960{self.rng.randrange(1000):03d}"

    def mobile(self) -> str:
        return f"07700 900{self.rng.randrange(1000):03d}"

    def birth_date(self, *, age: int, today: date) -> date:
        """A date of birth giving exactly this age on `today`."""
        latest = _years_before(today, age)
        earliest = _years_before(today, age + 1) + timedelta(days=1)
        return earliest + timedelta(days=self.rng.randrange((latest - earliest).days + 1))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
