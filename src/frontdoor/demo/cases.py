"""Children's open and closed involvement with children's services: early help, child in need, CP, in care.

Some cases follow from the demo contacts' decisions; the rest began before the ninety days the
contacts cover, so the caseload looks like one that has been running for years.
"""

from datetime import date, timedelta

from frontdoor.casework.models import Case
from frontdoor.decisions.models import Decision
from frontdoor.people.models import Person

from .population import Population
from .synthetic import Synth

KIND = Case.Kind
# outcome code -> (case kind it usually opens, how often)
CASE_FROM_OUTCOME = {"L2.2": (KIND.EARLY_HELP, 0.5), "L3.1": (KIND.EARLY_HELP, 0.8), "L3.2": (KIND.CHILD_IN_NEED, 0.7),
                     "L4.1": (KIND.CHILD_IN_NEED, 0.7), "L4.2a": (KIND.CHILD_IN_NEED, 0.8),
                     "L4.2b": (KIND.CHILD_PROTECTION, 0.5)}
# Cases opened before the contacts' ninety days, at scale 1.0
EARLIER_OPEN = {KIND.EARLY_HELP: 90, KIND.CHILD_IN_NEED: 70, KIND.CHILD_PROTECTION: 40, KIND.CHILD_IN_CARE: 25}
EARLIER_CLOSED = 120
TEAMS = {KIND.EARLY_HELP: "Early Help – {town}", KIND.CHILD_IN_NEED: "Family Support Team – {town}",
         KIND.CHILD_PROTECTION: "Safeguarding Team – {town}", KIND.CHILD_IN_CARE: "Children in Care Team"}


class CaseBuilder:
    def __init__(self, synth: Synth, *, population: Population, today: date) -> None:
        self.synth, self.today = synth, today
        self.town_of = {child.id: family.town["name"] for family in population.families
                        for child in family.born_children}
        old_enough = today - timedelta(days=120)  # so that every earlier case can open after the birth
        self.children = [child for family in population.families for child in family.born_children
                         if child.date_of_birth < old_enough]
        self.workers = [_worker_name(synth) for _ in range(24)]
        self.with_case: set = set()
        self.cases: list[Case] = []

    def build(self, *, decided: list[tuple[Person, Decision]], scale: float) -> list[Case]:
        for child, decision in decided:
            self._from_decision(child, decision)
        for kind, count in EARLIER_OPEN.items():
            for _ in range(round(count * scale)):
                self._earlier(kind, closed=False)
        for _ in range(round(EARLIER_CLOSED * scale)):
            self._earlier(self.synth.weighted({KIND.EARLY_HELP: 50, KIND.CHILD_IN_NEED: 40,
                                               KIND.CHILD_PROTECTION: 10}), closed=True)
        return self.cases

    def _from_decision(self, child: Person, decision: Decision) -> None:
        kind, share = CASE_FROM_OUTCOME.get(decision.outcome_codes[-1], (None, 0))
        if kind and child.id not in self.with_case and self.synth.chance(share):
            opened = decision.authorised_at.date() + timedelta(days=self.synth.between(0, 3))
            case = self._open(child, kind, min(opened, self.today))
            self._maybe_close(case)

    def _maybe_close(self, case: Case) -> None:
        # Many assessments end "not in need" within the 45 working days; early help often ends in weeks.
        weeks_open = (self.today - case.opened_on).days // 7
        if case.kind != KIND.CHILD_PROTECTION and weeks_open >= 6 and self.synth.chance(0.5):
            case.closed_on = case.opened_on + timedelta(days=self.synth.between(21, 7 * weeks_open - 1))

    def _earlier(self, kind: str, *, closed: bool) -> None:
        child = self.synth.pick(self.children)
        if child.id in self.with_case:
            return
        opened = self.today - timedelta(days=self.synth.between(95, 3 * 365))
        case = self._open(child, kind, max(opened, child.date_of_birth))
        if closed:
            case.closed_on = case.opened_on + timedelta(days=self.synth.between(30, 300))
            case.closed_on = min(case.closed_on, self.today - timedelta(days=1))

    def _open(self, child: Person, kind: str, opened: date) -> Case:
        self.with_case.add(child.id)
        case = Case(id=self.synth.uuid(), person=child, kind=kind, opened_on=opened,
                    lead_worker=self.synth.pick(self.workers), team=TEAMS[kind].format(town=self.town_of[child.id]))
        self.cases.append(case)
        return case


def _worker_name(synth: Synth) -> str:
    group = synth.name_group()
    return f"{synth.pick(group[synth.pick(['women', 'men'])])} {synth.pick(group['family'])}"
