"""Narrative scanner: finds a tool's indicators in free text, with the exact words that matched.

The lexicon (patterns per finding id, shared terms, scope triggers) is data in the tool's YAML;
this module only compiles and applies it. A match counts unless, within its clause,
- a negation trigger precedes it ("no weapons were used", "denies making threats") or follows
  it closely ("threats ... denied"), NegEx-style (Chapman et al., 2001), or
- a hypothetical trigger precedes it ("if he does it again", "she would be frightened"), or
- its sentence matches one of the finding's `unless` patterns ("staying with their grandmother").
Scope ends at the sentence, at a terminator ("but", "which", ";"), and at a comma or "and" that
starts a new clause, so "no injuries, bruising or marks" stays negated while "no weapons were
used, DP punched IP" does not negate the punch.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

_TOKEN = re.compile(r"[\w/]+(?:['’]\w+)*|[^\w\s]")
_SENTENCE_BREAK = re.compile(r"[.!?]+[\"'’”)\]]*\s+|\s*\n\s*")
_TERM = re.compile(r"\{([a-z_]+)\}")
_ESCAPE_OR_LETTER = re.compile(r"\\.|[A-Z]")
_MAX_TERM_DEPTH = 5


class Triggers:
    """Trigger phrases, looked up by their first word so a check costs one pass over the words."""

    def __init__(self, phrases: Sequence[str]):
        self.by_first_word: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(phrase.lower().replace("’", "'").split())
            self.by_first_word.setdefault(words[0], []).append(words)

    def spans(self, words: list[str]):
        """(start, end) word positions of every trigger phrase occurring in `words`."""
        for index, word in enumerate(words):
            for phrase in self.by_first_word.get(word, ()):
                end = index + len(phrase)
                if tuple(words[index:end]) == phrase:
                    yield index, end

    def occur_in(self, words: list[str], *, skip_before: int = 0,
                 pseudo: Triggers | None = None) -> bool:
        """Whether a trigger starts at or after `skip_before` and is not part of a pseudo-trigger."""
        covered = set()
        if pseudo is not None:
            for start, end in pseudo.spans(words):
                covered.update(range(start, end))
        return any(start >= skip_before and start not in covered
                   for start, _ in self.spans(words))


@dataclass(frozen=True)
class Scope:
    negation_before: Triggers
    negation_after: Triggers
    negation_pseudo: Triggers
    hypothetical_before: Triggers
    hypothetical_pseudo: Triggers
    negation_window_before: int
    negation_window_after: int
    hypothetical_window_before: int
    terminators: frozenset[str]
    clause_starters: frozenset[str]
    experiencer: Experiencer | None = None


@dataclass(frozen=True)
class Experiencer:
    """ConText's "other experiencer" and "historical" for findings about the victim or abuser
    themselves (Harkema et al., 2009): "her sister is pregnant" and "he was sectioned in 2008,
    discharged 2009" do not say what they seem to about the parties now."""

    findings: frozenset[str]
    current: frozenset[str]
    other_person: Triggers
    parties: frozenset[str]
    window_before: int
    resolved: re.Pattern
    years_ago: int

    def other_person_before(self, words: list[str]) -> bool:
        """An other-person trigger before the finding, with no party named after it."""
        last = max((end for _, end in self.other_person.spans(words)), default=None)
        return last is not None and not self.parties & set(words[last:])

    def in_the_past(self, sentence: str, reference_year: int | None) -> bool:
        if self.resolved.search(sentence):
            return True
        years = (int(year) for year in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", sentence))
        return reference_year is not None and any(year <= reference_year - self.years_ago for year in years)


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[tuple[str, re.Pattern, re.Pattern | None], ...]  # (finding id, pattern, unless)
    scope: Scope
    abbreviations: frozenset[str]
    # Patterns that withdraw a structured rule when the narrative says them anywhere, by the
    # rule's tuple of sources ("separated five years ago" against a relationship recorded as ex).
    vetoes: Mapping[tuple[str, ...], re.Pattern] = field(default_factory=lambda: MappingProxyType({}))


def compile_lexicon(
    spec: Mapping, *, patterns: Mapping[str, Sequence], unless: Mapping[str, Sequence],
    vetoes: Sequence[tuple[str, Sequence[str]]] = (),
) -> Lexicon:
    """Compile every finding's patterns once per tool: one alternation per finding id."""
    terms = spec.get("terms", {})
    entries = []
    for finding_id, raw_patterns in patterns.items():
        flat = _flatten(raw_patterns)
        if not flat:
            continue
        entries.append((finding_id, _compile(flat, terms, finding_id),
                        _compile(_flatten(unless.get(finding_id, ())), terms, finding_id)))
    return Lexicon(
        entries=tuple(entries),
        scope=_scope(spec["scope"]),
        abbreviations=frozenset(spec.get("abbreviations", ())),
        vetoes=MappingProxyType({tuple(sources): _compile(list(sources), terms, finding_id)
                                 for finding_id, sources in vetoes}),
    )


def says(lexicon: Lexicon, sources: Sequence[str], narrative: str) -> bool:
    """Whether the narrative says one of a structured rule's vetoing patterns, anywhere."""
    return bool(narrative) and lexicon.vetoes[tuple(sources)].search(_fold_case(narrative)) is not None


def scan(lexicon: Lexicon, narrative: str, names: Mapping[str, Sequence[str]] | None = None,
         reference_year: int | None = None) -> list[tuple[str, int, int]]:
    """(finding id, start, end) for every match that stands, ordered by position.

    `names` maps a stand-in word to the given names it stands for ({"dp": ["Reggie"]}): the
    patterns then read "Reggie pushed Megan" as "DP pushed IP", and the evidence keeps the names.
    `reference_year` (the incident's) places years named in the narrative in the past.
    """
    if not narrative:
        return []
    document = _Document(narrative, lexicon, names or {})
    found = []
    for finding_id, pattern, unless in lexicon.entries:
        for match in pattern.finditer(document.folded):
            start, end = document.widen(*match.span())
            if document.stands(start, end, unless) and document.about_the_parties_now(
                    finding_id, start, reference_year):
                found.append((finding_id, start, end))
    found.sort(key=lambda item: (item[1], item[2], item[0]))
    return found


class _Document:
    """The narrative's tokens and sentences, computed once and shared by every pattern."""

    def __init__(self, text: str, lexicon: Lexicon, names: Mapping[str, Sequence[str]]):
        self.text = text
        self.folded, self.name_spans = _stand_in_names(_fold_case(text), names)
        self.scope = lexicon.scope
        tokens = [(m.start(), m.group().replace("’", "'")) for m in _TOKEN.finditer(self.folded)]
        self.token_starts = [start for start, _ in tokens]
        self.words = [word for _, word in tokens]
        self.sentence_starts = _sentence_starts(text, lexicon.abbreviations)

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """A match that starts or ends inside a stood-in name covers the whole name."""
        for name_start, name_end in self.name_spans:
            if name_start < start < name_end:
                start = name_start
            if name_start < end < name_end:
                end = name_end
        return start, end

    def stands(self, start: int, end: int, unless: re.Pattern | None) -> bool:
        first = bisect.bisect_left(self.token_starts, start)
        after = bisect.bisect_left(self.token_starts, end)
        sentence_start, sentence_end = self._sentence_around(start)
        floor = bisect.bisect_left(self.token_starts, sentence_start)
        ceiling = bisect.bisect_left(self.token_starts, sentence_end)
        scope = self.scope
        lead, words = self._clause_before(first, floor, scope.negation_window_before)
        if scope.negation_before.occur_in(lead + words, skip_before=len(lead),
                                          pseudo=scope.negation_pseudo):
            return False
        if scope.negation_after.occur_in(
            self._clause_after(after, ceiling, scope.negation_window_after)
        ):
            return False
        lead, words = self._clause_before(first, floor, scope.hypothetical_window_before)
        if scope.hypothetical_before.occur_in(lead + words, skip_before=len(lead),
                                              pseudo=scope.hypothetical_pseudo):
            return False
        return unless is None or not unless.search(self.folded, sentence_start, sentence_end)

    def about_the_parties_now(self, finding_id: str, start: int, reference_year: int | None) -> bool:
        """False when a finding about the parties is someone else's or in the past."""
        experiencer = self.scope.experiencer
        if experiencer is None or finding_id not in experiencer.findings | experiencer.current:
            return True
        sentence_start, sentence_end = self._sentence_around(start)
        first = bisect.bisect_left(self.token_starts, start)
        floor = max(bisect.bisect_left(self.token_starts, sentence_start),
                    first - experiencer.window_before)
        if finding_id in experiencer.findings and experiencer.other_person_before(self.words[floor:first]):
            return False
        return finding_id not in experiencer.current or not experiencer.in_the_past(
            self.folded[sentence_start:sentence_end], reference_year)

    def _sentence_around(self, position: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        start = self.sentence_starts[index]
        end = (self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts)
               else len(self.text))
        return start, end

    def _clause_before(self, first: int, floor: int, window: int) -> tuple[list[str], list[str]]:
        """Up to `window` words before token `first` within its clause, and the word before
        them (the lead), which only serves to recognise a pseudo-trigger such as "not only"
        whose second word falls inside the window."""
        words: list[str] = []
        index = first - 1
        while index >= floor and len(words) < window:
            word = self.words[index]
            if word in self.scope.terminators or self._opens_clause(index, first):
                return [], words[::-1]
            if word != ",":
                words.append(word)
            index -= 1
        lead = [self.words[index]] if index >= floor else []
        return lead, words[::-1]

    def _clause_after(self, after: int, ceiling: int, window: int) -> list[str]:
        words: list[str] = []
        index = after
        while index < ceiling and len(words) < window:
            word = self.words[index]
            if word in self.scope.terminators or (
                word in {",", "and"} and self._starts_clause(index + 1, ceiling)
            ):
                break
            if word != ",":
                words.append(word)
            index += 1
        return words

    def _opens_clause(self, index: int, limit: int) -> bool:
        """A comma or "and" at `index` followed by a clause starter begins a new clause."""
        return self.words[index] in {",", "and"} and self._starts_clause(index + 1, limit + 1)

    def _starts_clause(self, index: int, limit: int) -> bool:
        return index < min(limit, len(self.words)) and self.words[index] in self.scope.clause_starters


def _stand_in_names(folded: str, names: Mapping[str, Sequence[str]]) -> tuple[str, list[tuple[int, int]]]:
    """Each whole-word name replaced by its stand-in, right-aligned in the name's place so offsets
    and a following "'s" are kept ("Megan's" reads "   ip's"). Names shorter than the stand-in
    are left alone; a name given for two roles stands for the first."""
    stand_in_for: dict[str, str] = {}
    for stand_in, given in names.items():
        for name in given:
            if isinstance(name, str) and len(name.strip()) >= len(stand_in):
                stand_in_for.setdefault(name.strip().lower(), stand_in)
    text, spans = list(folded), []
    for name, stand_in in stand_in_for.items():
        for match in re.finditer(rf"(?<![\w/]){re.escape(name)}(?!\w)", folded):
            start, end = match.span()
            text[start:end] = " " * (end - start - len(stand_in)) + stand_in
            spans.append((start, end))
    return "".join(text), sorted(spans)


def _sentence_starts(text: str, abbreviations: frozenset[str]) -> list[int]:
    starts = [0]
    for match in _SENTENCE_BREAK.finditer(text):
        if match.group().lstrip().startswith(".") and _ends_with_abbreviation(
            text, match.start(), abbreviations
        ):
            continue
        starts.append(match.end())
    return starts


def _ends_with_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    word_start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
    word = text[word_start:dot].lower().strip("(\"'")
    return len(word) == 1 or word in abbreviations


def _experiencer(raw: Mapping | None) -> Experiencer | None:
    if raw is None:
        return None
    return Experiencer(
        findings=frozenset(raw["findings"]),
        current=frozenset(raw["current"]),
        other_person=Triggers(raw["other_person"]),
        parties=frozenset(word.lower() for word in raw["parties"]),
        window_before=int(raw["window_before"]),
        resolved=re.compile("|".join(f"(?:{p})" for p in raw["resolved"]), re.IGNORECASE),
        years_ago=int(raw["years_ago"]),
    )


def _scope(raw: Mapping) -> Scope:
    negation, hypothetical = raw["negation"], raw["hypothetical"]
    return Scope(
        experiencer=_experiencer(raw.get("experiencer")),
        negation_before=Triggers(negation["before"]),
        negation_after=Triggers(negation["after"]),
        negation_pseudo=Triggers(negation.get("pseudo", ())),
        hypothetical_before=Triggers(hypothetical["before"]),
        hypothetical_pseudo=Triggers(hypothetical.get("pseudo", ())),
        negation_window_before=int(negation["window_before"]),
        negation_window_after=int(negation["window_after"]),
        hypothetical_window_before=int(hypothetical["window_before"]),
        terminators=frozenset(raw["terminators"]),
        clause_starters=frozenset(raw["clause_starters"]),
    )


def _flatten(items: Sequence) -> list[str]:
    """Patterns may nest one level, so YAML anchors can share a list between findings."""
    flat: list[str] = []
    for item in items:
        flat.extend(_flatten(item) if isinstance(item, list | tuple) else [item])
    return flat


def _compile(sources: list[str], terms: Mapping[str, str], finding_id: str) -> re.Pattern | None:
    if not sources:
        return None
    body = "|".join(f"(?:{_lower_outside_escapes(_expand(source, terms))})" for source in sources)
    try:
        return re.compile(rf"(?<![\w/])(?:{body})(?!\w)")
    except re.error as error:
        raise ValueError(f"Pattern for {finding_id!r} does not compile: {error}") from error


def _fold_case(text: str) -> str:
    """Lower case with offsets unchanged. Matching lower-cased text with lower-cased patterns is
    about twice as fast as re.IGNORECASE; the few characters whose lower case is longer
    (such as "İ") are kept as they are so that offsets still point into the original."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _lower_outside_escapes(pattern: str) -> str:
    """Lower-case a pattern's letters but not its escapes (\\S and \\s differ)."""
    return _ESCAPE_OR_LETTER.sub(lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(),
                                 pattern)


def _expand(source: str, terms: Mapping[str, str]) -> str:
    """Replace {term} by its definition; terms may use other terms, a few levels deep."""
    for _ in range(_MAX_TERM_DEPTH):
        expanded = _TERM.sub(lambda m: terms.get(m.group(1), m.group(0)), source)
        if expanded == source:
            return expanded
        source = expanded
    raise ValueError(f"Terms nest more than {_MAX_TERM_DEPTH} deep in {source[:60]!r}")
