"""The shared rules on their own: lengths read from the columns, control characters, dates, counts."""
from datetime import date, datetime, timedelta, timezone as dt_timezone

import pytest
from django.utils import timezone

from frontdoor.intake import validation
from frontdoor.intake.models import Contact, ContactChild, ContactFamilyMember


def test_a_length_is_the_columns_own(monkeypatch):
    field = ContactChild._meta.get_field("school_name")
    monkeypatch.setattr(field, "max_length", 5)

    assert validation.field_problem(ContactChild, "school_name", "Oakfield") == "School name must be 5 characters or fewer"
    assert validation.field_problem(ContactChild, "school_name", "Oak") is None


@pytest.mark.parametrize(("model", "name", "value", "refused"), [
    (Contact, "referrer_name", "Chris\tTaylor", True),  # a one-line field takes no control character
    (Contact, "concern_now", "Line one\r\n\tLine two", False),  # a text keeps its line breaks and tabs
    (Contact, "concern_now", "NUL \x00 here", True),
    (Contact, "concern_now", "lone surrogate \ud800", True),  # PostgreSQL cannot encode it
    (Contact, "concern_now", "delete \x7f and next line \x85", True),
    (Contact, "agency_answers", {"q\x00": "answer"}, True),
])
def test_control_characters(model, name, value, refused):
    problem = validation.field_problem(model, name, value)
    assert (problem is not None and "hidden control characters" in problem) is refused


def test_a_childs_date_of_birth_is_in_the_past_and_within_25_years():
    today = timezone.localdate()
    assert validation.child_date_of_birth_problem(today) is None
    assert validation.child_date_of_birth_problem(today + timedelta(days=1)) == "Enter a date of birth in the past"
    assert validation.child_date_of_birth_problem(today - timedelta(days=365 * 25)) is None
    assert validation.child_date_of_birth_problem(today - timedelta(days=366 * 25)) is not None
    assert validation.child_date_of_birth_problem(date(1, 1, 1)) == "Enter a date of birth within the last 25 years"
    assert validation.adult_date_of_birth_problem(date(today.year - 60, 1, 1)) is None


@pytest.mark.parametrize("moment", [
    datetime(1, 1, 1, tzinfo=dt_timezone(timedelta(hours=1))),  # UTC would be year 0
    datetime(9999, 12, 31, 23, tzinfo=dt_timezone(timedelta(hours=-5))),  # UTC would be year 10000
    datetime(2999, 1, 1),  # naive, as a partner may send it
])
def test_a_moment_far_out_is_refused_without_overflowing(moment):
    assert validation.past_moment_problem(moment, "Date of the incident") is not None


def test_counts_are_capped_with_a_message():
    assert validation.children_count_problem(0) == "Add at least one child"
    assert validation.children_count_problem(validation.MAX_CHILDREN) is None
    assert validation.children_count_problem(1000) == "Enter 20 children or fewer on one contact"
    assert validation.family_count_problem(validation.MAX_FAMILY_MEMBERS + 1).startswith("Enter 30 family members")


def test_an_email_address_with_a_line_break_or_no_at_sign_is_refused():
    message = "Enter an email address in the correct format, like name@example.org"
    assert validation.field_problem(Contact, "referrer_email", "dsl@school.example\nBcc: x@example.org") == message
    assert validation.field_problem(Contact, "referrer_email", "not-an-email") == message
    assert validation.field_problem(Contact, "referrer_email", "dsl@school.example") is None


def test_values_are_normalised_as_the_form_stores_them():
    values = validation.normalised(ContactChild, {"postcode": " fd1  2ab ", "nhs_number": "943 476 5919",
                                                  "family_name": " Hartley ", "is_unborn": False})
    assert values == {"postcode": "FD1 2AB", "nhs_number": "9434765919", "family_name": "Hartley", "is_unborn": False}


def test_required_fields_follow_the_model_and_name_what_to_enter():
    assert validation.row_problems(ContactFamilyMember, {"name": " ", "relationship": "", "address": ""}) == {
        "name": "Enter the family member's full name",
        "relationship": "Enter the family member's relationship to the child",
    }
    assert validation.field_problem(Contact, "consent", "maybe") == "Select whether consent was given, refused or not sought"


def test_a_child_known_only_by_first_name_and_school_is_accepted():
    assert validation.child_problems({"given_name": "Tyler", "family_name": "", "school_name": "Nettlecombe Vale"}) == {}


def test_a_child_with_nothing_to_go_on_is_refused_with_what_would_help():
    problems = validation.child_problems({"given_name": "", "family_name": "", "school_name": ""})
    assert problems == {"given_name": "Enter the child's name, or what you know about them: their school, address or age"}


def test_not_known_as_a_name_is_refused_in_favour_of_leaving_it_blank():
    problems = validation.child_problems({"given_name": "Tyler", "family_name": "Not known"})
    assert problems == {"family_name": "Leave the last name blank if you do not know it"}


@pytest.mark.parametrize("postcode", ["WR1 2AB", "wr12ab", "SW1A 1AA", "M1 1AE", "B33 8TH", "GIR 0AA", " fd1  2ab "])
def test_a_real_uk_postcode_is_taken_and_stored_in_capitals_with_one_space(postcode):
    assert validation.postcode_problem(postcode) is None
    assert validation.normalised(ContactChild, {"postcode": postcode})["postcode"] == \
        validation.postcode_normalised(postcode)
    assert " " in validation.postcode_normalised(postcode).strip()


@pytest.mark.parametrize("postcode", ["WR1", "12345", "WR1 2A", "WR1 2ABC", "not known"])
def test_a_postcode_that_is_not_one_is_refused_in_words(postcode):
    assert validation.postcode_problem(postcode) == (
        "Enter a real UK postcode, like WR1 2AB, or leave it blank if you do not know it")


@pytest.mark.parametrize("phone", ["01632 960001", "07700 900982", "+44 (0)1632 960001", "(01905) 123456 ext 12"])
def test_a_uk_phone_number_is_taken(phone):
    assert validation.phone_problem(phone) is None


@pytest.mark.parametrize("phone", ["12345", "999", "call the office", "+1 212 555 0100"])
def test_a_phone_number_that_is_not_a_uk_one_is_refused_in_words(phone):
    assert validation.field_problem(Contact, "referrer_phone", phone) == (
        "Enter a UK phone number, like 01632 960 001 or 07700 900 982")
