from django import template

register = template.Library()


@register.filter
def count_of(counts, key: str) -> int:
    return counts.get(key, 0)


@register.filter
def percent(share: float | None) -> str:
    """A share as a whole percentage, or a dash when there was nothing to count."""
    return "–" if share is None else f"{share:.0%}"
