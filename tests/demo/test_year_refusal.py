"""`frontdoor load-demo` refuses a database that has children, and counts that are not whole numbers."""
from datetime import date

import pytest

from frontdoor.cli import main
from frontdoor.demo.generator import DatabaseNotEmpty
from frontdoor.demo.year import load_year_demo
from frontdoor.intake.models import Contact
from tests import factories


@pytest.mark.django_db
def test_a_database_with_children_is_refused():
    factories.person()
    with pytest.raises(DatabaseNotEmpty, match="already has children"):
        load_year_demo(children=5, today=date(2026, 11, 20))
    assert not Contact.objects.exists()


@pytest.mark.parametrize("option", [["--children", "0"], ["--months", "none"]])
def test_the_command_refuses_a_count_that_is_not_a_whole_number(option, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["load-demo", *option])
    assert exit_.value.code == 2
    assert "give a whole number, 1 or more" in capsys.readouterr().err


@pytest.mark.django_db
def test_the_command_tells_why_it_refuses_a_database_with_children(capsys, monkeypatch):
    monkeypatch.setattr("frontdoor.cli._migrate", lambda: None)  # the test database is migrated already
    factories.person()
    with pytest.raises(SystemExit) as exit_:
        main(["load-demo", "--children", "3"])
    assert exit_.value.code == 2
    assert "load-demo fills only an empty database" in capsys.readouterr().err
