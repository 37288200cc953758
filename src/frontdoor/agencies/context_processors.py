def membership(request):
    """Expose the signed-in user's membership so navigation can follow their role."""
    user = getattr(request, "user", None)
    return {"membership": getattr(user, "membership", None) if user and user.is_authenticated else None}
