"""The child's chronology as a printable PDF, marked OFFICIAL-SENSITIVE on every page."""
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from frontdoor.people.chronology import KINDS

PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"


def chronology_pdf(chronology, *, printed_by) -> bytes:
    html = render_to_string("people/chronology_pdf.html", {
        "chronology": chronology, "person": chronology.person, "marking": PROTECTIVE_MARKING,
        "kinds": KINDS, "kind_name": KINDS.get(chronology.kind), "printed_at": timezone.localtime(),
        "printed_by": printed_by,
    })
    return HTML(string=html).write_pdf()
