"""`frontdoor link | dedupe | train-matcher`: identity resolution from the console (issue 4).

Registered by frontdoor/cli.py; Django is set up before any of these runs.
"""
import argparse
import sys

from frontdoor.people.errors import PeopleError


def cmd_link(args) -> None:
    """Two files: a partner list against an index file. One file: against the database's index."""
    from frontdoor.people.matching.linkfile import link_files, match_records, read_records, write_matches

    if len(args.files) > 2:
        raise SystemExit("Give QUERIES.csv, or INDEX.csv and QUERIES.csv")
    try:
        if len(args.files) == 2:
            matches = link_files(*args.files, args.out)
        else:
            from frontdoor.people.identity import match_model_for_batch
            from frontdoor.people.records import index_records

            matches = match_records(match_model_for_batch(), index_records(), read_records(args.files[0]))
            write_matches(matches, args.out)
    except (OSError, KeyError, UnicodeDecodeError, PeopleError) as error:
        print(f"Cannot link: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    decisions = [m.decision for m in {m.query_id: m for m in matches}.values()]
    print(f"{len(decisions)} queries: {decisions.count('link')} link, {decisions.count('review')} review, "
          f"{decisions.count('new')} new; written to {args.out}")


def cmd_dedupe(args) -> None:
    from frontdoor.people.identity import index_duplicates, match_model_for_batch
    from frontdoor.people.models import Person
    from frontdoor.people.services import possible_duplicates_record

    try:
        pairs = index_duplicates(match_model_for_batch())
    except PeopleError as error:
        raise SystemExit(str(error)) from None
    names = Person.objects.in_bulk([pid for p in pairs for pid in (p.person_id, p.candidate_id)])
    for pair in pairs:
        first, second = names[pair.person_id], names[pair.candidate_id]
        print(f"{pair.person_id}\t{pair.candidate_id}\t{pair.match_probability:.6f}\t{pair.decision}\t"
              f"{first.full_name} / {second.full_name}")
    print(f"{len(pairs)} possible duplicate pairs", file=sys.stderr)
    if args.record:
        added = possible_duplicates_record(pairs=pairs)
        print(f"{added} new pairs added to the possible duplicates queue", file=sys.stderr)


def cmd_train_matcher(args) -> None:
    from frontdoor.people.identity import match_model_train

    version = match_model_train()
    print(f"Trained and activated match model {version.version} on {version.record_count} records")


def register(commands: argparse._SubParsersAction) -> None:
    link = commands.add_parser("link", help="link a partner list to the person index (a file, or the database)")
    link.add_argument("files", nargs="+", metavar="CSV",
                      help="[INDEX.csv] QUERIES.csv, columns id,given_name,family_name,dob,sex,address,postcode,"
                           "nhs_number; without INDEX.csv, the database's person index")
    link.add_argument("--out", required=True, metavar="MATCHES.csv")
    link.set_defaults(func=cmd_link)

    dedupe = commands.add_parser("dedupe", help="find people recorded twice in the person index")
    dedupe.add_argument("--record", action="store_true", help="add the pairs to the possible duplicates queue")
    dedupe.set_defaults(func=cmd_dedupe)

    train = commands.add_parser("train-matcher", help="train a new version of the identity-resolution model")
    train.set_defaults(func=cmd_train_matcher)
