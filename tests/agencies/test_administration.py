"""The administrator's pages: users with roles and agencies, and the agencies; every change audited
and version-checked, bad input answered with what to fix, and nobody else let in."""
import pytest
from django.contrib.auth.models import User
from django.test import Client

from frontdoor.agencies.errors import AdministrationConflict, AdministrationInvalid
from frontdoor.agencies.models import Agency, Membership
from frontdoor.agencies.services import NewAgency, agency_active_set, agency_change, membership_change, user_active_set
from frontdoor.api.models import ApiToken
from frontdoor.governance.models import AccessLogEntry
from frontdoor.marac.forms import ActionForm
from frontdoor.triage.forms_meeting import partner_agencies
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return factories.user(role=Membership.Role.ADMINISTRATOR, first="Robin", last="Shaw")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _new_user(agency_, **overrides) -> dict:
    return {"first_name": "Priya", "last_name": "Shah", "email": "Priya.Shah@council.example", "job_title": "Social worker",
            "role": Membership.Role.SOCIAL_WORKER, "agency": str(agency_.pk), **overrides}


def test_the_administrator_adds_a_user_who_can_then_reset_their_password(admin):
    council = factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY, name="Fictionshire County Council")
    client = _client(admin)
    assert "Fictionshire County Council (Local authority)" in client.get("/administration/users/new").content.decode()

    response = client.post("/administration/users/new", _new_user(council))

    assert response.status_code == 302
    account = User.objects.get(email="priya.shah@council.example")
    assert account.membership.role == Membership.Role.SOCIAL_WORKER and account.membership.agency == council
    assert account.has_usable_password()  # so "Forgotten your password?" sends them a link
    assert AccessLogEntry.objects.filter(user=admin, target_type="auth.user", target_id=str(account.pk),
                                         action=AccessLogEntry.Action.CREATE,
                                         reason="Account created: Social worker").exists()
    listing = client.get("/administration/users").content.decode()
    assert "Priya Shah" in listing and "priya.shah@council.example" in listing


@pytest.mark.parametrize(("overrides", "message"), [
    ({"first_name": ""}, "Enter their first name"),
    ({"last_name": "x" * 151}, "Last name must be 150 characters or fewer"),
    ({"email": ""}, "Enter their email address"),
    ({"email": "not-an-email"}, "Enter an email address in the correct format"),
    ({"email": "a\r\nb@council.example"}, "Remove the control characters"),
    ({"email": "TAKEN@council.example"}, "There is already an account for taken@council.example"),
    ({"role": ""}, "Choose a role from the list"),
    ({"role": "superuser"}, "Choose a role from the list"),
    ({"agency": ""}, "Choose an agency from the list"),
])
def test_bad_input_for_a_new_user_is_refused_with_what_to_fix(admin, overrides, message):
    factories.user(email="taken@council.example")
    before = User.objects.count()

    response = _client(admin).post("/administration/users/new", _new_user(factories.agency(), **overrides))

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert User.objects.count() == before


def test_changing_a_role_is_audited_and_stops_tokens_for_the_old_agency(admin):
    referrer = factories.user(first="Chris", last="Taylor")
    token = ApiToken.issue(user=referrer, name="school system")
    police = factories.agency(kind=Agency.Kind.POLICE, name="Fictionshire Police")
    client = _client(admin)
    page = client.get(f"/administration/users/{referrer.pk}").content.decode()
    assert "Chris Taylor" in page and "Save the role" in page

    response = client.post(f"/administration/users/{referrer.pk}", {
        "role": Membership.Role.TRIAGE_MEMBER, "agency": str(police.pk), "version": 1})

    assert response.status_code == 302
    referrer.membership.refresh_from_db()
    assert (referrer.membership.role, referrer.membership.agency, referrer.membership.version) == (
        Membership.Role.TRIAGE_MEMBER, police, 2)
    assert AccessLogEntry.objects.filter(user=admin, target_id=str(referrer.pk), action=AccessLogEntry.Action.UPDATE,
                                         reason="Role changed to Triage meeting member").exists()
    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get("/api/v1/contacts").status_code == 401


def test_an_administrator_working_from_an_old_page_is_refused_and_keeps_the_newer_change(admin):
    referrer = factories.user()
    membership_change(actor=admin, account=referrer, version=1, role=Membership.Role.PRACTITIONER,
                      agency_id=referrer.membership.agency_id)

    response = _client(admin).post(f"/administration/users/{referrer.pk}", {
        "role": Membership.Role.MANAGER, "agency": str(referrer.membership.agency_id), "version": 1})

    assert response.status_code == 400 and "Someone else changed this account" in response.content.decode()
    referrer.membership.refresh_from_db()
    assert referrer.membership.role == Membership.Role.PRACTITIONER


def test_an_unchanged_role_is_refused():
    admin = factories.user(role=Membership.Role.ADMINISTRATOR)
    referrer = factories.user()
    with pytest.raises(AdministrationInvalid, match="Nothing has changed"):
        membership_change(actor=admin, account=referrer, version=1, role=referrer.membership.role,
                          agency_id=referrer.membership.agency_id)


def test_deactivating_stops_sign_in_and_is_audited_and_reactivating_undoes_it(admin):
    practitioner = factories.user(role=Membership.Role.PRACTITIONER)
    signed_in = _client(practitioner)
    client = _client(admin)

    assert client.post(f"/administration/users/{practitioner.pk}/active", {"version": 1}).status_code == 302

    practitioner.refresh_from_db()
    assert not practitioner.is_active
    assert signed_in.get("/front-door/queue").status_code == 302  # sent to sign in: the session has ended
    refused = Client().post("/sign-in", {"username": practitioner.username, "password": factories.PASSWORD})
    assert refused.status_code == 200 and "Enter a correct email address and password" in refused.content.decode()
    assert "Deactivated: cannot sign in" in client.get(f"/administration/users/{practitioner.pk}").content.decode()
    stale = client.post(f"/administration/users/{practitioner.pk}/active", {"version": 1})
    assert stale.status_code == 400 and "Someone else changed this account" in stale.content.decode()

    client.post(f"/administration/users/{practitioner.pk}/active", {"version": 2})
    practitioner.refresh_from_db()
    assert practitioner.is_active
    assert list(AccessLogEntry.objects.filter(user=admin, target_id=str(practitioner.pk)).order_by("at")
                .values_list("reason", flat=True)) == ["Account deactivated", "Account reactivated"]


def test_an_administrator_cannot_lock_themselves_out(admin):
    with pytest.raises(AdministrationInvalid, match="ask another administrator"):
        user_active_set(actor=admin, account=admin, version=1, active=False)
    with pytest.raises(AdministrationInvalid, match="ask another administrator"):
        membership_change(actor=admin, account=admin, version=1, role=Membership.Role.REFERRER,
                          agency_id=admin.membership.agency_id)
    assert "This is your own account" in _client(admin).get(f"/administration/users/{admin.pk}").content.decode()


def test_a_stale_deactivation_through_the_service_is_a_conflict(admin):
    practitioner = factories.user(role=Membership.Role.PRACTITIONER)
    user_active_set(actor=admin, account=practitioner, version=1, active=False)
    with pytest.raises(AdministrationConflict):
        user_active_set(actor=admin, account=practitioner, version=1, active=True)


def test_the_administrator_adds_an_agency(admin):
    client = _client(admin)
    response = client.post("/administration/agencies/new", {
        "name": "Oakfield Primary School", "kind": Agency.Kind.SCHOOL, "urn": "116821", "ods_code": "",
        "email": "office@oakfield.example", "phone": "01905 111222", "postcode": "fd1 2ab"})

    assert response.status_code == 302
    agency = Agency.objects.get(name="Oakfield Primary School")
    assert (agency.urn, agency.postcode) == ("116821", "FD1 2AB")
    assert AccessLogEntry.objects.filter(user=admin, target_id=str(agency.pk), reason="Agency added").exists()
    assert "Oakfield Primary School" in client.get("/administration/agencies").content.decode()


@pytest.mark.parametrize(("overrides", "message"), [
    ({"name": ""}, "Enter the agency&#x27;s name"),
    ({"kind": ""}, "Choose the kind of agency"),
    ({"urn": "12ab"}, "Enter the school&#x27;s URN as 6 to 8 digits"),
    ({"kind": Agency.Kind.GP, "urn": "116821"}, "Only a school has a DfE URN"),
    ({"urn": "100000"}, "A school with URN 100000 is already an agency"),
    ({"email": "office at school"}, "Enter an email address in the correct format"),
    ({"name": "Existing School"}, "There is already a school called Existing School"),
    ({"postcode": "FD1 2AB 12345"}, "Postcode must be 10 characters or fewer"),
])
def test_bad_input_for_a_new_agency_is_refused_with_what_to_fix(admin, overrides, message):
    factories.agency(name="Existing School", urn="100000")
    before = Agency.objects.count()
    data = {"name": "New School", "kind": Agency.Kind.SCHOOL, "urn": "", "ods_code": "", "email": "", "phone": "",
            "postcode": "", **overrides}

    response = _client(admin).post("/administration/agencies/new", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Agency.objects.count() == before


@pytest.mark.parametrize("role", [Membership.Role.MANAGER, Membership.Role.PRACTITIONER, Membership.Role.REFERRER])
@pytest.mark.parametrize("url", ["/administration/users", "/administration/users/new", "/administration/agencies",
                                 "/administration/agencies/new", "/administration/agencies/{agency}"])
def test_nobody_but_the_administrator_finds_the_pages(role, url):
    user = factories.user(role=role)
    assert _client(user).get(url.format(agency=user.membership.agency_id)).status_code == 404


def _agency_form(agency, **overrides) -> dict:
    return {"name": agency.name, "kind": agency.kind, "urn": agency.urn, "ods_code": agency.ods_code,
            "email": agency.email, "phone": agency.phone, "postcode": agency.postcode, "version": agency.version,
            **overrides}


def test_the_administrator_changes_an_agencys_details_and_the_change_is_audited(admin):
    school = factories.agency(name="Oakfield Primary", urn="116821")
    client = _client(admin)
    assert 'value="Oakfield Primary"' in client.get(f"/administration/agencies/{school.pk}").content.decode()

    response = client.post(f"/administration/agencies/{school.pk}", _agency_form(
        school, name="Oakfield Primary Academy", email="dsl@oakfield.example", phone="01905 111222"))

    assert response.status_code == 302
    school.refresh_from_db()
    assert (school.name, school.email, school.phone, school.urn, school.version) == (
        "Oakfield Primary Academy", "dsl@oakfield.example", "01905 111222", "116821", 2)
    assert AccessLogEntry.objects.filter(user=admin, target_id=str(school.pk), action=AccessLogEntry.Action.UPDATE,
                                         reason="Agency changed: name, email, phone").exists()


@pytest.mark.parametrize(("overrides", "message"), [
    ({"name": ""}, "Enter the agency&#x27;s name"),
    ({"urn": "100000"}, "A school with URN 100000 is already an agency"),
    ({"name": "Existing School"}, "There is already a school called Existing School"),
    ({"email": "office at school"}, "Enter an email address in the correct format"),
    ({}, "Nothing has changed"),
])
def test_bad_input_for_a_change_is_refused_with_what_to_fix_and_nothing_saved(admin, overrides, message):
    factories.agency(name="Existing School", urn="100000")
    school = factories.agency(name="Oakfield Primary", urn="116821")

    response = _client(admin).post(f"/administration/agencies/{school.pk}", _agency_form(school, **overrides))

    assert response.status_code == 400
    assert message in response.content.decode()
    school.refresh_from_db()
    assert (school.name, school.urn, school.version) == ("Oakfield Primary", "116821", 1)


def test_a_second_administrator_working_from_the_old_page_is_refused_and_the_first_change_kept(admin):
    school = factories.agency(name="Oakfield Primary")
    other = factories.user(role=Membership.Role.ADMINISTRATOR)
    agency_change(actor=other, agency=school, version=1, changed=NewAgency(name="Oakfield Academy", kind=school.kind))

    response = _client(admin).post(f"/administration/agencies/{school.pk}",
                                   _agency_form(school, name="Oakfield Primary School", version=1))

    assert response.status_code == 400
    assert "Someone else changed this agency since you opened this page" in response.content.decode()
    assert 'value="Oakfield Primary School"' in response.content.decode()  # what they typed is kept
    school.refresh_from_db()
    assert (school.name, school.version) == ("Oakfield Academy", 2)
    with pytest.raises(AdministrationConflict):
        agency_active_set(actor=admin, agency=school, version=1, active=False)


def test_a_deactivated_agency_is_offered_for_no_new_user_or_contact_and_its_users_stay(admin):
    school = factories.agency(name="Closed Primary")
    dsl = factories.user(agency_=school)
    client = _client(admin)

    assert client.post(f"/administration/agencies/{school.pk}/active", {"version": 1}).status_code == 302

    school.refresh_from_db()
    assert (school.is_active, school.version) == (False, 2)
    assert AccessLogEntry.objects.filter(user=admin, target_id=str(school.pk), reason="Agency deactivated").exists()
    assert "Deactivated" in client.get("/administration/agencies").content.decode()
    assert "Closed Primary" not in client.get("/administration/users/new").content.decode()
    refused = client.post("/administration/users/new", _new_user(school))
    assert refused.status_code == 400 and "Choose an agency from the list" in refused.content.decode()
    with pytest.raises(AdministrationInvalid, match="Closed Primary is deactivated: choose an active agency"):
        membership_change(actor=admin, account=factories.user(), version=1, role=Membership.Role.REFERRER,
                          agency_id=school.pk)
    practitioner = _client(factories.user(role=Membership.Role.PRACTITIONER))
    assert "Closed Primary" not in practitioner.get("/front-door/record-contact").content.decode()
    # Its users stay in it, and can be given another role there.
    assert "Closed Primary (School)" in client.get(f"/administration/users/{dsl.pk}").content.decode()
    membership_change(actor=admin, account=dsl, version=1, role=Membership.Role.EARLY_HELP_LEAD, agency_id=school.pk)

    assert client.post(f"/administration/agencies/{school.pk}/active", {"version": 2}).status_code == 302
    school.refresh_from_db()
    assert school.is_active and AccessLogEntry.objects.filter(target_id=str(school.pk),
                                                              reason="Agency reactivated").exists()


def test_the_service_refuses_anyone_but_an_administrator():
    manager = factories.user(role=Membership.Role.MANAGER)
    with pytest.raises(AdministrationInvalid, match="Only an administrator"):
        membership_change(actor=manager, account=factories.user(), version=1, role=Membership.Role.MANAGER,
                          agency_id=manager.membership.agency_id)


def test_a_deactivated_agency_is_not_offered_for_meeting_attendance_or_a_marac_action():
    closed = factories.agency(kind="police", name="Closed Constabulary")
    Agency.objects.filter(pk=closed.pk).update(is_active=False)
    open_ = factories.agency(kind="police", name="Open Constabulary")
    assert list(partner_agencies()) == [open_]
    assert list(ActionForm().fields["owner_agency"].queryset) == [open_]
