"""MARAC referral criteria around the SafeLives Dash risk checklist (DOMAIN.md section 7).

The Dash count is one of several criteria: professional judgement and potential escalation
refer a case whatever the count, and a MARAC referral and an IDVA referral go together
(seed 002). Thresholds come from the dash tool definition, so a local variant is a data change.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from frontdoor.screening.facts import ScreeningInputError
from frontdoor.screening.tools import load_tool

CRITERIA_ORDER = ("visible_high_risk", "professional_judgement", "potential_escalation", "repeat")


def dash_marac_criteria(
    answers: Mapping[str, bool],
    professional_judgement: bool,
    callouts_12m: int,
    *,
    repeat_since_last_marac: bool = False,
    version: str | None = None,
) -> dict[str, Any]:
    """Which MARAC criteria are met, and whether MARAC and IDVA referrals are due.

    `answers` maps question ids (q1..q24) to True/False; unanswered questions count as no.
    `callouts_12m` is the number of police call-outs for domestic abuse in the last 12 months.
    `repeat_since_last_marac`: further abuse within 12 months of this pair's last referral.
    """
    tool = load_tool("dash", version)
    rules = tool.data["marac"]
    yes_count = _yes_count(answers, {factor.id for factor in tool.indicators})
    if not isinstance(callouts_12m, int) or isinstance(callouts_12m, bool) or callouts_12m < 0:
        raise ScreeningInputError("callouts_12m must be a whole number of call-outs, 0 or more")
    met = {
        "visible_high_risk": yes_count >= rules["visible_high_risk_at_least"],
        "professional_judgement": bool(professional_judgement),
        "potential_escalation": callouts_12m >= rules["potential_escalation_callouts_at_least"],
        "repeat": bool(repeat_since_last_marac),
    }
    criteria_met = [name for name in CRITERIA_ORDER if met[name]]
    due = bool(criteria_met)
    return {
        "tool_id": tool.id,
        "tool_version": tool.version,
        "yes_count": yes_count,
        "questions": len(tool.indicators),
        **met,
        "criteria_met": criteria_met,
        "marac_referral_due": due,
        "idva_referral_due": due,
        "explanation": _explanation(criteria_met, rules, yes_count, callouts_12m),
    }


def _yes_count(answers: Mapping[str, bool], questions: set[str]) -> int:
    if not isinstance(answers, Mapping):
        raise ScreeningInputError("answers must map question ids (q1..q24) to true or false")
    unknown = sorted(set(answers) - questions)
    if unknown:
        raise ScreeningInputError(f"Unknown Dash question ids: {', '.join(map(str, unknown))}")
    not_bool = sorted(key for key, value in answers.items() if not isinstance(value, bool))
    if not_bool:
        raise ScreeningInputError(f"Dash answers must be true or false: {', '.join(not_bool)}")
    return sum(1 for value in answers.values() if value)


def _explanation(criteria_met: list[str], rules: Mapping[str, Any], yes_count: int,
                 callouts: int) -> list[str]:
    lines = [f"{yes_count} of the Dash questions answered yes; {callouts} police call-out"
             f"{'' if callouts == 1 else 's'} in the last "
             f"{rules['potential_escalation_window_months']} months."]
    lines += [f"Met: {rules['criteria'][name]}." for name in criteria_met]
    if criteria_met:
        lines.append(f"{rules['referrals_together']}.")
    else:
        lines.append("No MARAC criterion is met; professional judgement can still refer.")
    return lines
