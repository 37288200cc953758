import uuid
from datetime import date

from django.conf import settings
from django.db import models

from frontdoor.casework import clocks


def child_name(record) -> str:
    """The identified person's name, else the name the contact gave (an episode's, an offer's)."""
    if record.person_id:
        return record.person.full_name
    child = record.contact_child
    return " ".join(part for part in (child.given_name, child.family_name) if part) if child else ""


class Case(models.Model):
    """A child's open involvement with children's services: early help, child in need, child protection."""

    class Kind(models.TextChoices):
        EARLY_HELP = "early_help", "Early help"
        CHILD_IN_NEED = "child_in_need", "Child in need"
        CHILD_PROTECTION = "child_protection", "Child protection plan"
        CHILD_IN_CARE = "child_in_care", "Child in care"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    lead_worker = models.CharField(max_length=200, blank=True)
    team = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-opened_on"]

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class StrategyDiscussion(models.Model):
    """A strategy discussion to be held (police, social care, health at least), with what asked for it.

    Peer-on-peer domestic abuse between young people always gets one (seed 002).
    """

    class Decision(models.TextChoices):
        # The strategy discussion's outcomes (seed 001 Appendix B, Working Together 2023).
        SECTION_47 = "section_47", "Section 47 enquiry"
        JOINT_SECTION_47 = "joint_section_47", "Section 47 enquiry, joint with the police"
        ASSESSMENT = "assessment", "Social work assessment (child in need)"
        EARLY_HELP = "early_help", "An offer of early help"
        POLICE_ONLY = "police_only", "Police-only action"
        NO_FURTHER_ACTION = "nfa", "No further action"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    children = models.ManyToManyField("people.Person", related_name="strategy_discussions", blank=True)
    reason = models.CharField(max_length=300)
    source_notification = models.ForeignKey(
        "triage.PoliceNotification", null=True, blank=True, on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    requested_at = models.DateTimeField()
    due_at = models.DateTimeField()
    held_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    episode = models.ForeignKey("casework.Episode", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="strategy_discussions")
    participants = models.JSONField(default=list, blank=True)  # [{"agency": ..., "name": ..., "by_phone": bool}]
    decision = models.CharField(max_length=30, choices=Decision.choices, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_at"]


class Team(models.Model):
    """A social work team: its manager allocates the team's episodes to its social workers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=100, unique=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="casework_teams", blank=True)
    # The team new referrals from the front door go to (an assessment team), until reallocated.
    receives_referrals = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class Episode(models.Model):
    """A child-in-need episode: from the referral to children's social care to its closure (the
    DfE CIN census's CINdetails). One per child; the front-door contact it came from is kept."""

    class Source(models.TextChoices):
        # DfE CIN census ReferralSource codes (N00152).
        FAMILY = "1A", "Individual: family member, relative or carer"
        ACQUAINTANCE = "1B", "Individual: acquaintance"
        SELF = "1C", "Individual: self"
        OTHER_INDIVIDUAL = "1D", "Individual: other"
        SCHOOLS = "2A", "Schools"
        EDUCATION_SERVICES = "2B", "Education services"
        GP = "3A", "Health: GP"
        HEALTH_VISITOR = "3B", "Health: health visitor"
        SCHOOL_NURSE = "3C", "Health: school nurse"
        OTHER_PRIMARY_HEALTH = "3D", "Health: other primary health services"
        EMERGENCY_DEPARTMENT = "3E", "Health: A&E"
        OTHER_HEALTH = "3F", "Health: other"
        HOUSING = "4", "Housing"
        LA_SOCIAL_CARE = "5A", "Local authority: social care"
        LA_INTERNAL = "5B", "Local authority: other internal"
        LA_EXTERNAL = "5C", "Local authority: external"
        LA_EARLY_HELP = "5D", "Local authority: early help"
        POLICE = "6", "Police"
        OTHER_LEGAL = "7", "Other legal agency"
        OTHER = "8", "Other"
        ANONYMOUS = "9", "Anonymous"
        UNKNOWN = "10", "Unknown"

    class PrimaryNeed(models.TextChoices):
        # DfE CIN census PrimaryNeedCode (N00101).
        ABUSE_OR_NEGLECT = "N1", "Abuse or neglect"
        CHILD_DISABILITY = "N2", "Child's disability"
        PARENT_DISABILITY = "N3", "Parental disability or illness"
        ACUTE_STRESS = "N4", "Family in acute stress"
        DYSFUNCTION = "N5", "Family dysfunction"
        BEHAVIOUR = "N6", "Socially unacceptable behaviour"
        LOW_INCOME = "N7", "Low income"
        ABSENT_PARENTING = "N8", "Absent parenting"
        NOT_IN_NEED = "N9", "Cases other than children in need"
        NOT_STATED = "N0", "Not stated"

    class ClosureReason(models.TextChoices):
        # DfE CIN census ReasonForClosure (N00103).
        ADOPTED = "RC1", "Adopted"
        DIED = "RC2", "Died"
        CHILD_ARRANGEMENTS = "RC3", "Child arrangements order"
        SPECIAL_GUARDIANSHIP = "RC4", "Special guardianship order"
        TRANSFERRED_LA = "RC5", "Transferred to another local authority"
        TRANSFERRED_ADULTS = "RC6", "Transferred to adult social care"
        SERVICES_CEASED = "RC7", "Services ceased for any other reason, including no longer in need"
        NFA_AFTER_ASSESSMENT = "RC8", "Closed after assessment, no further action"
        EARLY_HELP_AFTER_ASSESSMENT = "RC9", "Closed after assessment, referred to early help"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact_child = models.ForeignKey("intake.ContactChild", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="episodes")
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="episodes")
    referral_date = models.DateField()
    source = models.CharField(max_length=3, choices=Source.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, default=PrimaryNeed.NOT_STATED)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="episodes")
    allocated_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="allocated_episodes")
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ClosureReason.choices, blank=True)
    # The soonest date of what is due (selectors.episode_due), stored by every service that changes a
    # step so that caseload pages sort and page in the database; not a version of the record.
    next_due_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-referral_date"]
        indexes = [
            models.Index(fields=["team", "next_due_on"], condition=models.Q(closed_on__isnull=True),
                         name="episode_team_open_due"),
            models.Index(fields=["allocated_to", "next_due_on"], condition=models.Q(closed_on__isnull=True),
                         name="episode_worker_open_due"),
        ]
        constraints = [models.CheckConstraint(
            condition=models.Q(closed_on__isnull=True, closure_reason="")
            | (models.Q(closed_on__isnull=False) & ~models.Q(closure_reason="")),
            name="episode_closed_with_reason")]

    @property
    def child_name(self) -> str:
        return child_name(self)


class Allocation(models.Model):
    """Who an episode was allocated to, from when: the history a reallocation keeps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="allocations")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    allocated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    allocated_at = models.DateTimeField()

    class Meta:
        ordering = ["-allocated_at"]


class Assessment(models.Model):
    """A Single Assessment (seed 001 §11): due 45 working days after the referral."""

    class Outcome(models.TextChoices):
        NO_FURTHER_ACTION = "nfa", "No further action: close the episode"
        CIN_PLAN = "cin_plan", "Child in need plan"
        STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion"
        EARLY_HELP = "early_help", "Step down to early help"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="assessments")
    started_on = models.DateField()
    analysis = models.TextField(blank=True)
    factors = models.JSONField(default=list, blank=True)  # DfE CIN census assessment factor codes
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    submitted_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    authorised_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_on"]


class Section47Enquiry(models.Model):
    """A section 47 enquiry (Children Act 1989): started on the day of the strategy discussion that
    decided it (the CIN census's S47ActualStartDate); its outcome says whether a conference is needed."""

    class Outcome(models.TextChoices):
        CONFERENCE = "icpc", "Concerns substantiated: an initial child protection conference is needed"
        NOT_AT_CONTINUING_RISK = "substantiated_no_risk", (
            "Concerns substantiated, but the child is not judged to be at continuing risk of significant harm")
        NOT_SUBSTANTIATED = "not_substantiated", "Concerns not substantiated"

    class EmergencyProtection(models.TextChoices):
        # Ofsted Annex A list 7 asks whether the child was subject to either in the last six months.
        ORDER = "epo", "Emergency protection order (Children Act 1989, section 44)"
        POLICE = "police", "Police protection (Children Act 1989, section 46)"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="section_47_enquiries")
    strategy_discussion = models.OneToOneField(StrategyDiscussion, on_delete=models.PROTECT,
                                               related_name="section_47_enquiry")
    started_on = models.DateField()
    joint_with_police = models.BooleanField(default=False)
    findings = models.TextField(blank=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    emergency_protection = models.CharField(max_length=10, choices=EmergencyProtection.choices, blank=True)
    emergency_protection_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["started_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True, outcome="")
                | (models.Q(completed_on__isnull=False) & ~models.Q(outcome="")),
                name="section_47_completed_with_outcome"),
            models.CheckConstraint(
                condition=models.Q(emergency_protection_on__isnull=True, emergency_protection="")
                | (models.Q(emergency_protection_on__isnull=False) & ~models.Q(emergency_protection="")),
                name="section_47_emergency_protection_dated"),
        ]

    @property
    def due_on(self) -> date:
        return clocks.section_47_due(self.started_on)

    @property
    def initial_conference_target(self) -> date:
        """The census's InitialCPCtarget: 15 working days after the strategy discussion."""
        return clocks.initial_conference_due(self.started_on)

    @property
    def icpc_not_required(self) -> bool:
        """The census's ICPCnotRequired: the enquiry ended without asking for a conference."""
        return bool(self.outcome) and self.outcome != self.Outcome.CONFERENCE


class AbuseCategory(models.TextChoices):
    # DfE CIN census InitialCategoryOfAbuse / LatestCategoryOfAbuse (N00113, N00114).
    NEGLECT = "NEG", "Neglect"
    PHYSICAL = "PHY", "Physical abuse"
    SEXUAL = "SAB", "Sexual abuse"
    EMOTIONAL = "EMO", "Emotional abuse"
    MULTIPLE = "MUL", "Multiple categories"


class Conference(models.Model):
    """What an initial and a review child protection conference share: when it was due (fixed when
    it was scheduled), when it was held, its chair and the agencies that attended."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    due_on = models.DateField()
    held_on = models.DateField(null=True, blank=True)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    attendees = models.JSONField(default=list, blank=True)  # the agencies that attended, by name
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True
        ordering = ["due_on"]


class InitialChildProtectionConference(Conference):
    """The initial conference a section 47 enquiry asks for (the census's DateOfInitialCPC and
    InitialCPCtarget); it decides whether the child needs a child protection plan, and its category."""

    class Decision(models.TextChoices):
        PLAN = "plan", "A child protection plan"
        NO_PLAN = "no_plan", "No child protection plan"

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="initial_conferences")
    # Empty for a conference with no enquiry in this episode (a transfer-in; the census's CINdetails-level ICPC).
    section_47 = models.OneToOneField(Section47Enquiry, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="initial_conference")
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    category = models.CharField(max_length=3, choices=AbuseCategory.choices, blank=True)

    class Meta(Conference.Meta):
        constraints = [models.CheckConstraint(
            condition=~models.Q(decision="plan", category=""), name="icpc_plan_has_category")]


class ChildProtectionPlan(models.Model):
    """A child protection plan: from the initial conference that made it to the review that ended it
    (the census's CPPstartDate, CPPendDate, categories and NumberOfPreviousCPP)."""

    class EndReason(models.TextChoices):
        STEP_DOWN_CIN = "step_down_cin", "No longer at risk of significant harm: stepped down to child in need"
        STEP_DOWN_EARLY_HELP = "step_down_early_help", "No longer at risk of significant harm: stepped down to early help"
        LOOKED_AFTER = "looked_after", "The child became looked after"
        MOVED = "moved", "The child moved to another local authority"
        ADULT = "adult", "The child turned 18"
        OTHER = "other", "Another reason"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="child_protection_plans")
    initial_conference = models.OneToOneField(InitialChildProtectionConference, on_delete=models.PROTECT,
                                              related_name="plan")
    started_on = models.DateField()  # the initial conference's date (census rule 2885)
    initial_category = models.CharField(max_length=3, choices=AbuseCategory.choices)
    latest_category = models.CharField(max_length=3, choices=AbuseCategory.choices)
    previous_plans = models.PositiveIntegerField(default=0)  # the child's plans before this one
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=30, choices=EndReason.choices, blank=True)
    # The plan's contents, written by the core group after the initial conference.
    areas_of_concern = models.TextField(blank=True)
    progress_measures = models.TextField(blank=True)  # how the core group will know the plan is working
    key_worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="key_worker_plans")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_on"]
        constraints = [models.CheckConstraint(
            condition=models.Q(ended_on__isnull=True, end_reason="")
            | (models.Q(ended_on__isnull=False) & ~models.Q(end_reason="")),
            name="plan_ended_with_reason")]

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class PlanAction(models.Model):
    """One action of a child protection plan: what is to be done, by whom (an agency and a person
    in it), by when; the core group marks it done."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner_agency = models.CharField(max_length=100)
    owner_name = models.CharField(max_length=200, blank=True)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "description"]


class CoreGroupMeeting(models.Model):
    """A core group meeting: the professionals who work the plan with the family, by agency, and
    what they said about the actions' progress."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.CASCADE, related_name="core_groups")
    held_on = models.DateField()
    attendees = models.JSONField(default=list)  # agency names
    progress = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on"]


class StatutoryVisit(models.Model):
    """A social worker's statutory visit to a child on a child protection plan (seed 000: fortnightly)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField()
    seen_alone = models.BooleanField()
    notes = models.TextField(blank=True)
    visited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["visited_on"]


class ReviewConference(Conference):
    """A review child protection conference (the census's CPPreviewDate): continue the plan or end it."""

    class Decision(models.TextChoices):
        CONTINUE = "continue", "Continue the child protection plan"
        END = "end", "End the child protection plan"

    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.PROTECT, related_name="reviews")
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)


class ChildInNeedPlan(models.Model):
    """A child in need plan (the census's CINPlanStartDate and CINPlanEndDate). Never open on the
    same day as a child protection plan: a plan's start ends an open CIN plan the day before."""

    class EndReason(models.TextChoices):
        NEEDS_MET = "needs_met", "Needs met: the plan's outcomes were achieved"
        CHILD_PROTECTION = "child_protection", "A child protection plan started"
        STEP_DOWN_EARLY_HELP = "step_down_early_help", "Stepped down to early help"
        MOVED = "moved", "The child moved to another local authority"
        OTHER = "other", "Another reason"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="cin_plans")
    started_on = models.DateField()
    review_months = models.PositiveSmallIntegerField(default=clocks.CIN_REVIEW_MONTHS)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=30, choices=EndReason.choices, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_on"]
        constraints = [models.CheckConstraint(
            condition=models.Q(ended_on__isnull=True, end_reason="")
            | (models.Q(ended_on__isnull=False) & ~models.Q(end_reason="")),
            name="cin_plan_ended_with_reason")]


class ChildInNeedPlanReview(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ChildInNeedPlan, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on"]


class EarlyHelpOffer(models.Model):
    """An offer of early help to one child's family, from a Front Door decision, an assessment that
    stepped down, or a closed episode (RC9). Consent is the family's: a refusal ends the offer and
    does not by itself bring in specialist services (seed 004)."""

    class Status(models.TextChoices):
        OFFERED = "offered", "Offered"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined by the family"

    class ClosureReason(models.TextChoices):
        OUTCOMES_MET = "outcomes_met", "Outcomes achieved: needs met"
        STEPPED_UP = "stepped_up", "Stepped up to social care"
        WITHDREW = "withdrew", "The family withdrew their consent"
        MOVED = "moved", "The family moved away"
        UNIVERSAL = "universal", "Needs met by universal services"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact_child = models.ForeignKey("intake.ContactChild", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="early_help_offers")
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="early_help_offers")
    assessment = models.ForeignKey(Assessment, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="early_help_offers")
    from_episode = models.ForeignKey(Episode, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="early_help_offers")
    offered_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OFFERED)
    responded_on = models.DateField(null=True, blank=True)
    lead_professional = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="early_help_families")
    eha_started_on = models.DateField(null=True, blank=True)
    eha_completed_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)
    stepped_up_to = models.OneToOneField(Episode, null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="stepped_up_from")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-offered_on"]
        constraints = [models.CheckConstraint(
            condition=models.Q(closed_on__isnull=True, closure_reason="")
            | (models.Q(closed_on__isnull=False) & ~models.Q(closure_reason="")),
            name="early_help_closed_with_reason")]

    @property
    def child_name(self) -> str:
        return child_name(self)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None and self.status != self.Status.DECLINED


class TeamAroundTheChildMeeting(models.Model):
    """A Team Around the Child (Family) meeting: who came, by agency; the plan is reviewed at each."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    offer = models.ForeignKey(EarlyHelpOffer, on_delete=models.CASCADE, related_name="tac_meetings")
    held_on = models.DateField()
    attendees = models.JSONField(default=list)  # agency names
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on"]
