from datetime import date

from frontdoor.reporting import annex_a_codes as codes
from frontdoor.reporting.annex_a_codes import age_in_years, gender_cell, months_before, yes_no


def test_six_months_before_a_month_end_lands_on_the_shorter_months_last_day():
    assert months_before(date(2027, 8, 31), 6) == date(2027, 2, 28)
    assert months_before(date(2027, 3, 31), 6) == date(2026, 9, 30)
    assert months_before(date(2027, 1, 15), 12) == date(2026, 1, 15)


def test_age_turns_on_the_birthday():
    assert age_in_years(date(2017, 3, 14), date(2027, 3, 13)) == 9
    assert age_in_years(date(2017, 3, 14), date(2027, 3, 14)) == 10
    assert age_in_years(None, date(2027, 3, 14)) is None


def test_cells_are_written_as_the_template_writes_them():
    assert gender_cell("female") == "b) Female" and gender_cell("") == "c) Not stated/recorded"
    assert yes_no(True) == "a) Yes" and yes_no(False) == "b) No" and yes_no(None) == ""


def test_the_six_months_to_31_march_start_on_1_october():
    from frontdoor.reporting.annex_a import Window

    assert Window(date(2027, 3, 31)).start == date(2026, 10, 1)


def test_disability_comes_from_the_census_codes():
    assert codes.disability_cell(["NONE"]) == "b) No"
    assert codes.disability_cell(["AUT", "LD"]) == "a) Yes"
    assert codes.disability_cell([]) == "c) Unknown"


def test_ethnicity_is_the_census_code_lettered_as_the_template_letters_it():
    assert codes.ethnicity_cell("WBRI") == "a) WBRI" and codes.ethnicity_cell("MWAS") == "h) MWAS"
    assert codes.ethnicity_cell("OOTH") == "r) OOTH" and codes.ethnicity_cell("REFU") == "s) REFU"
    assert codes.ethnicity_cell("") == "s) NOBT" and codes.ethnicity_cell(None) == "s) NOBT"
    assert codes.ethnicity_cell("XXXX") == "s) NOBT"  # not a census code: not obtained, never passed through


def test_every_census_ethnicity_code_has_its_template_cell():
    from frontdoor.people.census_codes import ETHNICITY

    assert set(codes.ETHNICITY) == {code for code, _ in ETHNICITY}
