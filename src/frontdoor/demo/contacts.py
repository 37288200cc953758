"""Ninety days of contacts to the Front Door, their children and family members, and the decisions made."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.casework.calendar import ENGLAND, add_working_days, is_working_day, working_deadline
from frontdoor.decisions.consent import REFUSED, STATUTORY_LEVEL, consent_basis_needed
from frontdoor.decisions.models import Decision
from frontdoor.intake.models import Contact, ContactChild, ContactFamilyMember
from frontdoor.people.models import Person

from .area import Area
from .narratives import Cast, Story, compose
from .population import Family, Population
from .referrers import Referrer, ReferrerPool
from .synthetic import Synth, age_on, data_file

# Shares of referrals by source in England (DfE 2024/25: police 28%, schools 21%); members of the
# public are left out because a contact must name the referrer's agency.
SOURCES = {"police": 28, "school": 21, "health_trust": 9, "gp": 6, "local_authority": 12, "voluntary": 8,
           "housing": 5, "camhs": 4, "probation": 4}
# What a decider records for a support outcome the family refused consent to (seed 004).
CONSENT_BASIS = ("The family refused consent; the child's safety may be at risk, so the concern is shared with the "
                 "early help service under the Data Protection Act 2018.")


def consent_settled(contact: Contact, level: int, *, early_help_declined: bool = False) -> dict:
    """What a practitioner records to decide on a contact whose family refused consent or early help
    (seed 004)."""
    refused = contact.consent == REFUSED or early_help_declined
    return {"consent_basis": CONSENT_BASIS if consent_basis_needed(consent=contact.consent, level=level) else "",
            "significant_harm": level == STATUTORY_LEVEL and refused}


CHANNELS = {"police": {"email": 70, "online": 25, "phone": 5}, "school": {"online": 80, "phone": 15, "email": 5}}
OTHER_CHANNELS = {"online": 55, "phone": 30, "email": 15}
# Level of need by what the contact is about; overall about 35% level 1, 30% level 2, 20% level 3, 15% level 4.
LEVELS = {
    "domestic_abuse": {1: 33, 2: 30, 3: 20, 4: 17}, "neglect": {1: 25, 2: 33, 3: 24, 4: 18},
    "emotional_wellbeing": {1: 40, 2: 32, 3: 18, 4: 10}, "injury": {1: 22, 2: 22, 3: 20, 4: 36},
    "attendance": {1: 50, 2: 35, 3: 12, 4: 3}, "parental_mental_health": {1: 38, 2: 30, 3: 22, 4: 10},
    "substance_misuse": {1: 32, 2: 30, 3: 24, 4: 14},
}
OUTCOMES = {1: {"L1.1": 1}, 2: {"L2.1": 55, "L2.2": 45}, 3: {"L3.1": 50, "L3.2": 50}, 4: {"L4.1": 45, "L4.2": 55}}
STRATEGY_OUTCOMES = {"L4.2a": 30, "L4.2b": 35, "L4.2c": 10, "L4.2d": 10, "L4.2e": 15}
DAYS = 90
URGENT_SHARE = 0.03
UNLINKED_SHARE = 0.10
UNLINKED_WITHIN_DAYS = 14
AWAITING_AUTHORISATION = 5
RETURNED = 2
MIN_UNDECIDED = 10

RATIONALES = {
    "L1.1": "{child}'s needs can be met within universal services. {agency} will continue to support the "
            "family in the usual way. No further action by children's social care; the contact is recorded "
            "for information.",
    "L2.1": "There are additional needs ({concern}) that can be met by single-agency support from {agency}. "
            "Please consider completing an Early Help Assessment with the family to agree what further help is "
            "needed; the community social worker can advise.",
    "L2.2": "The family would benefit from early help because of {concern}. An offer of early help will be "
            "made first; a social worker will be in touch with the referrer to progress it.",
    "L3.1": "There is a high level of unmet need ({concern}) needing a co-ordinated multi-agency response and a "
            "lead professional. Targeted early help will be offered; a family support worker will be in touch.",
    "L3.2": "The information about {concern} suggests {child} may be a child in need under section 17 of the "
            "Children Act 1989. A social work assessment will be completed.",
    "L4.1": "There is reasonable cause to be concerned for {child}'s safety given {concern} and the history "
            "held by children's social care. A social work assessment will start today.",
    "L4.2": "Given {concern}, a strategy discussion was held by phone with police and health on {day}. "
            "Outcome: {strategy}.",
}
STRATEGY_TEXT = {
    "L4.2a": "social work assessment (child in need)",
    "L4.2b": "child protection enquiries under section 47",
    "L4.2c": "an offer of early help to the family",
    "L4.2d": "police-only investigation; no action by children's social care",
    "L4.2e": "no further action for police or social care",
}
CONCERN_PHRASES = {
    "domestic_abuse": "domestic abuse in the home", "neglect": "neglect of the children's basic care",
    "emotional_wellbeing": "the child's emotional wellbeing and self-harm", "injury": "an unexplained injury",
    "attendance": "poor school attendance", "parental_mental_health": "a parent's mental ill-health",
    "substance_misuse": "parental drug and alcohol use",
}
RETURN_REASONS = ["Please add the outcome of the police checks before I authorise this.",
                  "The rationale does not mention the previous contact in March; please address the history."]


@dataclass
class DemoReferrer:
    """A demo login's referrer, who must have contacts of their own to see on their pages."""

    referrer: Referrer
    kind: str
    contacts: int


@dataclass
class ContactRecords:
    contacts: list[Contact] = field(default_factory=list)
    children: list[ContactChild] = field(default_factory=list)
    family_members: list[ContactFamilyMember] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    # (child person, decision) for each authorised decision about a linked child: cases follow from them
    decided: list[tuple[Person, Decision]] = field(default_factory=list)
    stories: dict = field(default_factory=dict)  # contact id -> Story


class ContactBuilder:
    def __init__(self, synth: Synth, *, area: Area, population: Population, referrers: ReferrerPool,
                 practitioners: list, manager, today: date) -> None:
        self.synth, self.area, self.referrers, self.today = synth, area, referrers, today
        self.practitioners, self.manager = practitioners, manager
        self.families = [f for f in population.families if f.born_children]
        self.pupils: dict[object, list[tuple[Family, Person]]] = {}
        for family in self.families:
            for child in family.born_children:
                if child.school:
                    self.pupils.setdefault(child.school.id, []).append((family, child))
        self.undecided_from = timezone.make_aware(
            datetime.combine(add_working_days(today, -2), time.min))
        self.records = ContactRecords()

    def build(self, *, count: int, demo_referrers: list[DemoReferrer]) -> ContactRecords:
        times = self._received_times(count)
        undecided = max(MIN_UNDECIDED, sum(t >= self.undecided_from for t in times))
        plan = self._plan(len(times), undecided, demo_referrers)
        for i, received_at in enumerate(times):
            position = len(times) - 1 - i  # 0 for the newest
            status = self._status(position, undecided)
            # The newest contact is urgent, so the demo's urgent queue is never empty.
            self._contact(received_at, status, plan.get(i), urgent=position == 0 or self.synth.chance(URGENT_SHARE))
        return self.records

    # When and from whom

    def _received_times(self, count: int) -> list[datetime]:
        days = [self.today - timedelta(days=n) for n in range(1, DAYS + 1)]
        weights = [1.0 if is_working_day(d) else 0.2 for d in days]
        times = []
        for day in self.synth.rng.choices(days, weights=weights, k=count):
            if self.synth.chance(0.85):
                minute = self.synth.between(8 * 60 + 30, 17 * 60 + 30)
            else:
                minute = self.synth.between(0, 24 * 60 - 1)
            times.append(timezone.make_aware(datetime.combine(day, time(minute // 60, minute % 60))))
        return sorted(times)

    def _plan(self, count: int, undecided: int, demo_referrers: list[DemoReferrer]) -> dict[int, DemoReferrer]:
        """Spread each demo referrer's contacts over the decided ones, with one still waiting for a decision."""
        decided_slots = list(range(count - undecided))
        waiting_slots = list(range(count - undecided + AWAITING_AUTHORISATION + RETURNED, count))
        self.synth.rng.shuffle(decided_slots)
        self.synth.rng.shuffle(waiting_slots)
        plan = {}
        for demo in demo_referrers:
            for _ in range(demo.contacts - 1):
                plan[decided_slots.pop()] = demo
            if waiting_slots:
                plan[waiting_slots.pop()] = demo
        return plan

    def _status(self, position: int, undecided: int) -> str:
        if position >= undecided:
            return Contact.Status.AUTHORISED
        oldest_first = undecided - 1 - position
        if oldest_first < AWAITING_AUTHORISATION:
            return Contact.Status.AWAITING_AUTHORISATION
        if oldest_first < AWAITING_AUTHORISATION + RETURNED:
            return Contact.Status.RETURNED
        return Contact.Status.IN_PROGRESS if self.synth.chance(0.4) else Contact.Status.NEW

    def _source(self, demo: DemoReferrer | None) -> tuple[str, Family, Person, Referrer]:
        if demo:
            family, child = self._subject(demo.kind, demo.referrer.agency)
            return demo.kind, family, child, demo.referrer
        kind = self.synth.weighted(SOURCES)
        family, child = self._subject(kind, None)
        agency = self.agency_for(kind, family, child)
        return kind, family, child, self.referrers.pick(agency)

    def _subject(self, kind: str, agency) -> tuple[Family, Person]:
        if kind == "school":
            everyone = [p for ps in self.pupils.values() for p in ps]
            return self.synth.pick(self.pupils.get(agency.id, everyone) if agency else everyone)
        patients = [f for f in self.families if f.gp is agency] if kind == "gp" else []
        family = self.synth.pick(patients or self.families)
        children = family.born_children
        if kind == "camhs":
            children = [c for c in children if age_on(c.date_of_birth, self.today) >= 8] or children
        return family, self.synth.pick(children)

    def agency_for(self, kind: str, family: Family, child: Person):
        if kind == "school":
            return child.school
        if kind == "gp":
            return family.gp
        if kind == "voluntary":
            return self.synth.pick(self.area.of_kind("voluntary"))
        return self.area.of_kind(kind)[0]

    # One contact

    def _contact(self, received_at: datetime, status: str, demo: DemoReferrer | None, *, urgent: bool) -> None:
        kind, family, child, referrer = self._source(demo)
        children = family.children if self.synth.chance(0.4) else [child]
        story = compose(self.synth, agency_kind=kind, cast=self.cast(family, child, children), received_at=received_at)
        channel = "online" if demo else self.synth.weighted(CHANNELS.get(kind, OTHER_CHANNELS))
        contact = Contact(
            id=self.synth.uuid(), reference=self.synth.contact_reference(), channel=channel, status=status,
            received_at=received_at, decision_due_at=working_deadline(received_at, 1), is_urgent=urgent,
            submitted_by=referrer.user if channel == "online" else None, referrer_agency=referrer.agency,
            referrer_name=referrer.name, referrer_role=referrer.role, referrer_phone=referrer.phone,
            referrer_email=referrer.email, immediate_answers=self._immediate_answers(urgent),
            welfare_concern=not urgent and self.synth.chance(0.9), early_help_advice=self.synth.chance(0.15),
            concern_now=story.concern_now, concern_past=story.concern_past, incident_at=story.incident_at,
            disclosure_at=story.disclosure_at, agency_actions=story.agency_actions, consent=story.consent,
            consent_reason=story.consent_reason,
        )
        self.records.contacts.append(contact)
        self.records.stories[contact.id] = story
        linked = received_at < self._recent() or not self.synth.chance(UNLINKED_SHARE)
        for named in children:
            self.records.children.append(self._contact_child(contact, family, named, linked=linked, kind=kind))
        self._family_members(contact, family)
        self._decide(contact, story, subject=child, linked=linked, family=family)

    def _recent(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.today - timedelta(days=UNLINKED_WITHIN_DAYS), time.min))

    def cast(self, family: Family, child: Person, children: list[Person]) -> Cast:
        carers = [carer for carer, _ in family.carers]
        if carers[0].sex == Person.Sex.MALE:  # a single father: the children's mother lives elsewhere
            return Cast(child=child.given_name, children=self._names(children), sex=child.sex,
                        age=age_on(child.date_of_birth, self.today), mother="Mum",
                        partner=carers[0].full_name)
        mother = carers[0].given_name
        if len(carers) > 1:
            partner = carers[1].full_name
        elif family.absent_father:
            partner = f"her ex-partner {family.absent_father.full_name}"
        else:
            partner = "her ex-partner"
        return Cast(child=child.given_name, children=self._names(children), sex=child.sex,
                    age=age_on(child.date_of_birth, self.today), mother=mother, partner=partner)

    @staticmethod
    def _names(children: list[Person]) -> str:
        names = [c.given_name or "the unborn baby" for c in children]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"

    def _immediate_answers(self, urgent: bool) -> dict[str, bool]:
        answers = {f"immediate_{n}": False for n in (1, 2, 3)}
        if urgent:
            answers[self.synth.pick(list(answers))] = True
        return answers

    def _contact_child(self, contact: Contact, family: Family, child: Person, *, linked: bool,
                       kind: str) -> ContactChild:
        address = family.household.address
        knows_nhs = kind in ("gp", "health_trust", "camhs") or self.synth.chance(0.2)
        given, surname, born = child.given_name, child.family_name, child.date_of_birth
        if not linked:
            given, surname, born = self._as_typed(given, surname, born)
        return ContactChild(
            id=self.synth.uuid(), contact=contact, given_name=given, family_name=surname, date_of_birth=born,
            is_unborn=child.kind == Person.Kind.UNBORN, expected_date=child.expected_date,
            father_name=family.absent_father.full_name if family.absent_father else "",
            sex=child.sex if child.sex != Person.Sex.UNKNOWN else "",
            address=", ".join(p for p in (address.line1, address.line2, address.town) if p),
            postcode=address.postcode, nhs_number=child.nhs_number if knows_nhs and linked else "",
            school_name=child.school.name if child.school else "", person=child if linked else None,
        )

    def _as_typed(self, given: str, surname: str, born: date | None) -> tuple[str, str, date | None]:
        """The child as a hurried referrer might type them: a misspelling, a swapped or missing date."""
        given = _misspell(self.synth, given) if self.synth.chance(0.7) else given
        surname = _misspell(self.synth, surname) if self.synth.chance(0.5) else surname
        if born and self.synth.chance(0.3):
            born = None if self.synth.chance(0.5) else _swap_day_month(born)
        return given, surname, born

    def _family_members(self, contact: Contact, family: Family) -> None:
        address = family.household.address
        address_text = ", ".join(p for p in (address.line1, address.line2, address.town, address.postcode) if p)
        for carer, role in family.carers:
            self.records.family_members.append(ContactFamilyMember(
                contact=contact, name=carer.full_name, relationship=role,
                date_of_birth=carer.date_of_birth if self.synth.chance(0.6) else None, address=address_text))
        if family.absent_father and self.synth.chance(0.6):
            self.records.family_members.append(ContactFamilyMember(
                contact=contact, name=family.absent_father.full_name, relationship="Father (lives elsewhere)",
                lives_with_child=False))

    # The decision

    def _decide(self, contact: Contact, story: Story, *, subject: Person, linked: bool, family: Family) -> None:
        if contact.status in (Contact.Status.NEW, Contact.Status.IN_PROGRESS):
            contact.assigned_to = self.synth.pick(self.practitioners) if contact.status != "new" else None
            return
        decided_by = self.synth.pick(self.practitioners)
        level = 4 if contact.is_urgent else self.synth.weighted(LEVELS[story.category])
        codes = self._outcome_codes(level)
        decided_at = self._decided_at(contact)
        decision = Decision(
            id=self.synth.uuid(), contact=contact, tool_id="levels_of_need", tool_version="1", level=level,
            # Level 4's strategy-discussion outcome is ticked through its option, as on the letter.
            outcome_codes=codes[-1:], rationale=self._rationale(codes, story, subject, family, decided_at),
            social_worker_name=decided_by.get_full_name(), decided_by=decided_by, decided_at=decided_at,
            status=contact.status,
            **consent_settled(contact, level),
        )
        contact.assigned_to = decided_by
        if contact.status == Contact.Status.AUTHORISED:
            decision.authorised_by = self.manager
            authorised_at = _after_working_minutes(decided_at, self.synth.between(10, 240))
            decision.authorised_at = self._before_today(authorised_at, contact)
            if linked:
                self.records.decided.append((subject, decision))
        elif contact.status == Contact.Status.RETURNED:
            decision.return_reason = self.synth.pick(RETURN_REASONS)
        self.records.decisions.append(decision)

    def _outcome_codes(self, level: int) -> list[str]:
        code = self.synth.weighted(OUTCOMES[level])
        return [code, self.synth.weighted(STRATEGY_OUTCOMES)] if code == "L4.2" else [code]

    def _decided_at(self, contact: Contact) -> datetime:
        working_minutes = self.synth.between(30, 7 * 60)
        if contact.received_at < self._recent() and self.synth.chance(0.07):
            working_minutes += 8 * 60  # decided late: past the one-working-day clock
        return self._before_today(_after_working_minutes(contact.received_at, working_minutes), contact)

    def _before_today(self, moment: datetime, contact: Contact) -> datetime:
        """Nothing is decided in the future: the newest decisions were made late yesterday at the latest."""
        opening = timezone.make_aware(datetime.combine(self.today, time(9)))
        if moment < opening:
            return moment
        late_yesterday = timezone.make_aware(datetime.combine(add_working_days(self.today, -1), time(16, 30)))
        return max(late_yesterday, contact.received_at + timedelta(minutes=10))

    @staticmethod
    def _rationale(codes: list[str], story: Story, subject: Person, family: Family, decided_at: datetime) -> str:
        # Universal support comes from the child's school or GP, whoever made the contact.
        universal = subject.school or family.gp
        words = {"child": subject.given_name, "agency": universal.name, "concern": CONCERN_PHRASES[story.category],
                 "day": f"{decided_at:%A} {decided_at.day} {decided_at:%B}",
                 "strategy": STRATEGY_TEXT.get(codes[-1], "")}
        return RATIONALES[codes[0]].format(**words)


def _after_working_minutes(start: datetime, minutes: int) -> datetime:
    """The moment this many minutes of the working day (09:00 to 17:00) have passed since start."""
    moment = ENGLAND.clock_start(start)
    while moment + timedelta(minutes=minutes) > (closes := moment.replace(hour=17, minute=0)):
        minutes -= int((closes - moment).total_seconds() // 60)
        moment = datetime.combine(add_working_days(moment.date(), 1), time(9), tzinfo=moment.tzinfo)
    return moment + timedelta(minutes=minutes)


def _misspell(synth: Synth, name: str) -> str:
    variants = data_file("names.json")["spelling_variants"]
    if name in variants and synth.chance(0.6):
        return variants[name]
    if len(name) < 4:
        return name.lower()
    i = synth.between(1, len(name) - 2)
    return synth.pick([
        name[:i] + name[i + 1] + name[i] + name[i + 2:],  # two letters transposed
        name[:i] + name[i + 1:],  # a letter dropped
        name[:i] + name[i] + name[i:],  # a letter doubled
    ])


def _swap_day_month(born: date) -> date:
    return born.replace(month=born.day, day=born.month) if born.day <= 12 and born.day != born.month else born
