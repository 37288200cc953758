"""The second factor: a TOTP authenticator app (django-otp), set up at the first sign-in."""
import base64

import segno
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def device_to_set_up(user) -> TOTPDevice:
    """The same unconfirmed device on every visit, so the QR code scanned first stays right."""
    return (TOTPDevice.objects.filter(user=user, confirmed=False).first()
            or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False))


def qr_code_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=5, title="QR code to add Front Door to your authenticator app")


def key_to_type(device: TOTPDevice) -> str:
    """The key in groups of four, for an app that cannot scan."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def code_check(request, device: TOTPDevice, code: str) -> str | None:
    """Verifies the session with the code; returns what is wrong, or None."""
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        return "You have entered too many wrong codes. Wait a minute, then enter the code your app shows now"
    if not device.verify_token(code):
        return "The code is not right. Enter the code your app shows now (it changes every 30 seconds)"
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return None
