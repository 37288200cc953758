"""What a school is told of a domestic abuse incident, in words written for a school. Pure.

Seed 001 (letter to head teachers): "The notification will include the detail for the incident, the
assessed grade and for high and medium incidents will include information on actions agreed at
triage", and "If the outcome of the triage is that a social work assessment will be undertaken, or
a strategy discussion undertaken, then you will be contacted as the responsible school to contribute
to these processes." The school needs to know what the child may have lived through, not the adults'
story: no names of the adults, no police narrative, no history of the perpetrator (DOMAIN.md 6).
"""
import re
from collections.abc import Mapping, Sequence

# Operation Encompass shares without the family's consent; the basis is recorded on each notification.
SCHOOL_LAWFUL_BASIS = (
    "Shared without the family's consent under Operation Encompass, to safeguard and promote the child's welfare: "
    "Children Act 2004 section 11, and the Data Protection Act 2018 Schedule 8 (safeguarding of children and of "
    "individuals at risk)."
)

BETWEEN = {
    "partner": "between two adults in a relationship",
    "ex_partner": "between former partners",
    "family_member": "between members of the child's family",
    "young_people_partners": "between two young people in a relationship",
    "other": "between people known to each other",
}
# The offence as a school needs it: the kind of harm the child may have seen, not the charge against an adult.
OFFENCE_KINDS = (
    (re.compile(r"assault|bodily harm|\babh\b|\bgbh\b|wound|battery|strangl|suffocat", re.I), "physical violence"),
    (re.compile(r"damage|arson", re.I), "damage to property"),
    (re.compile(r"threat", re.I), "threats"),
    (re.compile(r"harass|stalk|coerc|controll|malicious comm", re.I), "harassment or controlling behaviour"),
    (re.compile(r"breach", re.I), "a breach of bail or court conditions"),
)
CONTRIBUTE_TO = {
    "social_work_assessment": "a social work assessment",
    "strategy_discussion": "a strategy discussion",
}


def incident_circumstances(*, relationship: str, offences: Sequence[str], child_present: bool,
                           dash_answers: Mapping[str, object]) -> str:
    """The incident in two or three plain sentences: who it was between (by relationship, never by name),
    whether the child was there, what the police recorded, and whether anyone was hurt."""
    between = BETWEEN.get(relationship, BETWEEN["other"])
    present = "The child was present." if child_present else "The police did not record the child as present."
    sentences = [f"The police attended a domestic abuse incident {between}.", present]
    kinds = list(dict.fromkeys(_offence_kind(str(offence)) for offence in offences if str(offence).strip()))
    if kinds:
        sentences.append(f"The police recorded {_listed(kinds)}.")
    if dash_answers.get("q1") is True:  # Dash question 1: "Has the current incident resulted in injury?"
        sentences.append("Someone was injured.")
    return " ".join(sentences)


def contribution_request(decision: str) -> str:
    """The school's part in what the triage meeting decided, or "" when nothing is asked of it."""
    process = CONTRIBUTE_TO.get(decision)
    if not process:
        return ""
    return (f"The triage meeting decided on {process}. As the child's school you will be contacted to contribute "
            "to it; a strategy discussion is often held at short notice, and you can join it by phone.")


def _offence_kind(offence: str) -> str:
    return next((kind for pattern, kind in OFFENCE_KINDS if pattern.search(offence)), "an offence")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
