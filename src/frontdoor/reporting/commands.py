"""`frontdoor report ...`: the statutory returns from the command line."""
import sys
from datetime import date
from itertools import groupby


def register(commands) -> None:
    report = commands.add_parser("report", help="write a statutory return")
    returns = report.add_subparsers(dest="report", required=True)
    census = returns.add_parser(
        "cin-census", help="write the DfE Children in Need census XML for the year ending --period-end",
        description="Writes the file whatever it finds, prints each child's problems (what the sector validator "
                    "cannot see and what the return lacks), and exits 1 when any is an error (0 when there are "
                    "none or only queries), so a script can stop before submitting.")
    census.add_argument("--period-end", required=True, type=date.fromisoformat,
                        help="the census reference date, YYYY-MM-DD (31 March; a later date than today gives the "
                             "year to date)")
    census.add_argument("--out", required=True, help="the XML file to write")
    census.set_defaults(func=cmd_cin_census)
    annex_a = returns.add_parser("annex-a", help="Ofsted Annex A lists 1-7: annex-a.xlsx and one CSV per list")
    annex_a.add_argument("--period-end", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    annex_a.add_argument("--out", required=True, help="directory to write into")
    annex_a.set_defaults(func=cmd_annex_a)
    partnership = returns.add_parser(
        "partnership", help="the safeguarding partnership's figures for the year to --period-end, one row per figure",
        description="Writes measure,numerator,denominator,value: value is the count, or for a rate the percentage "
                    "rounded to one decimal place (per 10,000 children for the *_per_10000 measures).")
    partnership.add_argument("--period-end", required=True, type=date.fromisoformat,
                             help="the year's last day, YYYY-MM-DD (the year starts on the 1 April before it)")
    partnership.add_argument("--out", required=True, help="the CSV file to write")
    partnership.set_defaults(func=cmd_partnership)


def problem_lines(census) -> list[str]:
    """The problems child by child: the child's id and name, then each problem with what to fix."""
    lines = []
    for child_id, problems in groupby(census.problems, key=lambda p: p.child_id):
        lines.append(f"{child_id} {census.people[child_id].full_name}:")
        for problem in problems:
            where = f" (referral of {problem.referral_date})" if problem.referral_date else ""
            lines.append(f"  {problem.level:<5} fix the {problem.record_name}{where}: {problem.message}")
    return lines


def cmd_cin_census(args) -> None:
    from frontdoor.reporting.services import cin_census_export

    written = cin_census_export(user=None, reference_date=args.period_end)
    try:
        with open(args.out, "wb") as stream:
            stream.write(written.xml)
    except OSError as error:
        print(f"Cannot write {args.out}: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    census = written.census
    errors = sum(1 for p in census.problems if p.level == "error")
    print(f"Wrote {args.out}: CIN census {census.year.starts.year}-{census.year.ends:%y}, "
          f"{len(census.children)} children, SerialNo {written.export.serial_no:03d}")
    if census.unlinked_episodes:
        print(f"{census.unlinked_episodes} referrals are not linked to a person index record and are not in the file")
    print(f"{len(census.problems)} problems ({errors} errors, {len(census.problems) - errors} queries)")
    for line in problem_lines(census):
        print(line)
    if errors:
        raise SystemExit(1)


def cmd_annex_a(args) -> None:
    from pathlib import Path

    from frontdoor.reporting.annex_a import annex_a_lists
    from frontdoor.reporting.annex_a_sheets import write_all

    lists = annex_a_lists(period_end=args.period_end)
    for path in write_all(lists, Path(args.out)):
        print(path)
    for annex_list in lists:
        print(f"List {annex_list.number} {annex_list.title}: {len(annex_list.rows)} rows", file=sys.stderr)


def cmd_partnership(args) -> None:
    from frontdoor.reporting.partnership import partnership_figures
    from frontdoor.reporting.partnership_sheets import csv_text

    figures = partnership_figures(period_end=args.period_end, by_month=False)
    try:
        with open(args.out, "w", encoding="utf-8", newline="") as stream:
            stream.write(csv_text(figures))
    except OSError as error:
        print(f"Cannot write {args.out}: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    year = figures.year
    print(f"Wrote {args.out}: {len(figures.measures)} figures for {year.first:%-d %B %Y} to {year.last:%-d %B %Y}"
          f"{f' (open records as of {year.as_of:%-d %B %Y})' if year.as_of < year.last else ''}")
