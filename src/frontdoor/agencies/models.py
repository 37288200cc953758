import uuid

from django.conf import settings
from django.db import models


class Agency(models.Model):
    """A partner organisation: a school (DfE URN), a GP practice, a police force, the local authority..."""

    class Kind(models.TextChoices):
        SCHOOL = "school", "School"
        GP = "gp", "GP practice"
        POLICE = "police", "Police"
        HEALTH_TRUST = "health_trust", "Health trust"
        PROBATION = "probation", "Probation"
        HOUSING = "housing", "Housing"
        CAMHS = "camhs", "CAMHS (child and adolescent mental health services)"
        VOLUNTARY = "voluntary", "Voluntary sector"
        LOCAL_AUTHORITY = "local_authority", "Local authority"

    HEALTH_KINDS = (Kind.GP, Kind.HEALTH_TRUST, Kind.CAMHS)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    urn = models.CharField("DfE URN", max_length=8, blank=True, db_index=True)
    ods_code = models.CharField("ODS code", max_length=10, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # A deactivated agency is offered for no new user or contact; what came from it stays.
    is_active = models.BooleanField(default=True)
    # Compare and set for the administration page: each change, deactivation or its undo adds one.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(fields=["urn"], condition=~models.Q(urn=""), name="unique_school_urn")
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user's role in an agency. Access to records follows the role and the agency."""

    class Role(models.TextChoices):
        REFERRER = "referrer", "Referrer"
        PRACTITIONER = "practitioner", "Front Door practitioner"
        MANAGER = "manager", "Front Door manager"
        ADMINISTRATOR = "administrator", "Administrator"
        # Domestic-abuse triage (seed 001): the Initial Screening and Contact Officer, and the
        # police, health, probation and IDVA members of the daily triage meeting.
        ISCO = "isco", "Initial Screening and Contact Officer"
        TRIAGE_MEMBER = "triage_member", "Triage meeting member"
        # Children's social care after the front door (issue 12).
        SOCIAL_WORKER = "social_worker", "Social worker"
        TEAM_MANAGER = "team_manager", "Social work team manager"
        # Chairs child protection conferences, independent of the case's line management (Working Together 2023).
        CONFERENCE_CHAIR = "conference_chair", "Child protection conference chair (IRO)"
        # Leads a family's early help, from any agency (seed 004; Working Together 2023 ch.2).
        EARLY_HELP_LEAD = "early_help_lead", "Early help lead professional"
        # Prepares the statutory returns (the DfE CIN census, Ofsted's Annex A): figures and data quality.
        PERFORMANCE_OFFICER = "performance_officer", "Performance and data officer"
        # Receives the police's missing-person reports and sees that return interviews happen (seed 003).
        MISSING_COORDINATOR = "missing_coordinator", "Missing children coordinator"
        # The Local Authority Designated Officer: allegations against adults who work with children (seed 003).
        LADO = "lado", "Local Authority Designated Officer (LADO)"
        # Visits and assesses private fostering arrangements (seed 003); the value fits the role column.
        PRIVATE_FOSTERING_WORKER = "fostering_worker", "Private fostering social worker"
        # Runs the MARAC for high-risk domestic abuse victims (seed 002): meetings, cases from any agency, actions.
        MARAC_COORDINATOR = "marac_coordinator", "MARAC coordinator"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    job_title = models.CharField(max_length=100, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    # Compare and set for the administration page: a role or agency change, a deactivation or its
    # undo each add one, so an administrator working from an old page is refused, not overwriting.
    version = models.PositiveIntegerField(default=1)

    @property
    def is_front_door(self) -> bool:
        return self.role in (self.Role.PRACTITIONER, self.Role.MANAGER)

    @property
    def is_school_dsl(self) -> bool:
        """A referrer at a school is its designated safeguarding lead for DA notifications."""
        return self.role == self.Role.REFERRER and self.agency.kind == Agency.Kind.SCHOOL

    @property
    def is_health_referrer(self) -> bool:
        """A referrer at a GP practice, a health trust or CAMHS: MARAC shares a case with the health agency
        that referred it (the person index records no GP practice for a child)."""
        return self.role == self.Role.REFERRER and self.agency.kind in Agency.HEALTH_KINDS

    def __str__(self):
        return f"{self.user.get_full_name()} ({self.get_role_display()}, {self.agency})"
