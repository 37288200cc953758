"""Tool definitions: versioned YAML data files read into immutable Tool objects.

A tool lives in `tools/<tool_id>/v<N>.yaml`. The file names its own id, version, title and
source; the loader checks them against the path so a copied file cannot masquerade as another
version. Loaded tools are cached: they are immutable, so every caller can share one.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from frontdoor.screening.conditions import referenced_ids
from frontdoor.screening.text import Lexicon, compile_lexicon

TOOLS_DIR = Path(__file__).parent / "tools"
_TOOL_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_VERSION_FILE = re.compile(r"^v(\d+)\.yaml$")
FACTOR_KINDS = {"indicators": "indicator", "risk_factors": "risk_factor",
                "protective_factors": "protective_factor"}


class ToolNotFound(LookupError):
    """No tool definition with that id or version."""


class ToolDefinitionError(ValueError):
    """A tool definition file is inconsistent; the message names the file and the problem."""


@dataclass(frozen=True)
class Factor:
    """One indicator, risk factor or protective factor, with its text in each column listing it."""

    id: str
    kind: str
    listed: Mapping[str, str]

    @property
    def text(self) -> str:
        return next(iter(self.listed.values()))

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.listed)

    @property
    def column(self) -> str:
        return self.columns[0]


@dataclass(frozen=True)
class Outcome:
    code: str
    text: str
    next_step: str | None = None
    options: tuple[Outcome, ...] = ()


@dataclass(frozen=True)
class Level:
    number: int
    title: str
    key_features: tuple[str, ...]
    outcomes: tuple[Outcome, ...]


class Tool:
    """A loaded tool definition. Read-only: `data` is the file's content, frozen."""

    def __init__(self, data: Mapping[str, Any], *, path: Path):
        self.data = _freeze(data)
        self.path = path
        self.id: str = data["id"]
        self.version: str = str(data["version"])
        self.title: str = data["title"]
        self.source: Mapping[str, Any] = self.data["source"]
        self.factors: tuple[Factor, ...] = _factors(data)
        self.levels: tuple[Level, ...] = tuple(_level(raw) for raw in data.get("levels", ()))
        self._factors_by_id = {factor.id: factor for factor in self.factors}
        self._outcomes_by_code = {outcome.code: outcome for outcome in _all_outcomes(self.levels)}
        self.lexicon: Lexicon | None = _lexicon(data)
        _check_references(data, self._factors_by_id, path)

    def __repr__(self) -> str:
        return f"<Tool {self.id} v{self.version}>"

    @property
    def indicators(self) -> tuple[Factor, ...]:
        return self._of_kind("indicator")

    @property
    def risk_factors(self) -> tuple[Factor, ...]:
        return self._of_kind("risk_factor")

    @property
    def protective_factors(self) -> tuple[Factor, ...]:
        return self._of_kind("protective_factor")

    @property
    def definitions(self) -> Mapping[str, str]:
        return self.data.get("definitions", MappingProxyType({}))

    @property
    def letter(self) -> Mapping[str, Any]:
        return self.data.get("letter", MappingProxyType({}))

    def factor(self, factor_id: str) -> Factor:
        try:
            return self._factors_by_id[factor_id]
        except KeyError:
            raise KeyError(f"{self.id} v{self.version} has no factor {factor_id!r}") from None

    def level(self, number: int) -> Level:
        for level in self.levels:
            if level.number == number:
                return level
        known = ", ".join(str(level.number) for level in self.levels) or "none"
        raise KeyError(f"{self.id} v{self.version} has no level {number!r} (levels: {known})")

    def outcomes_for(self, level: int) -> tuple[Outcome, ...]:
        return self.level(level).outcomes

    def outcome(self, code: str) -> Outcome:
        try:
            return self._outcomes_by_code[code]
        except KeyError:
            known = ", ".join(self._outcomes_by_code) or "none"
            raise KeyError(
                f"{self.id} v{self.version} has no outcome {code!r} (outcomes: {known})"
            ) from None

    def _of_kind(self, kind: str) -> tuple[Factor, ...]:
        return tuple(factor for factor in self.factors if factor.kind == kind)


def load_tool(tool_id: str, version: str | None = None) -> Tool:
    """The tool definition `tool_id` at `version` ("1"), or its latest version when None."""
    if not _TOOL_ID.match(tool_id or ""):
        raise ToolNotFound(f"{tool_id!r} is not a tool id (lower case letters, digits, _)")
    return _load(tool_id, version or latest_version(tool_id))


@functools.cache  # tool files ship with the package: a new version arrives with a new release
def tool_versions(tool_id: str) -> tuple[str, ...]:
    """Every stored version of a tool, oldest first."""
    folder = TOOLS_DIR / tool_id
    numbers = sorted(int(m.group(1)) for m in map(_VERSION_FILE.match, _names(folder)) if m)
    return tuple(str(number) for number in numbers)


def latest_version(tool_id: str) -> str:
    versions = tool_versions(tool_id)
    if not versions:
        raise ToolNotFound(f"There is no tool called {tool_id!r} in {TOOLS_DIR}")
    return versions[-1]


@functools.lru_cache(maxsize=None)
def _load(tool_id: str, version: str) -> Tool:
    path = TOOLS_DIR / tool_id / f"v{version}.yaml"
    if not path.is_file():
        known = ", ".join(tool_versions(tool_id)) or "none"
        raise ToolNotFound(f"Tool {tool_id!r} has no version {version!r} (versions: {known})")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _check_identity(data, tool_id=tool_id, version=version, path=path)
    return Tool(data, path=path)


def _names(folder: Path) -> list[str]:
    return [entry.name for entry in folder.iterdir()] if folder.is_dir() else []


def _check_identity(data: Any, *, tool_id: str, version: str, path: Path) -> None:
    if not isinstance(data, dict):
        raise ToolDefinitionError(f"{path}: a tool definition must be a mapping")
    missing = [key for key in ("id", "version", "title", "source") if key not in data]
    if missing:
        raise ToolDefinitionError(f"{path}: missing {', '.join(missing)}")
    if data["id"] != tool_id or str(data["version"]) != version:
        raise ToolDefinitionError(
            f"{path}: says it is {data['id']} v{data['version']}, its path says {tool_id} v{version}"
        )


def _check_references(data: Mapping[str, Any], factors: Mapping[str, Factor], path: Path) -> None:
    """Fail at load, not mid-triage, when a rule names a factor, grade or column that is not there."""
    grading = data.get("grading") or {}
    grades = grading.get("grades", ())
    columns = {column for factor in factors.values() for column in factor.columns}
    conditions = [rule["when"] for rule in grading.get("rules", ())]
    conditions += [note["when"] for note in data.get("notes", ())]
    conditions += [raw["history"] for section in FACTOR_KINDS for raw in data.get(section, ())
                   if "history" in raw]
    unknown = sorted(set().union(*map(referenced_ids, conditions)) - factors.keys())
    unknown += [rule["raise_to"] for rule in grading.get("rules", ()) if rule["raise_to"] not in grades]
    unknown += sorted(_columns_named(conditions) - columns)
    if unknown:
        raise ToolDefinitionError(f"{path}: rules name what the tool does not define: {', '.join(unknown)}")


def _columns_named(conditions: list[Any]) -> set[str]:
    named = set()
    for condition in conditions:
        if isinstance(condition, Mapping):
            if "column" in condition:
                column = condition["column"]
                named |= {column} if isinstance(column, str) else set(column)
            named |= _columns_named([*condition.get("all", ()), *condition.get("any", ()),
                                     *([condition["not"]] if "not" in condition else [])])
    return named


def _factors(data: Mapping[str, Any]) -> tuple[Factor, ...]:
    factors = []
    for section, kind in FACTOR_KINDS.items():
        for raw in data.get(section, ()):
            listed = raw.get("listed") or {raw["column"]: raw["text"]}
            factors.append(Factor(id=raw["id"], kind=kind, listed=MappingProxyType(dict(listed))))
    return tuple(factors)


def _lexicon(data: Mapping[str, Any]) -> Lexicon | None:
    if "narrative" not in data:
        return None
    entries = [raw for section in FACTOR_KINDS for raw in data.get(section, ())]
    return compile_lexicon(
        data["narrative"],
        patterns={raw["id"]: raw.get("patterns", ()) for raw in entries},
        unless={raw["id"]: raw.get("unless", ()) for raw in entries},
        vetoes=[(raw["id"], rule["unless_narrative_says"]) for raw in entries
                for rule in raw.get("structured", ()) if "unless_narrative_says" in rule],
    )


def _level(raw: Mapping[str, Any]) -> Level:
    return Level(
        number=int(raw["number"]),
        title=raw["title"],
        key_features=tuple(raw["key_features"]),
        outcomes=tuple(_outcome(item) for item in raw["outcomes"]),
    )


def _outcome(raw: Mapping[str, Any]) -> Outcome:
    return Outcome(
        code=raw["code"],
        text=raw["text"],
        next_step=raw.get("next_step"),
        options=tuple(_outcome(item) for item in raw.get("options", ())),
    )


def _all_outcomes(levels: tuple[Level, ...]):
    for level in levels:
        for outcome in level.outcomes:
            yield outcome
            yield from outcome.options


def _freeze(value: Any) -> Any:
    """Deep read-only copy: the cached tool is shared, so nobody may change it in place."""
    if isinstance(value, Mapping):
        return MappingProxyType({key: _freeze(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(item) for item in value)
    return value
