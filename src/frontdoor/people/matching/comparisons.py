"""The model's comparisons, written once and read by both scoring paths.

Each level carries its Splink creator (which writes the SQL for DuckDB or Spark) and a Python
predicate that decides the same thing for the in-process scorer. Levels are tried in order and
the first that holds wins, exactly as in Splink's CASE expression.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import jellyfish
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on
from splink.internals.comparison_level_creator import ComparisonLevelCreator

Record = dict
Predicate = Callable[[Record, Record], bool]


@lru_cache(maxsize=1 << 18)
def _jaro_winkler(left: str, right: str) -> float:
    """Names and streets recur, and one pair is tried at two thresholds: computed once."""
    return jellyfish.jaro_winkler_similarity(left, right)


@dataclass(frozen=True)
class Level:
    label: str
    make_creator: Callable[[], object]
    holds: Predicate
    is_null: bool = False
    # Exact agreement on a rare value counts for more than on a common one (Splink's term
    # frequency adjustment): the column whose value frequencies adjust this level's weight.
    tf_column: str | None = None
    # A relation between both names (swapped, or one written in the other's field) is one event:
    # the given name comparison weighs it, and the family name comparison's copy of the level
    # (which must exist, so that it is not read as a different family name) weighs nothing.
    neutral: bool = False


def _neutral(level: Level) -> Level:
    return replace(level, neutral=True)


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

    @property
    def swapped_level(self) -> int:
        """Position of the exact 'names swapped' level."""
        return next(i for i, level in enumerate(self.levels) if level.label == SWAPPED)

    def splink_comparison(self, trained: list[dict] | None = None, *,
                          term_frequencies: bool = False):
        creators = [level.make_creator() for level in self.levels]
        for creator, params in zip(creators, trained or ()):
            if params:
                creator.configure(**params)
        for creator, level in zip(creators, self.levels):
            if level.neutral:
                creator.configure(m_probability=0.5, u_probability=0.5,
                                  fix_m_probability=True, fix_u_probability=True)
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


SWAPPED = "given and family names swapped"


def _names_swapped() -> Level:
    label = SWAPPED
    return Level(
        label,
        lambda: cll.ColumnsReversedLevel("given_name", "family_name", symmetrical=True).configure(
            label_for_charts=label
        ),
        lambda l, r: l["given_name"] is not None
        and l["given_name"] == r["family_name"]
        and l["family_name"] == r["given_name"],
    )


class _DialectLevel(ComparisonLevelCreator):
    """A level whose SQL is written for each backend (DuckDB and Spark name the string and array
    functions differently)."""

    def __init__(self, make_sql: Callable[[object], str], label: str):
        self.make_sql = make_sql
        self.label = label

    def create_sql(self, sql_dialect) -> str:
        return self.make_sql(sql_dialect)

    def create_label_for_charts(self) -> str:
        return self.label


def _sql_overlap(sql_dialect, left: str, right: str) -> str:
    if sql_dialect.sql_dialect_str == "spark":
        return f"arrays_overlap({left}, {right})"
    return f"list_has_any({left}, {right})"


def _has_any(left, right) -> bool:
    return left is not None and right is not None and not set(left).isdisjoint(right)


SWAP_SIMILARITY = 0.88


def _swapped_close(l: Record, r: Record) -> bool:
    """`l`'s given name is `r`'s family name and `l`'s family name `r`'s given name, each allowing
    a typing slip; the family name may be one part of a double-barrelled one and the given name a
    nickname."""
    if not (l["given_name"] and l["family_name"] and r["given_name"] and r["family_name"]):
        return False
    family_close = _has_any(l["given_parts"], r["family_parts"]) or (
        _jaro_winkler(l["given_name"], r["family_name"]) >= SWAP_SIMILARITY
    )
    given_close = (
        l["family_name"] == r["given_name"]
        or _has_any(l["family_keys"], r["given_keys"])
        or _jaro_winkler(l["family_name"], r["given_name"]) >= SWAP_SIMILARITY
    )
    return family_close and given_close


def _swapped_close_sql(sql_dialect) -> str:
    jw = sql_dialect.jaro_winkler_function_name

    def one_way(a: str, b: str) -> str:
        return (
            f"(({_sql_overlap(sql_dialect, f'given_parts_{a}', f'family_parts_{b}')}"
            f" OR {jw}(given_name_{a}, family_name_{b}) >= {SWAP_SIMILARITY})"
            f" AND (family_name_{a} = given_name_{b}"
            f" OR {_sql_overlap(sql_dialect, f'family_keys_{a}', f'given_keys_{b}')}"
            f" OR {jw}(family_name_{a}, given_name_{b}) >= {SWAP_SIMILARITY}))"
        )

    return f"({one_way('l', 'r')} OR {one_way('r', 'l')})"


_SWAPPED_CLOSE: dict[tuple, bool] = {}


def _names_swapped_close(l: Record, r: Record) -> bool:
    """Either way round; remembered by the four names, as the given and family name comparisons
    both ask and names recur."""
    key = (l["given_name"], l["family_name"], r["given_name"], r["family_name"])
    found = _SWAPPED_CLOSE.get(key)
    if found is None:
        if len(_SWAPPED_CLOSE) > 1 << 18:
            _SWAPPED_CLOSE.clear()
        found = _SWAPPED_CLOSE[key] = _swapped_close(l, r) or _swapped_close(r, l)
    return found


SWAPPED_WITH_SLIP = "names swapped, with a slip or a nickname"
NAME_IN_OTHER_FIELD = "one record's given name is the other's family name"


def _names_swapped_with_slip() -> Level:
    label = SWAPPED_WITH_SLIP
    return Level(
        label,
        lambda: _DialectLevel(_swapped_close_sql, label),
        _names_swapped_close,
    )


def _name_in_other_field() -> Level:
    label = NAME_IN_OTHER_FIELD
    return Level(
        label,
        lambda: cll.CustomLevel("(given_name_l = family_name_r OR given_name_r = family_name_l)",
                                label_for_charts=label),
        lambda l, r: (l["given_name"] is not None and l["given_name"] == r["family_name"])
        or (r["given_name"] is not None and r["given_name"] == l["family_name"]),
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
        lambda l, r: _jaro_winkler(l[column], r[column]) >= threshold,
    )


def _overlap(column: str, label: str) -> Level:
    return Level(
        label,
        lambda: cll.ArrayIntersectLevel(column, 1).configure(label_for_charts=label),
        lambda l, r: l[column] is not None
        and r[column] is not None
        and not set(l[column]).isdisjoint(r[column]),
    )


def _same_house_in_street(label: str) -> Level:
    return Level(
        label,
        lambda: cll.And(cll.ExactMatchLevel("house_number"),
                        cll.JaroWinklerLevel("street", STREET_SIMILARITY)).configure(
            label_for_charts=label
        ),
        lambda l, r: l["house_number"] is not None
        and l["house_number"] == r["house_number"]
        and l["street"] is not None
        and r["street"] is not None
        and _jaro_winkler(l["street"], r["street"]) >= STREET_SIMILARITY,
    )


STREET_SIMILARITY = 0.9


def _same_street(label: str) -> Level:
    return Level(
        label,
        lambda: cll.JaroWinklerLevel("street", STREET_SIMILARITY).configure(label_for_charts=label),
        lambda l, r: l["street"] is not None and r["street"] is not None
        and _jaro_winkler(l["street"], r["street"]) >= STREET_SIMILARITY,
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
    _names_swapped_with_slip(),
    _overlap("given_keys", "nickname or variant of the same name"),
    _similar("given_name", 0.92, "given name differs by a typing slip"),
    _similar("given_name", 0.80, "given name similar"),
    _name_in_other_field(),
    _other("different given name"),
))

FAMILY_NAME = Comparison("family_name", (
    _missing("family_name"),
    _same("family_name", "same family name", term_frequency=True),
    _neutral(_names_swapped()),
    _neutral(_names_swapped_with_slip()),
    _overlap("family_parts", "shares part of a double-barrelled family name"),
    _similar("family_name", 0.92, "family name differs by a typing slip"),
    _similar("family_name", 0.80, "family name similar"),
    _neutral(_name_in_other_field()),
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

def _one_slip(column: str, label: str, m_probability: float | None = None) -> Level:
    """One character typed wrong, left out, added, or two neighbours swapped."""
    return Level(
        label,
        lambda: cll.DamerauLevenshteinLevel(column, 1).configure(
            label_for_charts=label, **_fixed_m(m_probability)
        ),
        lambda l, r: l[column] is not None and r[column] is not None
        and jellyfish.damerau_levenshtein_distance(l[column], r[column]) <= 1,
    )


# A valid NHS number is checksummed, so two records of one person almost never disagree on it:
# a slip of one digit or two swapped digits fails the check, so two valid numbers one slip apart
# belong to two people. An identifier without a check digit (`validate_nhs=False`) learns all
# three levels instead: there, one slip is the commonest way one person's numbers differ.
NHS_NUMBER = Comparison("nhs_number", (
    _missing("nhs_number"),
    _same("nhs_number", "same NHS number", m_probability=0.99999),
    _one_slip("nhs_number", "NHS number one digit apart", m_probability=1e-9),
    _other("different NHS number", m_probability=0.00001),
))

ADDRESS = Comparison("address", (
    _missing("address_keys"),
    _same("address_key", "same current address"),
    _overlap("address_keys", "address in the other's address history"),
    _same_house_in_street("same house number and street, another postcode"),
    _overlap("postcodes", "same postcode, different house"),
    _same_street("same street, another house and postcode"),
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
    record with a mistyped name and no date of birth at the family's home. So is everyone at the
    same house number in a street of the same name: that finds it when the postcode was
    mistyped too.
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
        block_on("house_number", "street"),
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
