from django import template

register = template.Library()


@register.filter
def due_status(due, today) -> str:
    """overdue, due_soon or on_track on the page's day (a template cannot pass the day to a method)."""
    return due.status(today)
