"""The model's comparisons, written once and read by both scoring paths.

Each level carries its Splink creator (which writes the SQL for DuckDB or Spark) and a Python
expression that decides the same thing for the in-process scorer. Levels are tried in order and
the first that holds wins, exactly as in Splink's CASE expression; as Splink writes that CASE
expression for all its levels, the expressions of all comparisons are written into one Python
function (`levels_for`), so that scoring a pair costs one call rather than one per level.
"""

import linecache
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import jellyfish
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on
from splink.internals.comparison_level_creator import ComparisonLevelCreator

Record = dict
# Given one record, a function of another that gives the pair's level position per comparison.
LevelsFor = Callable[[Record], Callable[[Record], tuple[int, ...]]]


@lru_cache(maxsize=1 << 18)
def _jaro_winkler(left: str, right: str) -> float:
    """Names and streets recur, and one pair is tried at two thresholds: computed once."""
    return jellyfish.jaro_winkler_similarity(left, right)


@dataclass(frozen=True)
class Level:
    label: str
    make_creator: Callable[[], object]
    # When the level holds, as a Python expression of the two records `l` and `r` (dicts of
    # features) and the helpers in `_TEST_NAMES`: the SQL condition, in Python.
    test: str
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
        return self._levels_for(left)(right)[0]

    @cached_property
    def _levels_for(self) -> LevelsFor:
        return levels_function((self,))

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
        f"l[{column!r}] is None or r[{column!r}] is None",
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
        f"l[{column!r}] is not None and l[{column!r}] == r[{column!r}]",
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
        "l['given_name'] is not None and l['given_name'] == r['family_name']"
        " and l['family_name'] == r['given_name']",
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
    return family_close and (  # given close: asked only when it can matter (most pairs are not)
        l["family_name"] == r["given_name"]
        or _has_any(l["family_keys"], r["given_keys"])
        or _jaro_winkler(l["family_name"], r["given_name"]) >= SWAP_SIMILARITY
    )


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
    """Either way round; remembered by the four names, as names recur."""
    key = (l["given_name"], l["family_name"], r["given_name"], r["family_name"])
    if not all(key):
        return False  # as _swapped_close answers both ways round
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
        "_names_swapped_close(l, r)",
    )


def _name_in_other_field() -> Level:
    label = NAME_IN_OTHER_FIELD
    return Level(
        label,
        lambda: cll.CustomLevel("(given_name_l = family_name_r OR given_name_r = family_name_l)",
                                label_for_charts=label),
        "(l['given_name'] is not None and l['given_name'] == r['family_name'])"
        " or (r['given_name'] is not None and r['given_name'] == l['family_name'])",
    )


def _cross(column_left: str, column_right: str, label: str) -> Level:
    """`column_left` of one record equals `column_right` of the other (a symmetric relation)."""
    return Level(
        label,
        lambda: cll.CustomLevel(f"{column_left}_l = {column_right}_r", label_for_charts=label),
        f"l[{column_left!r}] is not None and l[{column_left!r}] == r[{column_right!r}]",
    )


def _similar(column: str, threshold: float, label: str) -> Level:
    return Level(
        label,
        lambda: cll.JaroWinklerLevel(column, threshold).configure(label_for_charts=label),
        f"_jaro_winkler(l[{column!r}], r[{column!r}]) >= {threshold!r}",
    )


def _overlap(column: str, label: str) -> Level:
    return Level(
        label,
        lambda: cll.ArrayIntersectLevel(column, 1).configure(label_for_charts=label),
        f"l[{column!r}] is not None and r[{column!r}] is not None"
        f" and not set(l[{column!r}]).isdisjoint(r[{column!r}])",
    )


def _same_house_in_street(label: str) -> Level:
    return Level(
        label,
        lambda: cll.And(cll.ExactMatchLevel("house_number"),
                        cll.JaroWinklerLevel("street", STREET_SIMILARITY)).configure(
            label_for_charts=label
        ),
        "l['house_number'] is not None and l['house_number'] == r['house_number']"
        " and l['street'] is not None and r['street'] is not None"
        f" and _jaro_winkler(l['street'], r['street']) >= {STREET_SIMILARITY!r}",
    )


STREET_SIMILARITY = 0.9


def _same_street(label: str) -> Level:
    return Level(
        label,
        lambda: cll.JaroWinklerLevel("street", STREET_SIMILARITY).configure(label_for_charts=label),
        "l['street'] is not None and r['street'] is not None"
        f" and _jaro_winkler(l['street'], r['street']) >= {STREET_SIMILARITY!r}",
    )


def _within_days(days: int, label: str) -> Level:
    return Level(
        label,
        lambda: cll.CustomLevel(f"abs(dob_days_l - dob_days_r) <= {days}", label_for_charts=label),
        f"abs(l['dob_days'] - r['dob_days']) <= {days!r}",
    )


# Further apart than this, the same day and month is a parent and child, not a typing slip.
YEAR_SLIP_YEARS = 5
# Dates of birth this many years apart or more belong to two generations.
GENERATION_YEARS = 12


def _same_day_and_month_within_years(years: int, label: str) -> Level:
    days = years * 366
    return Level(
        label,
        lambda: cll.CustomLevel(
            f"dob_month_day_l = dob_month_day_r and abs(dob_days_l - dob_days_r) <= {days}", label_for_charts=label),
        f"l['dob_month_day'] is not None and l['dob_month_day'] == r['dob_month_day']"
        f" and abs(l['dob_days'] - r['dob_days']) <= {days!r}",
    )


def _other(label: str, m_probability: float | None = None) -> Level:
    return Level(
        label,
        lambda: cll.ElseLevel().configure(label_for_charts=label, **_fixed_m(m_probability)),
        "True",
    )


def _one_slip_apart(left: str, right: str) -> bool:
    """Damerau-Levenshtein distance at most 1, without its cost for most pairs: one slip leaves
    all but at most two characters of the longer text in a common start and a common end, so one
    of those two is at least half of the rest long."""
    half = max(0, (max(len(left), len(right)) - 2) // 2)
    if left[:half] != right[:half] and left[len(left) - half:] != right[len(right) - half:]:
        return False
    return jellyfish.damerau_levenshtein_distance(left, right) <= 1


def _one_slip(column: str, label: str, m_probability: float | None = None) -> Level:
    """One character typed wrong, left out, added, or two neighbours swapped."""
    return Level(
        label,
        lambda: cll.DamerauLevenshteinLevel(column, 1).configure(
            label_for_charts=label, **_fixed_m(m_probability)
        ),
        f"l[{column!r}] is not None and r[{column!r}] is not None"
        f" and _one_slip_apart(l[{column!r}], r[{column!r}])",
    )


GIVEN_NAME = Comparison("given_name", (
    _missing("given_name"),
    _same("given_name", "same given name", term_frequency=True),
    _names_swapped(),
    _names_swapped_with_slip(),
    _overlap("given_keys", "nickname or variant of the same name"),
    # 'Lily' for 'Megan Lily': a child known by a middle name, or both names written.
    _overlap("given_parts", "one of the given names is the same"),
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
    # A year typed wrong is one slip (1984 for 1985); a parent and child of the same name at one
    # address share a day and month thirty years apart, which is no slip and counts against.
    _one_slip("dob", "one digit of the date of birth different"),
    _same_day_and_month_within_years(YEAR_SLIP_YEARS, "same day and month, year a few years out"),
    _within_days(10, "within 10 days"),
    _within_days(GENERATION_YEARS * 365, "different date of birth"),
    # Born a generation apart is a parent and child of one name (or a grandparent), or a date
    # badly corrupted: the resolver rules such a candidate out unless the NHS number agrees.
    _other("born a generation apart"),
))

SEX = Comparison("sex", (
    _missing("sex"),
    _same("sex", "same sex"),
    _other("different sex"),
))


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

# The names a level's test may use besides the two records.
_TEST_NAMES = {
    "_jaro_winkler": _jaro_winkler,
    "_names_swapped_close": _names_swapped_close,
    "_one_slip_apart": _one_slip_apart,
}


def levels_function(comparisons: Sequence[Comparison]) -> LevelsFor:
    """`levels_for(l)`: a function of a second record `r` that gives the position of the first
    level that holds in each comparison, for the pair (l, r).

    The levels' tests are written out as one chain of `if`s per comparison, as Splink writes a
    CASE expression per comparison in SQL, so that a pair costs one call and no loop. As a lookup
    scores one record against many, the first record's columns (and the sets made of them) are
    read once, when the function is made for it. Tests are pure functions of the two records, so
    a test that two comparisons share (the neutral copies of name levels), or a helper call that
    two tests make (one similarity at two thresholds), is worked out once per pair.
    """
    written = "\n".join(level.test for c in comparisons for level in c.levels)
    columns, set_columns = sorted(set(_LEFT_COLUMN.findall(written))), sorted(set(_LEFT_SET.findall(written)))
    tests = [[_bound_to_left(level.test) for level in c.levels] for c in comparisons]
    repeated = Counter(test for chain in tests for test in chain)
    shared_tests = {t: f"test{k}" for k, t in enumerate(
        t for t, n in repeated.items() if n > 1 and t != "True"
    )}
    calls = Counter(call for test in repeated for call in set(_CALL.findall(test)))
    shared_calls = {c: f"call{k}" for k, c in enumerate(c for c, n in calls.items() if n > 1)}

    def once(name: str, expression: str) -> str:
        return f"({name} if {name} is not None else ({name} := {expression}))"

    source = ["def levels_for(l):"]
    source += [f"    l_{column} = l[{column!r}]" for column in columns]
    source += [f"    l_{column}_set = None if l_{column} is None else set(l_{column})"
               for column in set_columns]
    source.append("    def levels(r):")
    if shared_tests or shared_calls:
        source.append(f"        {' = '.join([*shared_tests.values(), *shared_calls.values()])} = None")
    for n, (comparison, chain) in enumerate(zip(comparisons, tests)):
        for index, test in enumerate(chain):
            expression = test
            for call, name in shared_calls.items():
                expression = expression.replace(call, once(name, call))
            if test in shared_tests:
                expression = once(shared_tests[test], expression)
            source += [f"        {'elif' if index else 'if'} ({expression}):",
                       f"            level{n} = {index}"]
        source += ["        else:",
                   f"            raise AssertionError({comparison.name + ': the last level must be ELSE'!r})"]
    source.append(f"        return ({''.join(f'level{n}, ' for n in range(len(comparisons)))})")
    source.append("    return levels\n")
    source = "\n".join(source)
    filename = f"<levels of {', '.join(c.name for c in comparisons)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)  # tracebacks
    namespace = dict(_TEST_NAMES)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102
    return namespace["levels_for"]


_LEFT_COLUMN = re.compile(r"\bl\['(\w+)'\]")
_LEFT_SET = re.compile(r"\bset\(l\['(\w+)'\]\)")
_CALL = re.compile(r"\b_\w+\([^()]*\)")  # a helper called on columns


def _bound_to_left(test: str) -> str:
    """The test with the first record's columns and sets read from the locals `levels_for` keeps."""
    return _LEFT_COLUMN.sub(r"l_\1", _LEFT_SET.sub(r"l_\1_set", test))


# `levels_for(l)(r)`: the level position of the pair (l, r) in each comparison, in COMPARISONS order.
levels_for: LevelsFor = levels_function(COMPARISONS)


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
    mistyped too. A school narrows a family name, or a given name (a surname changed), to a few
    children. A record with neither a date of birth nor a postcode (a partner list may hold a name,
    an NHS number the index lacks, and little else) is paired with everyone of its family name:
    nothing else could find it, and such records are few.
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
        block_on("family_name", "school"),
        block_on("given_name", "school"),
        "l.family_name = r.family_name and ((l.dob is null and l.postcodes is null)"
        " or (r.dob is null and r.postcodes is null))",
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
