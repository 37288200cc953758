import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from nhs_number import is_valid as nhs_number_is_valid

from frontdoor.people import census_codes


def validate_nhs_number(value: str) -> None:
    if value and not nhs_number_is_valid(value):
        raise ValidationError("Enter a valid 10-digit NHS number (the last digit is a check digit)")


def validate_upn(value: str) -> None:
    if problem := census_codes.upn_problem(value):
        raise ValidationError(problem)


def validate_disabilities(value: list) -> None:
    if problem := census_codes.disabilities_problem(list(value)):
        raise ValidationError(problem)


def nhs_number_problem(value: str) -> str | None:
    """What is wrong with an NHS number as typed (spaces allowed), or None; the page and the
    service say the same."""
    digits = value.replace(" ", "")
    if not digits:
        return None
    if not (len(digits) == 10 and digits.isdigit()):
        return "Enter the NHS number as 10 digits, like 943 476 5919"
    if not nhs_number_is_valid(digits):
        return (f"The NHS number {digits} is not valid: its last digit (the check digit) does not match the "
                "first nine. Check it for a typing mistake")
    return None


class Address(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    line1 = models.CharField(max_length=200)
    line2 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, db_index=True)

    def __str__(self):
        return ", ".join(p for p in (self.line1, self.line2, self.town, self.postcode) if p)


class Person(models.Model):
    """A child, an adult or an unborn child in the person index."""

    class Kind(models.TextChoices):
        CHILD = "child", "Child"
        ADULT = "adult", "Adult"
        UNBORN = "unborn", "Unborn child"

    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        UNKNOWN = "unknown", "Not known"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, db_index=True)
    date_of_birth = models.DateField(null=True, blank=True, db_index=True)
    expected_date = models.DateField("expected date of delivery", null=True, blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    nhs_number = models.CharField(
        "NHS number", max_length=10, blank=True, db_index=True, validators=[validate_nhs_number]
    )
    school = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="pupils"
    )
    # What the DfE Children in Need census asks of a child (people/census_codes.py); blank or empty
    # is "not yet recorded", which the census page reports as a problem to fix.
    ethnicity = models.CharField(max_length=4, choices=census_codes.ETHNICITY, blank=True)
    upn = models.CharField("UPN", max_length=13, blank=True, validators=[validate_upn])
    upn_unknown_reason = models.CharField("reason the UPN is not known", max_length=3,
                                          choices=census_codes.UPN_UNKNOWN, blank=True)
    disabilities = models.JSONField(default=list, blank=True, validators=[validate_disabilities])
    died_on = models.DateField("date of death", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when this record was merged into another as the same person; its history moved there
    # (PersonMerge says what), and undoing the merge clears it.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_records"
    )
    # Compare and set: every change to the record (its details, an address ended, a merge or its
    # undo) adds one, so a form opened before it is refused instead of overwriting it.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["family_name", "given_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        if self.kind == self.Kind.UNBORN and not self.given_name:
            return f"Unborn baby {self.family_name}"
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def current_address(self):
        residence = self.residences.filter(to_date__isnull=True).select_related("address").first()
        return residence.address if residence else None


class Residence(models.Model):
    """Address history: where a person lived, from when to when (to_date empty: lives there now)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="residences")
    address = models.ForeignKey(Address, on_delete=models.PROTECT, related_name="residents")
    from_date = models.DateField(null=True, blank=True)
    to_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-from_date"]


class Household(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    address = models.ForeignKey(Address, on_delete=models.PROTECT, related_name="households")
    members = models.ManyToManyField(Person, related_name="households")


class Relationship(models.Model):
    """A directed relationship: `person` is the `kind` of `relative` (e.g. mother of)."""

    class Kind(models.TextChoices):
        PARENT = "parent", "Parent"
        STEP_PARENT = "step_parent", "Step-parent"
        SIBLING = "sibling", "Sibling"
        PARTNER = "partner", "Partner"
        EX_PARTNER = "ex_partner", "Former partner"
        GRANDPARENT = "grandparent", "Grandparent"
        CARER = "carer", "Carer"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    relative = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_to")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "relative", "kind"], name="unique_relationship")]


class MatchModelVersion(models.Model):
    """A trained identity-resolution model (Splink settings with m/u), kept for every version."""

    version = models.CharField(max_length=40, unique=True)
    trained_at = models.DateTimeField()
    record_count = models.PositiveIntegerField()
    model_json = models.JSONField()
    is_active = models.BooleanField(default=False)

    class Meta:
        ordering = ["-trained_at"]
        constraints = [
            models.UniqueConstraint(fields=["is_active"], condition=models.Q(is_active=True), name="one_active_match_model")
        ]

    def __str__(self):
        return f"Match model {self.version}"


class PossibleMatch(models.Model):
    """Two index records that may be one person: a person decides, the software never guesses."""

    class Source(models.TextChoices):
        RESOLUTION = "resolution", "Resolution of a new record"
        DEDUPE = "dedupe", "Duplicate search of the index"

    class Status(models.TextChoices):
        OPEN = "open", "To review"
        LINKED = "linked", "Merged as the same person"
        DISMISSED = "dismissed", "Not the same person"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="possible_matches")
    candidate = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="possible_matches_as_candidate")
    match_probability = models.FloatField()
    evidence = models.JSONField(default=list)
    source = models.CharField(max_length=20, choices=Source.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-match_probability", "created_at"]
        constraints = [models.UniqueConstraint(fields=["person", "candidate"], name="unique_possible_match")]


class PersonMerge(models.Model):
    """`merged` was found to be `survivor`: what moved, who decided, why; undoable."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_kept")
    merged = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_absorbed")
    possible_match = models.ForeignKey(PossibleMatch, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="merges")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    merged_at = models.DateTimeField(auto_now_add=True)
    # [{"model": "intake.contactchild", "field": "person", "pks": [...]}, ...]: exactly the rows
    # that pointed at `merged` and now point at `survivor`, so an undo moves back only those.
    moved = models.JSONField(default=list)
    # [{"field": "nhs_number", "before": "", "after": "9434765919"}, ...]: the survivor's own fields
    # that were empty and were filled from `merged`, with the survivor's value before, so an undo
    # puts back exactly what it was (the merged record keeps its values: they are copied, not moved).
    copied = models.JSONField(default=list)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    undo_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-merged_at"]


class PersonDetailsChange(models.Model):
    """A practitioner corrected a person's details or ended an address: who, when, why, and each
    field's value before and after, kept for good (the person page lists them)."""

    class Kind(models.TextChoices):
        DETAILS = "details", "Details changed"
        MOVED_OUT = "moved_out", "Moved out"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Left behind by a merge (services._references_to_person): the before and after are this
    # record's own values, which would read as the survivor's on its page.
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="details_changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)
    # [{"field": "nhs_number", "before": "9434765918", "after": "9434765919"}, ...] stored as
    # PersonMerge.copied stores them (dates as ISO text); a moved-out change also names the address:
    # [{"field": "to_date", "residence": 12, "address": "12 Orchard Way, FD1 2AB", "before": None, "after": "2025-03-03"}]
    changes = models.JSONField(default=list)
    # The person's version this change produced.
    version = models.PositiveIntegerField()

    class Meta:
        ordering = ["-changed_at"]


class PersonRestriction(models.Model):
    """A sealed record (a staff member's child, an adopted child): while in force, only the people
    named here see the person, or any contact naming them; to everyone else the record does not
    exist. Lifting keeps the row, with who lifted it and why (people/restrictions.py applies it)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="restrictions")
    reason = models.CharField(max_length=300)
    permitted = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(auto_now_add=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.CharField(max_length=300, blank=True)
    # Compare and set: changing who may see it or lifting it adds one.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-placed_at"]
        constraints = [models.UniqueConstraint(fields=["person"], condition=models.Q(lifted_at__isnull=True),
                                               name="one_restriction_in_force")]
