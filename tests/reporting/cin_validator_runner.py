"""Run the sector's CIN validator (csc-validator-be-cin) on one XML file and print JSON findings.

Run by the validator's own interpreter (FRONTDOOR_CIN_VALIDATOR: its virtual environment pins
pandas and numpy below the product's), never imported by the suite:

    /tmp/cinval/bin/python tests/reporting/cin_validator_runner.py FILE.xml

It calls the API as the validator's web front end does (shared/STATUTORY-RETURNS.md section 3) and
prints {"errors": [...], "queries": [...], "crashed": [...]}: each finding with its rule code, child
(null for a return-level one) and message; `crashed` lists rules that raised instead of reporting
(the engine prints "Error with rule X" and carries on), which counts as a failure.
"""
import contextlib
import io
import json
import re
import sys
import warnings
import xml.etree.ElementTree as ET

RULESET = "cin2026_27"


def _findings(validator, registry) -> list[dict]:
    rules = {str(rule.code): rule for rule in registry.values()}
    found = [{"rule": str(row["rule_code"]), "child": str(row["child_id"])}
             for _, row in validator.full_issue_df.drop_duplicates(["rule_code", "child_id"]).iterrows()]
    found += [{"rule": str(code), "child": None} for code in validator.multichild_issues["rule_code"].unique()]
    for finding in found:
        rule = rules.get(finding["rule"])
        finding["type"] = rule.rule_type.name if rule else "UNKNOWN"
        finding["message"] = rule.message if rule else ""
    return found


def main(path: str) -> None:
    import importlib

    from cin_validator import cin_validator as cv

    warnings.simplefilter("ignore")  # pandas' FutureWarnings from inside the rules
    registry = importlib.import_module(f"cin_validator.rules.{RULESET}").registry
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        validator = cv.CinValidator(cv.process_data(cv.convert_data(ET.parse(path).getroot())), registry)
    found = _findings(validator, registry)
    print(json.dumps({
        "rules": len(registry),
        "errors": [f for f in found if f["type"] != "QUERY"],
        "queries": [f for f in found if f["type"] == "QUERY"],
        "crashed": sorted(set(re.findall(r"Error with rule (\w+)", printed.getvalue()))),
    }, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
