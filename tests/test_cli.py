from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.api.models import ApiToken
from frontdoor.cli import main
from tests import factories

pytestmark = pytest.mark.django_db


def test_issue_token_prints_a_token_that_authenticates_and_stores_only_its_hash(capsys):
    gp = factories.user(agency_=factories.agency(kind="gp"), email="gp@surgery.example")

    main(["issue-token", "gp@surgery.example", "Surgery system"])

    token = capsys.readouterr().out.strip()
    assert not ApiToken.objects.filter(token_hash=token).exists()
    assert ApiToken.objects.get(user=gp).token_hash == ApiToken.hash(token)
    assert Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/contacts").status_code == 200


def test_issue_token_for_an_unknown_user_fails_clearly(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["issue-token", "nobody@example.test", "X"])
    assert exit_info.value.code == 2
    assert "No active user" in capsys.readouterr().err


def test_token_issue_sets_the_expiry_and_list_shows_each_token_without_its_hash(capsys):
    factories.user(agency_=factories.agency(kind="police", name="Fictional Shire Police"), email="pc@police.example")

    main(["token", "issue", "--user", "pc@police.example", "--name", "Police case system", "--days", "7"])

    issued = capsys.readouterr()
    row = ApiToken.objects.get()
    assert row.token_hash == ApiToken.hash(issued.out.strip())
    assert abs((row.expires_at - timezone.now()) - timedelta(days=7)) < timedelta(minutes=1)
    assert f"Token {row.pk} acts for Fictional Shire Police" in issued.err
    main(["token", "list"])
    listing = capsys.readouterr().out
    assert f"{row.pk}\tpc@police.example\tFictional Shire Police\tPolice case system" in listing
    assert listing.rstrip().endswith("active") and row.token_hash not in listing


def test_token_revoke_stops_the_token_at_once(capsys):
    factories.user(email="dsl@school.example")
    main(["token", "issue", "--user", "dsl@school.example", "--name", "School MIS"])
    token = capsys.readouterr().out.strip()
    row = ApiToken.objects.get()

    main(["token", "revoke", str(row.pk)])

    assert f"Token {row.pk} (School MIS, dsl@school.example) revoked" in capsys.readouterr().out
    assert Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/contacts").status_code == 401
    main(["token", "list"])
    assert capsys.readouterr().out.rstrip().endswith("revoked")


def test_token_revoke_of_an_unknown_id_and_a_bad_number_of_days_fail_clearly(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["token", "revoke", "999"])
    assert exit_info.value.code == 2 and "No token has the id 999" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["token", "issue", "--user", "x@example.test", "--name", "X", "--days", "0"])
    assert "1 or more" in capsys.readouterr().err
