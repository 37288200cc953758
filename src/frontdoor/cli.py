"""The `frontdoor` console command."""
import argparse
import logging
import os
import sys
import threading
import time

from frontdoor.people import commands as people_commands
from frontdoor.reporting import commands as reporting_commands


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
    import django

    django.setup()


def _migrate() -> None:
    from django.conf import settings
    from django.core.management import call_command

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)


IDLE_JOB_SECONDS = 300
logger = logging.getLogger("frontdoor.worker")


def _run_worker_forever(interval: float) -> None:
    from frontdoor.messaging.worker import run_worker_forever

    run_worker_forever(interval=interval, when_idle=_IdleJobs())


def _match_model_ensure() -> None:
    """An area's first match model is trained here, never in a web request."""
    from frontdoor.people.identity import match_model_ensure

    match_model_ensure()


def _team_digests_send() -> None:
    """Each team manager's weekly digest, queued by the first check of the week (once a week however
    often it runs); the worker then sends it like any outbox message."""
    from django.utils import timezone

    from frontdoor.casework.services import team_digests_send

    team_digests_send(today=timezone.localdate())


def _late_interviews_escalate() -> None:
    """Return interviews past their 72 hours go to a manager, once per episode however often it runs."""
    from frontdoor.missing.services import late_interviews_escalate

    late_interviews_escalate()


class _IdleJobs:
    """The idle worker's other jobs, each every few minutes."""

    jobs = {_match_model_ensure: "Training the match model", _team_digests_send: "Queuing the team digests",
            _late_interviews_escalate: "Escalating late return interviews"}

    def __init__(self) -> None:
        self.due = dict.fromkeys(self.jobs, 0.0)

    def __call__(self) -> None:
        for job, what in self.jobs.items():
            self.due[job] = _run_when_due(job, what, self.due[job])


def _run_when_due(job, what: str, due: float) -> float:
    """A job that fails is logged (its type only: a message could quote a record) and tried again at
    the next check, so the outbox keeps being sent."""
    if time.monotonic() < due:
        return due
    try:
        job()
    except Exception as error:  # noqa: BLE001  (the worker must outlive any failure of its idle jobs)
        logger.error("%s failed (%s); trying again in %d s", what, type(error).__name__, IDLE_JOB_SECONDS)
    return time.monotonic() + IDLE_JOB_SECONDS


def _serve(host: str, port: int, with_worker: bool) -> None:
    from waitress import serve

    from frontdoor.wsgi import application

    if with_worker:
        threading.Thread(target=_run_worker_forever, args=(2.0,), daemon=True).start()
    print(f"Front Door is running at http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    serve(application, host=host, port=port, threads=8, ident="frontdoor")


def cmd_demo(args) -> None:
    from django.conf import settings

    from frontdoor.agencies.models import Agency
    from frontdoor.demo.generator import DEMO_LOGINS, DEMO_PASSWORD, load_demo_data
    from frontdoor.demo.year import load_year_demo

    _migrate()
    if not Agency.objects.exists():
        print("Loading demo data (a synthetic area; nobody in it is a real person)...", flush=True)
        summary = (load_year_demo(seed=args.seed, progress=lambda line: print(line, flush=True)) if args.year
                   else load_demo_data(seed=args.seed))
        print(f"Loaded: {summary}", flush=True)
    print("\nDemo logins (password for all: %s):" % DEMO_PASSWORD)
    for login in DEMO_LOGINS:
        print(f"  {login['email']:<28} {login['role']}")
    print(f"\nEmails the demo sends are written to {settings.EMAIL_FILE_PATH} (open them with any mail reader).\n")
    _serve(args.host, args.port, with_worker=True)


def cmd_load_demo(args) -> None:
    from frontdoor.demo.generator import DatabaseNotEmpty
    from frontdoor.demo.year import load_year_demo

    _migrate()
    print(f"Loading {args.months} months of {args.children} children's journeys (synthetic; nobody in it is a "
          "real person)...", flush=True)
    try:
        summary = load_year_demo(children=args.children, months=args.months, seed=args.seed,
                                 progress=lambda line: print(line, flush=True))
    except DatabaseNotEmpty as error:
        print(error, file=sys.stderr)
        raise SystemExit(2) from None
    print(f"Loaded: {summary}", flush=True)


def cmd_serve(args) -> None:
    _migrate()
    _serve(args.host, args.port, with_worker=not args.no_worker)


def cmd_worker(args) -> None:
    print("Outbox worker started", flush=True)
    _run_worker_forever(args.interval)


def cmd_send_digests(args) -> None:
    from django.utils import timezone

    from frontdoor.casework.services import team_digests_send

    queued = team_digests_send(today=timezone.localdate())
    print(f"{len(queued)} team digest{'s' if len(queued) != 1 else ''} queued in the outbox "
          "(a manager already sent this week's is not sent it again)")


def cmd_refresh_due_dates(args) -> None:
    from frontdoor.casework.models import Episode
    from frontdoor.casework.services import episodes_due_refresh

    changed = episodes_due_refresh(episodes=Episode.objects.all())
    print(f"{changed} episode{'s' if changed != 1 else ''} had a different next date due; stored")


def cmd_import_notifications(args) -> None:
    from frontdoor.triage.imports import notifications_import_file
    from frontdoor.triage.notification_format import FileUnreadable

    file_format = args.format or ("csv" if args.file.lower().endswith(".csv") else "jsonl")
    try:
        with open(args.file, encoding="utf-8-sig") as stream:
            result = notifications_import_file(text=stream.read(), file_format=file_format, source=args.file)
    except (OSError, UnicodeDecodeError, FileUnreadable) as error:
        print(f"Cannot read {args.file}: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    batch = result.batch
    print(f"{batch.stored} stored, {batch.amended} amended, {batch.duplicates} already stored, "
          f"{batch.quarantined} quarantined")
    for row in result.rows:
        for line in _import_row_lines(row):
            print(line)


def _import_row_lines(row) -> list[str]:
    """What the summary says of one row: the fields an amendment changed, or each reason a row was quarantined."""
    from frontdoor.triage.imports import AMENDED, QUARANTINED

    if row.status == AMENDED:
        return [f"line {row.line}: {row.police_reference} amended: {', '.join(row.changed)}"]
    if row.status == QUARANTINED:
        return [f"line {row.line}: {error['field'] or 'row'}: {error['message']}" for error in row.errors]
    return []


def cmd_import_missing_reports(args) -> None:
    from frontdoor.missing.imports import missing_reports_import_file
    from frontdoor.triage.notification_format import FileUnreadable

    file_format = args.format or ("csv" if args.file.lower().endswith(".csv") else "jsonl")
    try:
        with open(args.file, encoding="utf-8-sig") as stream:
            result = missing_reports_import_file(text=stream.read(), file_format=file_format, source=args.file)
    except (OSError, UnicodeDecodeError, FileUnreadable) as error:
        print(f"Cannot read {args.file}: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    batch = result.batch
    print(f"{batch.stored} stored, {batch.updated} updated, {batch.duplicates} already stored, "
          f"{batch.quarantined} quarantined")
    for row in result.rows:
        for error in row.errors if row.status == "quarantined" else ():
            print(f"line {row.line}: {error['field'] or 'row'}: {error['message']}")


def cmd_escalate_late_interviews(args) -> None:
    from frontdoor.missing.services import late_interviews_escalate

    print(f"{len(late_interviews_escalate())} late return interviews escalated to a manager")


def cmd_screen(args) -> None:
    from frontdoor.screening.evoda import screen_evoda_jsonl

    try:
        with open(args.file, encoding="utf-8-sig") as stream:
            screen_evoda_jsonl(stream, sys.stdout)
    except OSError as error:
        print(f"Cannot read {args.file}: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def _token_user(email: str):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=email, is_active=True).first()
    if user is None or not hasattr(user, "membership"):
        print(f"No active user with a role has the email address {email}", file=sys.stderr)
        sys.exit(2)
    return user


def cmd_token_issue(args) -> None:
    from frontdoor.api.services import api_token_issue

    row, token = api_token_issue(user=_token_user(args.user), name=args.name, days=args.days)
    print(token)
    print(f"Token {row.pk} acts for {row.agency} and expires on {row.expires_at:%d %B %Y at %H:%M} (UTC). Keep it "
          "safe: it is shown once. Send it as 'Authorization: Bearer <token>'.", file=sys.stderr)


def cmd_token_list(args) -> None:
    from frontdoor.api.models import ApiToken

    print("id\tuser\tagency\tname\tissued\texpires\tstate")
    for row in ApiToken.objects.select_related("user", "agency"):
        print("\t".join([str(row.pk), row.user.username, str(row.agency or ""), row.name,
                         f"{row.created_at:%Y-%m-%d}", f"{row.expires_at:%Y-%m-%d}", row.state]))


def cmd_token_revoke(args) -> None:
    from frontdoor.api.services import api_token_revoke

    row = api_token_revoke(token_id=args.id)
    if row is None:
        print(f"No token has the id {args.id} (see frontdoor token list)", file=sys.stderr)
        sys.exit(2)
    print(f"Token {row.pk} ({row.name}, {row.user.username}) revoked on {row.revoked_at:%d %B %Y at %H:%M} (UTC)")


def _at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("give a whole number, 1 or more")
    return int(text)


def _token_commands(commands) -> None:
    token = commands.add_parser("token", help="issue, list and revoke partner systems' API tokens")
    actions = token.add_subparsers(dest="action", required=True)
    issue = actions.add_parser("issue", help="issue a token for a user (shown once), scoped to their agency")
    issue.add_argument("--user", required=True, help="the user's email address")
    issue.add_argument("--name", required=True, help="the partner system's name, e.g. 'Police case system'")
    issue.add_argument("--days", type=_at_least_one, help="days until it expires (default FRONTDOOR_API_TOKEN_DAYS, 90)")
    issue.set_defaults(func=cmd_token_issue)
    actions.add_parser("list", help="every token: user, agency, expiry and whether it still works").set_defaults(
        func=cmd_token_list)
    revoke = actions.add_parser("revoke", help="stop a token working at once")
    revoke.add_argument("id", type=int)
    revoke.set_defaults(func=cmd_token_revoke)
    # The earlier form, kept for scripts that use it: frontdoor issue-token EMAIL NAME.
    legacy = commands.add_parser("issue-token", help="the same as 'token issue --user EMAIL --name NAME'")
    legacy.add_argument("user", metavar="email")
    legacy.add_argument("name")
    legacy.set_defaults(func=cmd_token_issue, days=None)


def cmd_reset_second_factor(args) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    removed, _ = TOTPDevice.objects.filter(user__username=args.email).delete()
    print(f"{args.email} sets up a new authenticator app at their next sign-in" if removed
          else f"No authenticator app is set up for {args.email}")


def cmd_retention(args) -> None:
    from collections import Counter

    from frontdoor.governance.retention import retention_apply

    for rule in retention_apply(delete=args.delete):
        done = f"{len(rule.deleted)} deleted" if args.delete else "nothing deleted (dry run; --delete deletes)"
        print(f"{rule.record}: kept {rule.years} years. {len(rule.due)} past it, {done}")
        for reason, count in Counter(rule.kept.values()).most_common():
            print(f"    {count} kept: {reason}")


def cmd_manage(args) -> None:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["frontdoor manage", *args.rest])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontdoor", description="Front Door: a children's safeguarding front door")
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="migrate, load the demo data if the database is empty, and serve")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--year", action="store_true",
                      help="into an empty database, load a year of children's journeys (as load-demo does)")
    demo.set_defaults(func=cmd_demo)

    load_demo = commands.add_parser("load-demo", help="fill an empty database with a year of children's journeys, "
                                                      "recorded through the services")
    load_demo.add_argument("--children", type=_at_least_one, default=300, help="how many children (default 300)")
    load_demo.add_argument("--months", type=_at_least_one, default=12, help="over how many months until today (default 12)")
    load_demo.add_argument("--seed", type=int, default=2026)
    load_demo.set_defaults(func=cmd_load_demo)

    serve = commands.add_parser("serve", help="migrate and serve (with the outbox worker unless --no-worker)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-worker", action="store_true")
    serve.set_defaults(func=cmd_serve)

    worker = commands.add_parser("worker", help="send outbox messages (letters, acknowledgements, school notifications)")
    worker.add_argument("--interval", type=float, default=2.0)
    worker.set_defaults(func=cmd_worker)

    commands.add_parser("send-digests", help="queue this week's digest email to each team manager (the worker "
                        "also does it each week)").set_defaults(func=cmd_send_digests)

    commands.add_parser("refresh-due-dates", help="store every episode's next date due again (after a change to "
                        "the timescales or the bank holidays)").set_defaults(func=cmd_refresh_due_dates)

    imports = commands.add_parser("import-notifications", help="import police notifications from a CSV or JSON Lines file")
    imports.add_argument("file")
    imports.add_argument("--format", choices=["csv", "jsonl"], help="default: from the file name")
    imports.set_defaults(func=cmd_import_notifications)

    missing = commands.add_parser("import-missing-reports",
                                  help="import police missing-person reports from a CSV or JSON Lines file")
    missing.add_argument("file")
    missing.add_argument("--format", choices=["csv", "jsonl"], help="default: from the file name")
    missing.set_defaults(func=cmd_import_missing_reports)
    commands.add_parser("escalate-late-interviews",
                        help="escalate return interviews past their 72 hours to a manager (the worker does this too)"
                        ).set_defaults(func=cmd_escalate_late_interviews)

    screen = commands.add_parser("screen", help="screen notifications with a tool, without the database")
    screen.add_argument("tool", choices=["evoda"])
    screen.add_argument("file", help="JSON Lines, one notification per line (docs/police-notifications.md)")
    screen.set_defaults(func=cmd_screen)

    people_commands.register(commands)
    reporting_commands.register(commands)

    _token_commands(commands)

    retention = commands.add_parser("retention", help="report what the retention schedule makes due (--delete deletes it)")
    retention.add_argument("--delete", action="store_true", help="delete what is due (the run is recorded)")
    retention.set_defaults(func=cmd_retention)

    reset = commands.add_parser("reset-second-factor", help="forget a user's authenticator app (a lost phone)")
    reset.add_argument("email")
    reset.set_defaults(func=cmd_reset_second_factor)

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.func in (cmd_demo, cmd_load_demo):
        os.environ.setdefault("FRONTDOOR_DEMO", "1")
    _setup_django()
    args.func(args)


if __name__ == "__main__":
    main(sys.argv[1:])
