"""The model's comparisons, written once and read by both scoring paths.

Each level carries its Splink creator (which writes the SQL for DuckDB or Spark) and a Python
predicate that decides the same thing for the in-process scorer. Levels are tried in order and
the first that holds wins, exactly as in Splink's CASE expression.
"""

from collections.abc import Callable
from dataclasses import dataclass

import jellyfish
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on

Record = dict
Predicate = Callable[[Record, Record], bool]


@dataclass(frozen=True)
class Level:
    label: str
    make_creator: Callable[[], object]
    holds: Predicate
    is_null: bool = False
    # Exact agreement on a rare value counts for more than on a common one (Splink's term
    # frequency adjustment): the column whose value frequencies adjust this level's weight.
    tf_column: str | None = None


@dataclass(frozen=True)
class Comparison:
    name: str
    levels: tuple[Level, ...]

    def level_index(self, left: Record, right: Record) -> int:
        """Position of the first level that holds (Splink's CASE order)."""
        for index, level in enumerate(self.levels):
            if level.holds(left, right):
                return index
        raise AssertionError(f"{self.name}: the last level must be ELSE")

    @property
    def tf_level(self) -> int | None:
        """Position of the level adjusted by term frequency, if any."""
        return next((i for i, level in enumerate(self.levels) if level.tf_column), None)

    def splink_comparison(self, trained: list[dict] | None = None, *,
                          term_frequencies: bool = False):
        creators = [level.make_creator() for level in self.levels]
        for creator, params in zip(creators, trained or ()):
            if params:
                creator.configure(**params)
        if term_frequencies:
            for creator, level in zip(creators, self.levels):
                if level.tf_column:
                    creator.configure(tf_adjustment_column=level.tf_column,
                                      tf_adjustment_weight=1.0)
        return cl.CustomComparison(comparison_levels=creators, output_column_name=self.name)


def _missing(column: str) -> Level:
    return Level(
        f"{column} missing",
        lambda: cll.NullLevel(column),
        lambda l, r: l[column] is None or r[column] is None,
        is_null=True,
    )


def _fixed_m(m_probability: float | None) -> dict:
    """Expert m where the data cannot teach it (see NHS number)."""
    if m_probability is None:
        return {}
    return {"m_probability": m_probability, "fix_m_probability": True}


def _same(column: str, label: str, m_probability: float | None = None, *,
          term_frequency: bool = False) -> Level:
    return Level(
        label,
        lambda: cll.ExactMatchLevel(column).configure(
            label_for_charts=label, **_fixed_m(m_probability)
        ),
        lambda l, r: l[column] is not None and l[column] == r[column],
        tf_column=column if term_frequency else None,
    )


def _names_swapped() -> Level:
    label = "given and family names swapped"
    return Level(
        label,
        lambda: cll.ColumnsReversedLevel("given_name", "family_name", symmetrical=True).configure(
            label_for_charts=label
        ),
        lambda l, r: l["given_name"] is not None
        and l["given_name"] == r["family_name"]
        and l["family_name"] == r["given_name"],
    )


def _cross(column_left: str, column_right: str, label: str) -> Level:
    """`column_left` of one record equals `column_right` of the other (a symmetric relation)."""
    return Level(
        label,
        lambda: cll.CustomLevel(f"{column_left}_l = {column_right}_r", label_for_charts=label),
        lambda l, r: l[column_left] is not None and l[column_left] == r[column_right],
    )


def _similar(column: str, threshold: float, label: str) -> Level:
    return Level(
        label,
        lambda: cll.JaroWinklerLevel(column, threshold).configure(label_for_charts=label),
        lambda l, r: jellyfish.jaro_winkler_similarity(l[column], r[column]) >= threshold,
    )


def _overlap(column: str, label: str) -> Level:
    return Level(
        label,
        lambda: cll.ArrayIntersectLevel(column, 1).configure(label_for_charts=label),
        lambda l, r: l[column] is not None
        and r[column] is not None
        and not set(l[column]).isdisjoint(r[column]),
    )


def _within_days(days: int, label: str) -> Level:
    return Level(
        label,
        lambda: cll.CustomLevel(f"abs(dob_days_l - dob_days_r) <= {days}", label_for_charts=label),
        lambda l, r: abs(l["dob_days"] - r["dob_days"]) <= days,
    )


def _other(label: str, m_probability: float | None = None) -> Level:
    return Level(
        label,
        lambda: cll.ElseLevel().configure(label_for_charts=label, **_fixed_m(m_probability)),
        lambda l, r: True,
    )


GIVEN_NAME = Comparison("given_name", (
    _missing("given_name"),
    _same("given_name", "same given name", term_frequency=True),
    _names_swapped(),
    _overlap("given_keys", "nickname or variant of the same name"),
    _similar("given_name", 0.92, "given name differs by a typing slip"),
    _similar("given_name", 0.80, "given name similar"),
    _other("different given name"),
))

FAMILY_NAME = Comparison("family_name", (
    _missing("family_name"),
    _same("family_name", "same family name", term_frequency=True),
    _names_swapped(),
    _overlap("family_parts", "shares part of a double-barrelled family name"),
    _similar("family_name", 0.92, "family name differs by a typing slip"),
    _similar("family_name", 0.80, "family name similar"),
    _other("different family name"),
))

DATE_OF_BIRTH = Comparison("dob", (
    _missing("dob"),
    _same("dob", "same date of birth"),
    _cross("dob_swapped", "dob", "day and month swapped"),
    _same("dob_year_month", "same month and year, different day"),
    _same("dob_month_day", "same day and month, different year"),
    _within_days(10, "within 10 days"),
    _other("different date of birth"),
))

SEX = Comparison("sex", (
    _missing("sex"),
    _same("sex", "same sex"),
    _other("different sex"),
))

# A valid NHS number is checksummed, so two records of one person almost never disagree on it.
NHS_NUMBER = Comparison("nhs_number", (
    _missing("nhs_number"),
    _same("nhs_number", "same NHS number", m_probability=0.99999),
    _other("different NHS number", m_probability=0.00001),
))

ADDRESS = Comparison("address", (
    _missing("address_keys"),
    _same("address_key", "same current address"),
    _overlap("address_keys", "address in the other's address history"),
    _overlap("postcodes", "same postcode, different house"),
    _overlap("sectors", "same postcode sector"),
    _overlap("districts", "same postcode district"),
    _other("different area"),
))

SCHOOL = Comparison("school", (
    _missing("school"),
    _same("school", "same school"),
    _other("different school"),
))

COMPARISONS: tuple[Comparison, ...] = (
    GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, SEX, NHS_NUMBER, ADDRESS, SCHOOL,
)
TF_COLUMNS: tuple[str, ...] = tuple(
    c.levels[c.tf_level].tf_column for c in COMPARISONS if c.tf_level is not None
)


def prediction_blocking_rules() -> list:
    """Pairs worth scoring when resolving records against the index (lookups, partner lists).
    The in-process candidate index (`resolver.blocking_keys`) uses exactly these keys.

    A full name alone is no key: in a million people the commonest given and family name pair
    is held by thousands, so a name only narrows with part of the date of birth (the year, or
    the day and month, so that one slip in the date still finds it) or with a postcode district.
    Everyone who has lived at a postcode is a candidate (a few dozen people): that finds a
    record with a mistyped name and no date of birth at the family's home.
    """
    return [
        block_on("nhs_number"),
        block_on("dob"),
        block_on("given_name", "family_name", "substr(dob, 1, 4)"),
        block_on("given_name", "family_name", "dob_month_day"),
        block_on("given_name", "family_name", "districts", arrays_to_explode=["districts"]),
        block_on("family_name", "dob_year_month"),
        block_on("family_name", "dob_month_day"),
        block_on("postcodes", arrays_to_explode=["postcodes"]),
        "l.dob_swapped = r.dob",
    ]


def dedupe_blocking_rules() -> list:
    """Pairs worth scoring when looking for duplicates among a whole index (`dedupe_records`).

    Tighter than `prediction_blocking_rules`: every record is paired with every other, so a
    date of birth on its own (about 24 million pairs in a million people) or a name and
    district would make most of the work. A merge needs the same given name or NHS number and
    no different date of birth, and these keys still bring every such pair that shares a
    family name, a date of birth or a home.
    """
    return [
        block_on("nhs_number"),
        block_on("dob", "family_name"),
        block_on("dob", "given_name"),
        block_on("given_name", "family_name", "substr(dob, 1, 4)"),
        block_on("given_name", "family_name", "dob_month_day"),
        block_on("family_name", "postcodes", arrays_to_explode=["postcodes"]),
        "l.dob_swapped = r.dob and l.family_name = r.family_name",
    ]
