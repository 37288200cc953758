from django.conf import settings


def membership(request):
    """Expose the signed-in user's membership so navigation can follow their role."""
    user = getattr(request, "user", None)
    return {"membership": getattr(user, "membership", None) if user and user.is_authenticated else None}



def area(request):
    """The area's Front Door phone number for the footer of every page (settings.FRONTDOOR_AREA)."""
    return {"FRONT_DOOR_PHONE": settings.FRONTDOOR_AREA["front_door_phone"]}
