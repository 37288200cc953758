import uuid

from django.core.exceptions import ValidationError
from django.db import models
from nhs_number import is_valid as nhs_number_is_valid


def validate_nhs_number(value: str) -> None:
    if value and not nhs_number_is_valid(value):
        raise ValidationError("Enter a valid 10-digit NHS number (the last digit is a check digit)")


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
    created_at = models.DateTimeField(auto_now_add=True)

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
