"""The UPN check letter and the census code checks: pure, no database."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdoor.people.census_codes import CHECK_LETTERS, UPN_LA_CODES, disabilities_problem, upn_check_letter, upn_problem


@pytest.mark.parametrize("upn", ["H873200419101", "A873210421057"])
def test_the_samples_upns_carry_their_check_letter(upn):
    assert upn_check_letter(upn) == upn[0] and upn_problem(upn) is None


def test_a_hand_worked_check_letter():
    # 8*2+7*3+3*4+2*5+0*6+0*7+4*8+1*9+9*10+1*11+0*12+1*13 = 214; 214 mod 23 = 7 -> H
    assert upn_check_letter("?873200419101") == "H"


def test_a_temporary_upns_last_letter_counts_as_its_place_in_the_alphabet():
    # The same 11 digits, then B (1) instead of 1: the same sum, so the same letter.
    assert upn_check_letter("?87320041910B") == "H"


@pytest.mark.parametrize("upn, words", [
    ("G873200419101", "should be H"), ("H87320041910", "13 characters"), ("H8732004191O1", "11 digits"),
    ("H87320041910I", "11 digits"), ("A999200419101", "999 is not one"),
])
def test_a_wrong_upn_says_what_is_wrong(upn, words):
    assert words in upn_problem(upn)


@given(st.sampled_from(sorted(UPN_LA_CODES)), st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_exactly_one_check_letter_makes_any_twelve_digits_valid(la_code, rest):
    body = la_code + rest
    valid = [letter for letter in CHECK_LETTERS if upn_problem(letter + body) is None]
    assert valid == [upn_check_letter("?" + body)]


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 10), st.sampled_from("0123456789"))
def test_one_digit_typed_wrong_is_caught(body, place, digit):
    typo = body[:place] + digit + body[place + 1:]
    if typo != body:
        assert upn_check_letter("?" + typo) != upn_check_letter("?" + body)


@pytest.mark.parametrize("codes, problem", [
    ([], None), (["NONE"], None), (["AUT", "LD"], None), (["NONE", "AUT"], "on its own"),
    (["AUT", "AUT"], "twice"), (["ASD"], "ASD"),
])
def test_disabilities_are_census_codes_with_none_alone(codes, problem):
    found = disabilities_problem(codes)
    assert (found is None) if problem is None else (problem in found)
