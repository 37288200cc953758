"""GOV.UK Frontend ships inside the package (a plain `pip install .` has no node_modules)."""
import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders

import frontdoor

PACKAGE_DIR = Path(frontdoor.__file__).parent
REPO_DIR = PACKAGE_DIR.parent.parent
STATIC_TAG = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]\s*%}""")


def test_the_kept_govuk_frontend_is_the_version_package_json_pins():
    pinned = json.loads((REPO_DIR / "package.json").read_text())["dependencies"]["govuk-frontend"]
    kept = json.loads((PACKAGE_DIR / "static/govuk-frontend/package.json").read_text())["version"]
    assert kept == pinned


def test_every_static_file_a_template_names_is_in_the_package():
    named = {path for template in PACKAGE_DIR.rglob("templates/**/*.html")
             for path in STATIC_TAG.findall(template.read_text())}
    assert "govuk-frontend/dist/govuk/govuk-frontend.min.css" in named
    missing = sorted(path for path in named if not finders.find(path))
    assert missing == []


def test_the_stylesheets_fonts_are_in_the_package():
    css = (PACKAGE_DIR / "static/govuk-frontend/dist/govuk/govuk-frontend.min.css").read_text()
    fonts = set(re.findall(r"/assets/fonts/([\w.-]+)", css))
    assert fonts
    assert all((PACKAGE_DIR / "static/govuk-frontend/dist/govuk/assets/fonts" / font).exists() for font in fonts)


def test_the_fonts_are_served_where_the_stylesheet_asks_for_them(client):
    css = client.get("/static/govuk-frontend/dist/govuk/govuk-frontend.min.css")
    font = re.search(r"url\((/assets/fonts/[\w.-]+)\)", b"".join(css.streaming_content).decode()).group(1)
    assert client.get(font).status_code == 200
