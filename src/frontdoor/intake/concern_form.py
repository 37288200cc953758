"""The Concern Contact Form's questions, loaded from versioned data in forms_data/.

Pure: imports nothing of Django or the project. The wording lives in YAML so that an area can
change it without a code release, and a stored contact can name the version it answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

FORMS_DATA = Path(__file__).with_name("forms_data")
VERSION_FILE = re.compile(r"concern_form_v(\d+)\.yaml")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    hint: str = ""
    kind: str = "question"  # "reminder": guidance shown beside the form, nothing to answer
    required_for_coach: bool = False
    error: str = ""  # the GOV.UK message when a yes/no question is left unanswered
    agency_kinds: tuple[str, ...] = ()  # only these kinds of the section's agencies; () for all of them


@dataclass(frozen=True)
class AgencySection:
    id: str
    title: str
    agency_kinds: tuple[str, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class ConsentReason:
    id: str
    label: str


@dataclass(frozen=True)
class ConsentOption:
    id: str
    label: str
    hint: str = ""
    reasons: tuple[ConsentReason, ...] = ()


@dataclass(frozen=True)
class ConcernForm:
    version: int
    immediate_questions: tuple[Question, ...]
    immediate_if_any_yes: str
    immediate_wording_is_local: bool
    welfare_question: Question
    early_help_question: Question
    agency_sections: tuple[AgencySection, ...]
    consent_question: str
    consent_options: tuple[ConsentOption, ...]
    consent_guidance: tuple[Question, ...] = ()  # seed 004's words, shown beside the question

    def agency_questions(self, agency_kind: str) -> tuple[Question, ...]:
        """The questions to answer for this kind of referring agency; none for kinds without guidance."""
        return tuple(q for q in self._agency_items(agency_kind) if q.kind == "question")

    def agency_reminders(self, agency_kind: str) -> tuple[Question, ...]:
        """Seed 004's guidance for this kind of agency that has nothing to answer, shown beside the form."""
        return tuple(q for q in self._agency_items(agency_kind) if q.kind == "reminder")

    def _agency_items(self, agency_kind: str) -> tuple[Question, ...]:
        section = next((s for s in self.agency_sections if agency_kind in s.agency_kinds), None)
        questions = section.questions if section else ()
        return tuple(q for q in questions if not q.agency_kinds or agency_kind in q.agency_kinds)

    def consent_option(self, option_id: str) -> ConsentOption | None:
        return next((option for option in self.consent_options if option.id == option_id), None)


@lru_cache(maxsize=1)
def available_versions() -> tuple[int, ...]:
    """Form versions shipped with this release; they change only when the code is deployed."""
    matches = (VERSION_FILE.fullmatch(path.name) for path in FORMS_DATA.iterdir())
    return tuple(sorted(int(match[1]) for match in matches if match))


def load_concern_form(version: int | None = None) -> ConcernForm:
    """The form at this version, or the newest one when version is None."""
    if version is None:
        version = max(available_versions())
    return _load(version)


@lru_cache(maxsize=8)
def _load(version: int) -> ConcernForm:
    path = FORMS_DATA / f"concern_form_v{version}.yaml"
    if not path.exists():
        raise LookupError(f"There is no concern form version {version}; there are {available_versions()}.")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    immediate = data["immediate_safety"]
    consent = data["consent"]
    return ConcernForm(
        version=data["version"],
        immediate_questions=tuple(_question(q) for q in immediate["questions"]),
        immediate_if_any_yes=immediate["if_any_yes"],
        immediate_wording_is_local=immediate["wording_is_local_configuration"],
        welfare_question=_question(data["welfare_concern"]),
        early_help_question=_question(data["early_help_advice"]),
        agency_sections=tuple(_agency_section(s) for s in data["agency_sections"]),
        consent_question=consent["question"],
        consent_options=tuple(_consent_option(o) for o in consent["options"]),
        consent_guidance=tuple(Question(id=g["id"], text=g["text"], kind="reminder") for g in consent.get("guidance", ())),
    )


def _question(data: dict[str, Any]) -> Question:
    return Question(
        id=data["id"],
        text=data["text"],
        hint=data.get("hint", ""),
        kind=data.get("kind", "question"),
        required_for_coach=data.get("required_for_coach", False),
        error=data.get("error", ""),
        agency_kinds=tuple(data.get("agency_kinds", ())),
    )


def _agency_section(data: dict[str, Any]) -> AgencySection:
    return AgencySection(
        id=data["id"],
        title=data["title"],
        agency_kinds=tuple(data["agency_kinds"]),
        questions=tuple(_question(q) for q in data["questions"]),
    )


def _consent_option(data: dict[str, Any]) -> ConsentOption:
    return ConsentOption(
        id=data["id"],
        label=data["label"],
        hint=data.get("hint", ""),
        reasons=tuple(ConsentReason(id=r["id"], label=r["label"]) for r in data.get("reasons", ())),
    )
