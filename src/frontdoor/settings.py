"""Settings. SQLite by default (the one-command demo); DATABASE_URL selects PostgreSQL."""
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from csp.constants import NONCE, NONE, SELF

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("FRONTDOOR_VAR_DIR", REPO_DIR / "var"))

# The demo (`frontdoor demo`, benches) and the test suite may run on a public key and without a
# second factor; anything else is production and refuses to start without its own key.
DEMO = os.environ.get("FRONTDOOR_DEMO") == "1" or "PYTEST_VERSION" in os.environ
SECRET_KEY = os.environ.get("FRONTDOOR_SECRET_KEY") or (
    "insecure-demo-key-change-me-in-production-0123456789" if DEMO else ""
)
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Set FRONTDOOR_SECRET_KEY to a long random value (python -c 'import secrets; print(secrets.token_urlsafe(50))'); "
        "only the demo runs without one."
    )
DEBUG = os.environ.get("FRONTDOOR_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("FRONTDOOR_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "frontdoor.governance",
    "frontdoor.agencies",
    "frontdoor.people",
    "frontdoor.intake",
    "frontdoor.decisions",
    "frontdoor.messaging",
    "frontdoor.casework",
    "frontdoor.missing",
    "frontdoor.lado",
    "frontdoor.exploitation",
    "frontdoor.marac",
    "frontdoor.fostering",
    "frontdoor.escalations",
    "frontdoor.triage",
    "frontdoor.reporting",
    "frontdoor.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "frontdoor.agencies.sessions.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "frontdoor.http_headers.NoStoreMiddleware",
    # Locks out repeated failed sign-ins (by username and address); must come last.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Across usernames an address may fail more often (a council office signs in from one address).
FRONTDOOR_ADDRESS_FAILURE_LIMIT = 20
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "style-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if os.environ.get("FRONTDOOR_HTTPS", "0") == "1":
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    # GOV.UK service domains are HTTPS only, subdomains included, and on browsers' preload list.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

ROOT_URLCONF = "frontdoor.urls"
# Widgets render through TEMPLATES, so GOV.UK widget templates in templates/widgets/ are found.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "frontdoor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frontdoor.agencies.context_processors.membership",
                "frontdoor.agencies.context_processors.area",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'frontdoor.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web process read while the worker writes; NORMAL syncs at checkpoints, not on
    # every commit (safe in WAL). IMMEDIATE takes the write lock at BEGIN, so two writers queue
    # for the timeout instead of one failing with "database is locked" midway.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20, transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/sign-in"
LOGIN_REDIRECT_URL = "/"
SESSION_COOKIE_HTTPONLY = True
# A session ends after 30 minutes without a request, when the browser closes, and 8 hours after
# sign-in whatever happens (agencies/sessions.py).
SESSION_COOKIE_AGE = int(os.environ.get("FRONTDOOR_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
FRONTDOOR_SESSION_MAX_SECONDS = 8 * 60 * 60
# Every user signs in with a code from an authenticator app as well as a password (django-otp).
FRONTDOOR_SECOND_FACTOR = os.environ.get("FRONTDOOR_SECOND_FACTOR", "0" if DEMO else "1") == "1"
OTP_TOTP_ISSUER = "Front Door"
PASSWORD_RESET_TIMEOUT = 60 * 60
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it even when serving from finders
# GOV.UK Frontend comes from the npm registry (package.json); its dist is served as-is.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
# GOV.UK Frontend's stylesheet asks for its fonts and images at /assets/.
WHITENOISE_ROOT = PACKAGE_DIR / "static/govuk-frontend/dist/govuk"
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = os.environ.get("FRONTDOOR_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("FRONTDOOR_FROM_EMAIL", "family.front.door@example.gov.uk")

# Outbound messages: "email" uses Django's email backend (a local folder in the demo);
# "notify" sends through GOV.UK Notify with the key and template ids below.
FRONTDOOR_MESSAGE_CHANNEL = os.environ.get("FRONTDOOR_MESSAGE_CHANNEL", "email")
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", "")

# The area this instance serves: the Levels of Need tool, and the names, headings and phone numbers in
# the outcome letter and on every page. The defaults are the demo's fictional county; the phone numbers
# are in Ofcom's range kept for drama (01632 960xxx), so nobody real is rung.
FRONTDOOR_AREA = {
    "name": os.environ.get("FRONTDOOR_AREA_NAME", "Fictional Shire"),
    "childrens_service": os.environ.get("FRONTDOOR_CHILDRENS_SERVICE", "Fictional Shire Children’s Social Work Service"),
    "safeguarding_partnership": os.environ.get("FRONTDOOR_SAFEGUARDING_PARTNERSHIP",
                                               "Fictional Shire Safeguarding Children Partnership"),
    "front_door_phone": os.environ.get("FRONTDOOR_PHONE", "01632 960666"),
    "edt_phone": os.environ.get("FRONTDOOR_EDT_PHONE", "01632 960020"),
    "levels_of_need_tool": "levels_of_need",
}

# Missing children (issue 16): how often a repeat missing child's multi-agency risk assessment and
# management plan (MARAMP) is reviewed, and the team that holds a late return interview when the child
# has no social work team.
FRONTDOOR_MISSING = {
    "maramp_review_days": int(os.environ.get("FRONTDOOR_MARAMP_REVIEW_DAYS", "42")),
    "coordinating_team": os.environ.get("FRONTDOOR_MISSING_TEAM", "Missing children team"),
}

# Professional disagreement and escalation (seed 001 section 11; seeds 002 and 004): each route's
# stages in order, with the working days each has and who records its outcome (a Front Door
# practitioner or manager). An area replaces these with its partnership's resolution procedure.
FRONTDOOR_ESCALATION_STAGES = {
    "disagreement": [
        {"key": "practitioner", "name": "Practitioner conversation (using the levels of need)", "working_days": 2,
         "recorded_by": "practitioner"},
        {"key": "team_manager", "name": "Team manager", "working_days": 3, "recorded_by": "manager"},
        {"key": "head_of_service", "name": "Head of service", "working_days": 5, "recorded_by": "manager"},
    ],
    # Seed 002: a service not engaging in multi-agency risk management (CAMHS) goes up to director level.
    "non_engagement": [
        {"key": "team_manager", "name": "Team manager", "working_days": 1, "recorded_by": "manager"},
        {"key": "head_of_service", "name": "Head of service", "working_days": 2, "recorded_by": "manager"},
        {"key": "director", "name": "Director", "working_days": 2, "recorded_by": "manager"},
    ],
}

# /healthz answers 503 when the outbox worker has not gone round its loop for this long, or a
# message has waited this long to be sent (seconds).
FRONTDOOR_HEALTH_WORKER_SECONDS = int(os.environ.get("FRONTDOOR_HEALTH_WORKER_SECONDS", "120"))
FRONTDOOR_HEALTH_PENDING_SECONDS = int(os.environ.get("FRONTDOOR_HEALTH_PENDING_SECONDS", "900"))

# Operation Encompass deadlines: term dates as [{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}, ...];
# empty means every weekday except English bank holidays is a school day.
FRONTDOOR_SCHOOL_TERMS = []
# Medium and high notifications received before this time (Europe/London) are on that day's triage agenda.
FRONTDOOR_TRIAGE_CUTOFF = os.environ.get("FRONTDOOR_TRIAGE_CUTOFF", "09:30")
# Where MARAC and IDVA referrals go (seed 002: made together); the demo's addresses are placeholders.
FRONTDOOR_MARAC_EMAIL = os.environ.get("FRONTDOOR_MARAC_EMAIL", "marac.coordinator@example.gov.uk")
FRONTDOOR_IDVA_EMAIL = os.environ.get("FRONTDOOR_IDVA_EMAIL", "idva.service@example.org")
# The exploitation screening tool (screening/tools/<id>/) and where screenings at its referral level go
# (seed 003: the Kingfisher Team). The shipped tool is an EXAMPLE that an area replaces with its own.
FRONTDOOR_CSE_TOOL = os.environ.get("FRONTDOOR_CSE_TOOL", "cse_example")
FRONTDOOR_EXPLOITATION_TEAM_EMAIL = os.environ.get("FRONTDOOR_EXPLOITATION_TEAM_EMAIL",
                                                   "exploitation.team@example.gov.uk")
# A partner system's API token expires this many days after it is issued (`frontdoor token issue --days` overrides).
FRONTDOOR_API_TOKEN_DAYS = int(os.environ.get("FRONTDOOR_API_TOKEN_DAYS", "90"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # Request logs would carry query strings; pages never put personal data in URLs,
    # but django.request error logs can include POST data, so they go to WARNING only.
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # axes logs usernames and addresses of failed sign-ins at INFO: personal data stays out of logs.
        "axes": {"level": "WARNING"},
    },
}

# The retention schedule (`frontdoor retention`): each kind of record, the date its clock runs from
# and the years it is kept. Children's social care case records (episodes, plans) are not on it:
# they are kept until the child's 25th birthday at least, decided case by case.
FRONTDOOR_RETENTION = [
    {"record": "triage.triagemeeting", "date_field": "date", "years": 7,
     "why": "Meeting records are kept for seven years (seed 002)"},
    {"record": "triage.policenotification", "date_field": "received_at", "years": 7,
     "why": "Domestic abuse notifications, with the triage records kept for seven years (seed 002)"},
    {"record": "intake.contact", "date_field": "received_at", "years": 6,
     "why": "A contact with its decision and letter; kept while an episode of social care still needs it. "
            "Six years is a starting point: set the council's own schedule"},
    {"record": "triage.quarantinedrow", "date_field": "created_at", "years": 1,
     "why": "A row that could not be stored is fixed or resent within days; a year is ample"},
    {"record": "messaging.outboxmessage", "date_field": "created_at", "years": 2,
     "why": "Copies of sent messages; the record of the decision itself stays with the contact"},
    {"record": "governance.accesslogentry", "date_field": "at", "years": 7,
     "why": "Who viewed a record is kept as long as the records it protects"},
]
# The DfE Children in Need census header (reporting/cin_census.py): the authority's three-digit
# DfE LA number, the software code COLLECT shows, and a prefix for the LAchildID (letters and
# digits; the ID is the prefix and then the person's id as hex, 20 characters in all).
FRONTDOOR_LA_CODE = os.environ.get("FRONTDOOR_LA_CODE", "999")
FRONTDOOR_CENSUS_SOFTWARE_CODE = os.environ.get("FRONTDOOR_CENSUS_SOFTWARE_CODE", "Front Door")
FRONTDOOR_CENSUS_CHILD_ID_PREFIX = os.environ.get("FRONTDOOR_CENSUS_CHILD_ID_PREFIX", "")

# The board's data set (issue 14, seed 003): the area's population aged under 18, for rates per 10,000
# children (seed 003's area: about 140,000), and the comparators its annual report prints beside its
# own figures, by measure id: {"england": %, "statistical_neighbours": %, "year": the comparators' year}.
FRONTDOOR_CHILD_POPULATION = int(os.environ.get("FRONTDOOR_CHILD_POPULATION", "140000"))
FRONTDOOR_BOARD_COMPARATORS = {
    "icpc_within_15wd_pct": {"england": 69.0, "statistical_neighbours": None, "year": "2013-14"},
    "plans_reviewed_in_timescale_pct": {"england": 94.6, "statistical_neighbours": 90.4, "year": "2013-14"},
}
