import pytest
from django.test import Client

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
