"""Private fostering arrangements, from the notification to their end, with every statutory visit."""
import uuid

from django.conf import settings
from django.db import models


class Relationship(models.TextChoices):
    FAMILY_FRIEND = "family_friend", "Family friend"
    FRIENDS_PARENT = "friends_parent", "A friend's parent"
    HOST_FAMILY = "host_family", "Host family (for example, a language school student)"
    DISTANT_RELATIVE = "distant_relative", "Distant relative (for example, a cousin or great-aunt)"
    PARTNERS_FAMILY = "partners_family", "The child's or a parent's partner's family"
    OTHER = "other", "Other, not a relative"
    # Not private fostering (Children Act 1989 s.105): offered so the form can explain why.
    PARENT = "parent", "Parent"
    GRANDPARENT = "grandparent", "Grandparent"
    SIBLING = "sibling", "Brother or sister"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    STEP_PARENT = "step_parent", "Step-parent"


class Source(models.TextChoices):
    PARENT = "parent", "Parent"
    CARER = "carer", "The carer"
    SCHOOL = "school", "School"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Children's social care"
    FRONT_DOOR = "front_door", "Front Door (MASH)"
    LANGUAGE_SCHOOL = "language_school", "Language school or agency"
    OTHER = "other", "Other"


class Arrangement(models.Model):
    """One child's private fostering arrangement, as notified, assessed and ended."""

    class Assessment(models.TextChoices):
        SUITABLE = "suitable", "Suitable"
        NOT_SUITABLE = "not_suitable", "Not suitable"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    child_given_name = models.CharField(max_length=100)
    child_family_name = models.CharField(max_length=100)
    child_date_of_birth = models.DateField()
    child_disabled = models.BooleanField(default=False)
    child = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="private_fostering_arrangements")
    carer_name = models.CharField(max_length=200)
    carer_address = models.CharField(max_length=500)
    carer_relationship = models.CharField(max_length=20, choices=Relationship.choices)
    source = models.CharField(max_length=20, choices=Source.choices)
    notified_on = models.DateField()
    began_on = models.DateField()
    intended_days = models.PositiveIntegerField()
    notified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessment = models.CharField(max_length=20, choices=Assessment.choices, blank=True)
    assessed_on = models.DateField(null=True, blank=True)
    assessment_notes = models.TextField(blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    @property
    def child_name(self) -> str:
        return f"{self.child_given_name} {self.child_family_name}"


class Visit(models.Model):
    """A statutory visit to the privately fostered child: the child seen alone, or why not."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField()
    seen_alone = models.BooleanField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
