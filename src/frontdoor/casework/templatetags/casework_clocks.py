from datetime import date

from django import template

from frontdoor.casework.clocks import Due

register = template.Library()


@register.filter
def due_status(due: Due | date, today: date) -> str:
    """overdue, due_soon or on_track on the page's day (a template cannot pass the day to a method),
    for a step's Due or a bare due date."""
    return (due if isinstance(due, Due) else Due("", due)).status(today)
