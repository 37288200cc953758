import csv

from frontdoor.csv_cells import spreadsheet_safe
from frontdoor.people.matching.linkfile import Match, write_matches


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text():
    for formula in ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"):
        assert spreadsheet_safe(formula) == "'" + formula
    assert spreadsheet_safe("Q0001") == "Q0001"


def test_the_link_command_writes_partner_ids_as_text(tmp_path):
    out = tmp_path / "matches.csv"
    write_matches([Match("=cmd|' /C calc'!A0", "@evil", 0.99, "link")], out)
    row = list(csv.DictReader(out.open()))[0]
    assert row["query_id"] == "'=cmd|' /C calc'!A0" and row["index_id"] == "'@evil"
