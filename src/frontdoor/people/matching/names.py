"""Given-name variants (nicknames, spellings, transliterations) shipped as data."""

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_NOT_LETTER = re.compile(r"[^A-Z ]+")
_SPACES = re.compile(r"\s+")


def normalise_name(raw: str | None) -> str | None:
    """Upper-case letters and single spaces: 'O'Brien-Smith ' -> 'OBRIEN SMITH'."""
    if not raw:
        return None
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    spaced = ascii_text.upper().replace("-", " ")
    letters = _SPACES.sub(" ", _NOT_LETTER.sub("", spaced)).strip()
    return letters or None


@lru_cache(maxsize=1)
def variant_groups() -> tuple[tuple[str, ...], ...]:
    """Each group: the formal name first, then the names that may stand for it."""
    text = resources.files(__package__).joinpath("data/name_variants.csv").read_text("utf-8")
    return tuple(
        tuple(dict.fromkeys(name.strip() for name in line.split(",") if name.strip()))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _groups_by_name() -> dict[str, tuple[str, ...]]:
    keys: dict[str, list[str]] = {}
    for group in variant_groups():
        for name in group:
            keys.setdefault(name, []).append(group[0])
    return {name: tuple(formals) for name, formals in keys.items()}


def variant_keys(given_name: str | None) -> list[str]:
    """The formal names each token of a normalised given name may stand for."""
    if not given_name:
        return []
    groups = _groups_by_name()
    return sorted({key for token in given_name.split() for key in groups.get(token, ())})
