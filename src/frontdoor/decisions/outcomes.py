"""Which outcome options a decision may tick, from the Levels of Need tool definition.

An outcome with options (Level 4's "A strategy discussion/meeting was held and the following
outcome was the result:") is ticked through one of its options, as on the paper letter.
"""
from django.conf import settings

from frontdoor.screening.tools import Tool, load_tool


def levels_of_need() -> Tool:
    return load_tool(settings.FRONTDOOR_AREA["levels_of_need_tool"])


def outcome_choices(tool: Tool, level: int) -> list[tuple[str, str]]:
    choices = []
    for outcome in tool.outcomes_for(level):
        if outcome.options:
            choices += [(option.code, f"{outcome.text} {option.text}") for option in outcome.options]
        else:
            choices.append((outcome.code, outcome.text))
    return choices


def outcome_codes_for(tool: Tool, level: int) -> set[str]:
    return {code for code, _ in outcome_choices(tool, level)}


def outcome_wording(tool: Tool, code: str) -> str:
    """The words the referrer reads for a ticked code, with its parent's words for an option."""
    for level in tool.levels:
        for outcome in level.outcomes:
            if outcome.code == code:
                return outcome.text
            for option in outcome.options:
                if option.code == code:
                    return f"{outcome.text} {option.text}"
    raise KeyError(f"{tool.id} v{tool.version} has no outcome {code!r}")
