"""Browser tests: the real pages in headless Chromium (Debian's), served by Django's live server."""
import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


def _chromium() -> str:
    return os.environ.get("FRONTDOOR_BROWSER") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": _chromium(),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"],
    }


@pytest.fixture
def sign_in(page, live_server):
    def _sign_in(user, password="correct-horse-battery"):
        # Leave the previous page first: a response still in flight could otherwise set a new CSRF
        # cookie after the sign-in form was served, and the sign-in would be refused.
        page.goto("about:blank")
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/sign-in")
        page.get_by_label("Email address").fill(user.username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return _sign_in
