from frontdoor.decisions.models import Decision
from frontdoor.decisions.outcomes import outcome_wording
from frontdoor.screening.tools import load_tool


def decision_outcome_texts(*, decision: Decision) -> dict:
    """The level and outcome wording the referrer sees, from the tool version the decision used."""
    tool = load_tool(decision.tool_id, decision.tool_version)
    return {
        "level_name": tool.level(decision.level).title,
        "outcome_texts": [outcome_wording(tool, code) for code in decision.outcome_codes],
    }
