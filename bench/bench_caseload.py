"""Social care caseload pages at scale, and `frontdoor load-demo`.

1. `load-demo --children N` into the empty database, every step through the services: the seconds
   it takes and per child.
2. 50,000 open child-in-need episodes more (made in bulk: a bench, not the demo; tests/casework/bulk.py),
   in teams of 10 social workers and a manager with 20 children each (200 a team), each episode with
   its assessment and some further on: a strategy discussion to hold or held, a section 47 enquiry, a
   child protection plan with its review due; then each episode's next date due stored, as the
   services store it. Times "My cases" (a social worker) and the team page's first page of 50 (a team
   manager), p50/p95 over repeated requests through Django's test client (server time, no network).

Run: DATABASE_URL=postgres://... .venv/bin/python bench/bench_caseload.py [--episodes 50000] [--children 20000]
[--skip-load-demo] [--skip-pages]. DATABASE_URL names a new, empty database (load-demo refuses any other).
"""
import argparse
import os
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
os.environ.setdefault("FRONTDOOR_DEMO", "1")  # synthetic data: the demo key will do
os.environ.setdefault("FRONTDOOR_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
sys.path[:0] = [os.path.join(os.path.dirname(__file__), "..", "src"),  # this checkout's code, not an installed one
                os.path.join(os.path.dirname(__file__), "..")]

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from frontdoor.agencies.models import Agency, Membership  # noqa: E402
from frontdoor.casework.models import Episode, Team  # noqa: E402
from tests.casework.bulk import open_episodes_bulk  # noqa: E402

WORKERS_PER_TEAM = 10
CASES_PER_WORKER = 20
BATCH = 2000


def percentiles(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"p50 {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms   (n={len(ordered)})"


def timed(fn, repeat: int, clock=time.perf_counter) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = clock()
        fn()
        samples.append((clock() - start) * 1000)
    return samples


def _staff(teams: int) -> list[tuple[Team, object, list]]:
    council = Agency.objects.create(kind=Agency.Kind.LOCAL_AUTHORITY, name="Bench County Council")
    users, memberships, staffed = [], [], []
    for t in range(teams):
        manager = get_user_model()(username=f"tm{t}@bench.test", email=f"tm{t}@bench.test", first_name="Team",
                                   last_name=f"Manager {t}")
        workers = [get_user_model()(username=f"sw{t}.{w}@bench.test", email=f"sw{t}.{w}@bench.test",
                                    first_name="Social", last_name=f"Worker {t}.{w}") for w in range(WORKERS_PER_TEAM)]
        users += [manager, *workers]
        memberships += [Membership(user=manager, agency=council, role=Membership.Role.TEAM_MANAGER)]
        memberships += [Membership(user=w, agency=council, role=Membership.Role.SOCIAL_WORKER) for w in workers]
        staffed.append((Team(name=f"Bench team {t}"), manager, workers))
    get_user_model().objects.bulk_create(users, batch_size=BATCH)
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    Team.objects.bulk_create([team for team, _, _ in staffed])
    Team.members.through.objects.bulk_create(
        [Team.members.through(team=team, user=user) for team, manager, workers in staffed
         for user in (manager, *workers)], batch_size=BATCH)
    return staffed


def populate(episodes: int) -> tuple[object, object]:
    """The open episodes with their steps; returns (a social worker, their team's manager)."""
    per_team = WORKERS_PER_TEAM * CASES_PER_WORKER
    staffed = _staff(-(-episodes // per_team))
    open_episodes_bulk(rng=random.Random(12), allocations=[
        (staffed[n // per_team][0], staffed[n // per_team][2][n % WORKERS_PER_TEAM]) for n in range(episodes)])
    _, manager, workers = staffed[0]
    return workers[0], manager


def pages(episodes: int, repeat: int) -> None:
    print(f"Load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    started = time.perf_counter()
    worker, manager = populate(episodes)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as autovacuum would have, long before a real team's next visit
            cursor.execute("ANALYZE")
    print(f"Database: {connection.vendor}; {Episode.objects.filter(closed_on__isnull=True).count()} open episodes "
          f"(made in {time.perf_counter() - started:.0f} s), teams of {WORKERS_PER_TEAM} workers with "
          f"{CASES_PER_WORKER} children each")
    for user, url, label in ((worker, "/social-care/my-cases", "My cases (a social worker's 20)"),
                             (manager, "/social-care/team", "Team page (50 of the team's 200)")):
        print(f"{label:<34} {page_figures(user, url, repeat)}")


def page_figures(user, url: str, repeat: int) -> str:
    client = Client()
    client.force_login(user)
    client.get(url)  # warm up templates and connections
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        assert client.get(url).status_code == 200
    elapsed = percentiles(timed(lambda: client.get(url), repeat))
    # This process's CPU alone: on a shared machine the elapsed time includes waiting for a core.
    cpu = percentiles(timed(lambda: client.get(url), repeat, clock=time.process_time))
    return f"{elapsed}   {len(queries)} queries\n{'':<34} CPU {cpu}"


def load_demo(children: int) -> None:
    print(f"Load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    from frontdoor.demo.year import load_year_demo

    started = time.perf_counter()
    summary = load_year_demo(children=children)
    seconds = time.perf_counter() - started
    print(f"load-demo --children {children}: {seconds:.0f} s ({seconds / children * 1000:.0f} ms a child)\n  {summary}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--children", type=int, default=20_000, help="load-demo's children")
    parser.add_argument("--skip-load-demo", action="store_true")
    parser.add_argument("--skip-pages", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not args.skip_load_demo:
        load_demo(args.children)  # first: it loads only into an empty database
    if not args.skip_pages:
        pages(args.episodes, args.repeat)


if __name__ == "__main__":
    main()
