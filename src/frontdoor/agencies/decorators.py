from functools import wraps

from django.http import Http404


def role_required(*roles):
    """Pages for some roles only. Anyone else gets 'not found', so a page's existence is not disclosed."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            membership = getattr(request.user, "membership", None)
            if membership is None or membership.role not in roles:
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
