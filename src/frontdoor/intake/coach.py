"""The referral-quality coach: checks a draft concern against seed 004's good and poor referral.

Seed 004 ("Making a referral"): "The quality of a referral significantly impacts on how
effectively Childrens Social Care is able to respond to safeguarding." Each check returns flags
that tell the referrer, in plain English, what to add or change; the referrer may still send.

Pure: imports nothing of Django or the project's models (an import-linter contract enforces
it). Deterministic for a given draft, and fast: every pattern is compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import nhs_number
import yaml

from frontdoor.intake.concern_form import ConcernForm, load_concern_form

LONDON = ZoneInfo("Europe/London")
TERMS_FILE = Path(__file__).with_name("forms_data") / "coach_terms_v1.yaml"

CONSENT_ANSWERS = frozenset({"given", "refused", "not_sought"})
NO_ACTION = re.compile(
    r"\s*(?:none|nil|nothing|no action|n\s*/?\s*a|not applicable|tbc|-+|\.+)?\s*\.?\s*", re.I
)
UK_PHONE = re.compile(r"0[1-9]\d{8,9}")
UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)
# An answer that answers nothing: "see above", "N/A", "unknown" with no reason (seed 004: a poor
# referral "leaves gaps").
NON_ANSWER = re.compile(r"\s*(?:see\s+above|as\s+above|n/?a|unknown|not\s+known|don{apos}?t\s+know|tbc|tba|-+|\?+)\s*[.!]?\s*"
                        .replace("{apos}", "['’]"), re.I)
BARE_NO = re.compile(r"\s*(?:no|not\s+yet|nope)\s*[.!]?\s*", re.I)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE_EXTENSION = re.compile(r"\s*(?:ext|extension|x)\.?\s*\d+\s*$", re.I)

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATE_OR_TIME = re.compile(
    rf"""\b(?:
        \d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?              # 14/03/2026, 14.3
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b       # 14th March
      | {MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b                 # March 14
      | (?:january|february|march|april|june|july|august|september|october|november|december)
      | (?:mon|tues|wednes|thurs|fri|satur|sun)day
      | today|yesterday|tonight|last\s+night|this\s+(?:morning|afternoon|evening)
      | \d{{1,2}}[:.]\d{{2}}                                    # 10:30
      | \d{{1,2}}\s*(?:am|pm)\b | \d{{4}}\s*hrs\b
      | (?:19|20)\d{{2}}                                         # a year
    )\b""",
    re.I | re.X,
)
PAST_MARKER = re.compile(
    r"""\b(?:last\s+(?:year|month|summer|winter|spring|autumn|term)|previously|historic(?:al(?:ly)?)?
      | in\s+the\s+past|years?\s+ago|months\s+ago|used\s+to|formerly|at\s+that\s+time
      | back\s+in\s+(?:(?:19|20)\d{2}|the\s+(?:day|spring|summer|autumn|winter)|"""
    + MONTH
    + r"""))\b""",
    re.I | re.X,
)
# Events that are history, told inside "what is happening now" (seed 004: "not clear if the
# concern is in the past or present").
HISTORY_MARKER = re.compile(
    r"""\b(?:history\s+of|historic(?:al)?|previous(?:ly)?|was\s+convicted|convictions?\s+for|has\s+been\s+in\s+prison
      | in\s+the\s+(?:spring|summer|autumn|winter)|there\s+(?:was|were)\s+(?:a|an)\s+\w+\s+(?:in|last|before)
      | (?:last|a\s+few|two|three|several)\s+(?:years?|months)\s+ago|used\s+to|years?\s+ago|formerly)\b""",
    re.I | re.X,
)
# Events strung together in one sentence ("he was arrested and she went to refuge and they came back
# and now ...") with nothing under past concerns: the reader cannot tell which of them is happening now.
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
JOINED_CLAUSE = re.compile(r"\band\b", re.I)
RUN_ON_JOINS = 4
NO_HISTORY_GIVEN = re.compile(r"\s*(?:none|nil|no|not\s+known|n/?a|see\s+above|as\s+above)?\s*[.!]?\s*", re.I)
IN_YEAR = re.compile(r"\bin\s+((?:19|20)\d{2})\b", re.I)
PRESENT_MARKER = re.compile(
    r"""\b(?:now|today|tonight|currently|current|at\s+present|presently|at\s+the\s+moment|still
      | this\s+(?:morning|afternoon|evening|week|term|month)|yesterday|last\s+night|ongoing
      | continues|continuing|is|are|am|isn't|aren't|has\s+been|have\s+been)\b""",
    re.I | re.X,
)
# Capitalised tokens that may be abbreviations: "DV", "A&E", "CiN", plurals like "GPs".
CAPITALS = re.compile(r"(?<![\w&])([A-Z][A-Za-z&]*[A-Z])(s?)(?![\w&])")
# A capitalised given name just before capitals marks a surname ("Jade SMITH"), unless it is a
# word that merely starts a sentence.
GIVEN_NAME_BEFORE = re.compile(
    r"\b(?!(?:The|A|An|His|Her|Their|Our|My|This|That|No|Any|When|If|At|In|On|To|From|With)\b)[A-Z][a-z]+\s+$"
)
LOOKBEHIND_CHARS = 40
# "(EHA)" after its full form, or "EHA (" before it.
EXPLAINED_CAPITALS = re.compile(r"\(\s*([A-Z][A-Za-z&]*[A-Z])s?\s*\)|(?<![\w&])([A-Z][A-Za-z&]*[A-Z])s?\s*\(")
UPPERCASE_LETTER = re.compile(r"[A-Z]")
LOWERCASE_LETTER = re.compile(r"[a-z]")
PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
UNKNOWN_ABBREVIATION_MIN_LENGTH, UNKNOWN_ABBREVIATION_MAX_LENGTH = 3, 5
READERS_MAY_NOT_KNOW = "not everyone who reads your referral will know it."


@dataclass(frozen=True)
class ReferralDraft:
    referrer_name: str = ""
    referrer_phone: str = ""
    referrer_email: str = ""
    agency_kind: str = ""
    children: tuple[Mapping[str, Any], ...] = ()
    concern_now: str = ""
    concern_past: str = ""
    incident_at: datetime | None = None
    disclosure_at: datetime | None = None
    submitted_at: datetime | None = None  # None: now
    agency_actions: str = ""
    consent: str = ""  # "given" | "refused" | "not_sought" | ""
    consent_reason: str = ""
    agency_answers: Mapping[str, str] = field(default_factory=dict)

    def text_fields(self) -> Iterator[tuple[str, str]]:
        """The free-text fields a referrer writes, by the names flags use for them."""
        yield "concern_now", self.concern_now
        yield "concern_past", self.concern_past
        yield "agency_actions", self.agency_actions
        for question_id, answer in self.agency_answers.items():
            yield f"agency_answers.{question_id}", answer


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    field: str
    start: int | None = None
    end: int | None = None
    expansion: str | None = None  # the full form of an abbreviation, or plain words for jargon

    @property
    def label(self) -> str:
        """The flag's name in words for a page: "Delayed referral", not "delayed_referral"."""
        return flag_label(self.code)


def flag_label(code: str) -> str:
    """A flag's code in words for a page: "Delayed referral", not "delayed_referral"."""
    return FLAG_LABELS.get(code) or code.replace("_", " ").capitalize()


FLAG_LABELS = {
    "missing_contact_details": "Contact details",
    "child_not_identifiable": "Child not identifiable",
    "past_present_unclear": "Past and present not separated",
    "acronym": "Acronym",
    "jargon": "Jargon",
    "consent_not_addressed": "Consent not addressed",
    "delayed_referral": "Delayed referral",
    "no_action_stated": "No action stated",
    "no_dates_or_times": "No dates or times",
    "too_short": "Too short",
    "agency_question_unanswered": "Agency question unanswered",
}


@dataclass(frozen=True)
class CoachSettings:
    # Seed 004: a good referral "is submitted ... as soon as a disclosure or incident occurs".
    delay_threshold: timedelta = timedelta(hours=24)
    min_words: int = 25


@dataclass(frozen=True)
class CoachTerms:
    acronyms: Mapping[str, str]
    plain_expansions: Mapping[str, str]  # lower case, without bracketed notes: to find them in text
    understood_by_everyone: frozenset[str]
    jargon: Mapping[str, str]
    jargon_pattern: re.Pattern[str]
    mixed_case_pattern: re.Pattern[str]  # known abbreviations ending in lower case: "OASys", "SENCo"


def check(
    draft: ReferralDraft, *, settings: CoachSettings = CoachSettings(), form: ConcernForm | None = None
) -> list[Flag]:
    """Every flag for this draft, in the order the form asks for things."""
    form = form or load_concern_form()
    submitted_at = _as_aware(draft.submitted_at) if draft.submitted_at else datetime.now(UTC)
    return [
        *check_contact_details(draft),
        *check_children(draft),
        *check_length(draft, min_words=settings.min_words),
        *check_past_and_present(draft, reference_year=submitted_at.year),
        *check_dates_and_times(draft, min_words=settings.min_words),
        *check_language(draft, terms=coach_terms()),
        *check_action_stated(draft),
        *check_consent(draft),
        *check_delay(draft, submitted_at=submitted_at, threshold=settings.delay_threshold),
        *check_agency_questions(draft, form=form),
    ]


def flags_as_dicts(flags: list[Flag]) -> list[dict[str, Any]]:
    return [asdict(flag) for flag in flags]


def check_contact_details(draft: ReferralDraft) -> Iterator[Flag]:
    # Seed 004: "No contact details means Childrens Social Care has to chase for information".
    code = "missing_contact_details"
    if not draft.referrer_name.strip():
        yield Flag(code, "Give your name so the Front Door knows who to contact.", "referrer_name")
    phone, email = draft.referrer_phone.strip(), draft.referrer_email.strip()
    if not phone:
        # Seed 004, a good referral "provides detail, such as: telephone numbers".
        message = "Give a phone number so the Front Door can call you back today."
        yield Flag(code, message, "referrer_phone")
    if phone and not is_plausible_uk_phone(phone):
        yield Flag(
            code, "Check your phone number: it does not look like a UK phone number.", "referrer_phone"
        )
    if email and not EMAIL.fullmatch(email):
        yield Flag(code, "Check your email address: it does not look complete.", "referrer_email")


def is_plausible_uk_phone(phone: str) -> bool:
    digits = re.sub(r"[\s()-]", "", PHONE_EXTENSION.sub("", phone))
    if digits.startswith("+44"):  # "+44 (0)1905 ..." as well as "+44 1905 ..."
        digits = "0" + digits[3:].removeprefix("0")
    return bool(UK_PHONE.fullmatch(digits))


def check_children(draft: ReferralDraft) -> Iterator[Flag]:
    # Seed 004: "It is very difficult for the MASH to act if we cannot identify the child."
    if not draft.children:
        yield Flag("child_not_identifiable", "Add the child or children this concern is about.", "children")
    for index, child in enumerate(draft.children):
        missing = _missing_identity(child)
        if missing:
            who = " ".join(filter(None, (_text(child, "given_name"), _text(child, "family_name"))))
            message = f"The Front Door may not be able to identify {who or 'this child'}. Add {missing}."
            yield Flag("child_not_identifiable", message, f"children[{index}]")


def _missing_identity(child: Mapping[str, Any]) -> str:
    unborn = child.get("expected_date") is not None
    school = _text(child, "school_name")
    named = _text(child, "family_name") and (_text(child, "given_name") or unborn)
    identified = (
        child.get("dob") is not None
        or unborn
        or (_text(child, "address") and (_text(child, "postcode") or UK_POSTCODE.search(_text(child, "address"))))
        or nhs_number.is_valid(_text(child, "nhs_number"))
        or school
    )
    identifiers = (
        "their date of birth (or due date for an unborn baby), address and postcode, NHS number or school"
    )
    if not named and not identified:
        return f"their full name and at least one of: {identifiers}"
    if not named:
        return "their full name"
    if not identified:
        bad_nhs_number = " (the NHS number given is not valid)" if _text(child, "nhs_number") else ""
        return f"at least one of: {identifiers}{bad_nhs_number}"
    return ""


def check_length(draft: ReferralDraft, *, min_words: int) -> Iterator[Flag]:
    # Seed 004, a poor referral: "Very short with no detail".
    if _too_short(draft, min_words=min_words):
        yield Flag(
            "too_short",
            "Tell us more: what happened, when, who was involved, where, how often, and how it affects the child.",
            "concern_now",
        )


def _too_short(draft: ReferralDraft, *, min_words: int) -> bool:
    words = len(draft.concern_now.split()) + len(draft.concern_past.split())
    return bool(draft.concern_now.strip()) and words < min_words


def check_past_and_present(draft: ReferralDraft, *, reference_year: int) -> Iterator[Flag]:
    # Seed 004, a poor referral: "It is not clear if the concern is in the past or present."
    code, text = "past_present_unclear", draft.concern_now
    if not text.strip():
        message = "Say what is worrying you now, today; put earlier events under past concerns."
        yield Flag(code, message, "concern_now")
        return
    if _only_about_the_past(text, reference_year=reference_year):
        yield Flag(
            code,
            "This reads as if it all happened in the past. Say what is happening now, and move "
            "earlier events to past concerns.",
            "concern_now",
        )
    elif NO_HISTORY_GIVEN.fullmatch(draft.concern_past) and _tells_history(text, reference_year=reference_year):
        yield Flag(
            code,
            "Earlier events are mixed in with what is happening now. Move them to past concerns, so "
            "the Front Door can see what is new.",
            "concern_now",
        )


def _tells_history(text: str, *, reference_year: int) -> bool:
    return (
        HISTORY_MARKER.search(text) is not None
        or any(int(y) < reference_year for y in IN_YEAR.findall(text))
        or _strings_events_together(text)
    )


def _strings_events_together(text: str) -> bool:
    return any(len(JOINED_CLAUSE.findall(sentence)) >= RUN_ON_JOINS for sentence in SENTENCE_END.split(text))


def _only_about_the_past(text: str, *, reference_year: int) -> bool:
    earlier_year = any(int(year) < reference_year for year in IN_YEAR.findall(text))
    return (earlier_year or PAST_MARKER.search(text) is not None) and PRESENT_MARKER.search(text) is None


def check_dates_and_times(draft: ReferralDraft, *, min_words: int) -> Iterator[Flag]:
    # Seed 004, a good referral: "Includes specific details and times". A referral too short to
    # say anything has been asked for the when already (one flag per gap: a coach that nags is ignored).
    # The form's own "when it happened" and "when you became aware" are dates given.
    given = draft.incident_at or draft.disclosure_at
    if given or DATE_OR_TIME.search(draft.concern_now) or DATE_OR_TIME.search(draft.concern_past):
        return
    if _too_short(draft, min_words=min_words):
        return
    yield Flag(
        "no_dates_or_times",
        "Say when things happened: give dates and times, or when you were told.",
        "concern_now",
    )


def check_language(draft: ReferralDraft, *, terms: CoachTerms) -> Iterator[Flag]:
    # Seed 004, a poor referral: "Uses jargon or acronyms".
    all_text = "\n".join(text for _, text in draft.text_fields())
    explained = _explained_abbreviations(all_text, terms)
    for field_name, text in draft.text_fields():
        flags = [
            *_abbreviation_flags(field_name, text, explained=explained, terms=terms),
            *_jargon_flags(field_name, text, terms=terms),
        ]
        yield from sorted(flags, key=lambda flag: flag.start)


def _abbreviation_flags(
    field_name: str, text: str, *, explained: frozenset[str], terms: CoachTerms
) -> Iterator[Flag]:
    seen: set[str] = set()
    matches = sorted([*CAPITALS.finditer(text), *terms.mixed_case_pattern.finditer(text)], key=lambda m: m.start())
    for match in matches:
        token = match[1]  # without a plural "s"
        if (
            token in seen
            or token in explained
            or terms.understood_by_everyone.intersection((token, match[0]))
        ):
            continue
        expansion = terms.acronyms.get(token)
        if expansion is None and not _looks_like_abbreviation(token, text, match.start()):
            continue
        seen.add(token)
        yield Flag(
            code="acronym",
            message=_abbreviation_message(token, expansion),
            field=field_name,
            start=match.start(),
            end=match.end(),
            expansion=expansion,
        )


def _abbreviation_message(token: str, expansion: str | None) -> str:
    if expansion:
        plain = PARENTHETICAL.sub("", expansion)
        return f'Write "{token}" in full ("{plain}"): {READERS_MAY_NOT_KNOW}'
    return f'If "{token}" is an abbreviation, write it in full: {READERS_MAY_NOT_KNOW}'


def _looks_like_abbreviation(token: str, text: str, start: int) -> bool:
    # Records often write surnames in capitals ("Jade SMITH"); text typed in capitals is shouting.
    # Two capitals the coach does not know are more often initials ("DK") or a make of car ("VW").
    return (
        token.isupper()
        and UNKNOWN_ABBREVIATION_MIN_LENGTH <= len(token) <= UNKNOWN_ABBREVIATION_MAX_LENGTH
        and not GIVEN_NAME_BEFORE.search(text[max(0, start - LOOKBEHIND_CHARS) : start])
        and not _mostly_capitals(text)
    )


def _mostly_capitals(text: str) -> bool:
    return len(UPPERCASE_LETTER.findall(text)) > len(LOWERCASE_LETTER.findall(text))


def _explained_abbreviations(all_text: str, terms: CoachTerms) -> frozenset[str]:
    """Abbreviations the referrer wrote out: "Early Help Assessment (EHA)", "EHA (Early Help ...)",
    or the full form anywhere in the draft."""
    bracketed = {before or after for before, after in EXPLAINED_CAPITALS.findall(all_text)}
    lowered = all_text.lower()
    written_out = {token for token, phrase in terms.plain_expansions.items() if phrase in lowered}
    return frozenset(bracketed | written_out)


def _jargon_flags(field_name: str, text: str, *, terms: CoachTerms) -> Iterator[Flag]:
    seen: set[str] = set()
    for match in terms.jargon_pattern.finditer(text):
        term = match[1].lower()
        if term in seen:
            continue
        seen.add(term)
        plain = terms.jargon[term]
        message = f'Use plain words for "{match[0]}", such as "{plain}": {READERS_MAY_NOT_KNOW}'
        yield Flag("jargon", message, field_name, start=match.start(), end=match.end(), expansion=plain)


def check_action_stated(draft: ReferralDraft) -> Iterator[Flag]:
    # Seed 004, a poor referral: "It is not clear what action the agency has taken".
    if NO_ACTION.fullmatch(draft.agency_actions):
        yield Flag(
            "no_action_stated",
            "Say what you or your agency have already done (for example, spoken to the child or "
            "parents, offered support) and what you will do next. If nothing yet, say why.",
            "agency_actions",
        )


def check_consent(draft: ReferralDraft) -> Iterator[Flag]:
    # Seed 004, consent: not needed where asking "might place the child or another person at
    # immediate risk of harm or prejudice the prevention or detection of crime".
    code = "consent_not_addressed"
    if draft.consent not in CONSENT_ANSWERS:
        message = "Say whether the parents or carers consented to this referral, refused, or were not asked."
        yield Flag(code, message, "consent")
    elif draft.consent == "not_sought" and not draft.consent_reason.strip():
        yield Flag(
            code,
            "Say why you did not ask for consent: asking would put a child at risk of harm, or "
            "would prejudice the prevention or detection of a crime.",
            "consent_reason",
        )


def check_delay(draft: ReferralDraft, *, submitted_at: datetime, threshold: timedelta) -> Iterator[Flag]:
    # Seed 004, a poor referral: "The referral is delayed, meaning opportunities to speak to the
    # child or collect evidence are lost."
    if draft.disclosure_at is None:
        return
    delay = submitted_at - _as_aware(draft.disclosure_at)
    if delay > threshold:
        yield Flag(
            "delayed_referral",
            f"This was disclosed {_describe(delay)} before the referral. A delay means chances to "
            "speak to the child or collect evidence can be lost: say why it was delayed, and in "
            "future refer as soon as a disclosure or incident happens.",
            "disclosure_at",
        )


def _describe(delay: timedelta) -> str:
    hours = int(delay.total_seconds() // 3600)
    return f"{hours} hours" if hours < 48 else f"{hours // 24} days"


def check_agency_questions(draft: ReferralDraft, *, form: ConcernForm) -> Iterator[Flag]:
    # Seed 004: a good referral "provides specific information relevant to the agency doing the
    # referral"; each agency's questions are in forms_data/concern_form_v*.yaml.
    for question in form.agency_questions(draft.agency_kind):
        answer = draft.agency_answers.get(question.id, "")
        if question.required_for_coach and _unanswered(question.text, answer):
            yield Flag(
                "agency_question_unanswered",
                f'Answer this question for your agency: "{question.text}".',
                f"agency_answers.{question.id}",
            )


def _unanswered(question: str, answer: str) -> bool:
    if not answer.strip() or NON_ANSWER.fullmatch(answer):
        return True
    return "explain why" in question.lower() and BARE_NO.fullmatch(answer) is not None


def _text(child: Mapping[str, Any], key: str) -> str:
    value = child.get(key)
    return value.strip() if isinstance(value, str) else ""


def _as_aware(moment: datetime) -> datetime:
    # Form input carries no zone; the Front Door's referrers are in England.
    return moment if moment.tzinfo else moment.replace(tzinfo=LONDON)


@lru_cache(maxsize=1)
def coach_terms() -> CoachTerms:
    data = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    jargon = {term.lower(): plain for term, plain in data["jargon"].items()}
    alternatives = "|".join(re.escape(term) for term in sorted(jargon, key=len, reverse=True))
    return CoachTerms(
        acronyms=dict(data["acronyms"]),
        plain_expansions={
            token: PARENTHETICAL.sub("", full).lower() for token, full in data["acronyms"].items()
        },
        understood_by_everyone=frozenset(data["understood_by_everyone"]),
        jargon=jargon,
        jargon_pattern=re.compile(rf"(?<![\w/])({alternatives})(?:e?s)?(?![\w/])", re.I),
        mixed_case_pattern=_mixed_case_pattern(data["acronyms"]),
    )


def _mixed_case_pattern(acronyms: dict[str, str]) -> re.Pattern[str]:
    mixed = sorted((token for token in acronyms if token[-1].islower()), key=len, reverse=True)
    return re.compile(rf"(?<![\w&])({'|'.join(map(re.escape, mixed)) or '(?!)'})(s?)(?![\w&])")
