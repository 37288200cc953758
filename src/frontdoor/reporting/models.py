from django.conf import settings
from django.db import models


class CinCensusExport(models.Model):
    """Each CIN census file written (page download or `frontdoor report cin-census`): its header's
    SerialNo is this row's number, one more than the last, so COLLECT can tell the files apart."""

    serial_no = models.PositiveIntegerField(unique=True)
    reference_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")  # empty: the command line
    children = models.PositiveIntegerField()
    problems = models.PositiveIntegerField()

    class Meta:
        ordering = ["-serial_no"]
