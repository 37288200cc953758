"""The app's match model and resolver: who trains a model and when, two trainings at once, and
lookups in a batch that see the people created earlier in it."""
import contextlib
import copy
import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from frontdoor import cli
from frontdoor.people import identity
from frontdoor.people.models import MatchModelVersion, Person
from frontdoor.people.records import indexed_persons
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create
from tests.people.index import load_index, population, trained_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_area(settings, monkeypatch):
    """400 people, no model yet, and enough to train one (training itself is the session's model)."""
    settings.FRONTDOOR_MATCH_TRAINING_MINIMUM = {"index": 400, "shared_nhs_numbers": 0}
    monkeypatch.setattr(identity, "train_model", lambda records: trained_model())
    identity.index_forget()
    load_index(population().index[:400])
    yield
    identity.index_forget()


def _version(name: str, trained_at=None):
    """The session's model under another name, trained just now unless told otherwise."""
    model = trained_model()
    trained_at = (trained_at or timezone.now()).isoformat()
    return replace(model, metadata={**model.metadata, "version": name, "trained_at": trained_at})


def test_a_web_request_never_trains_it_resolves_deterministically_until_a_model_exists(fresh_area):
    assert identity.app_resolver() is None
    person, created = person_resolve_or_create(PersonDescription(
        given_name="Zebedee", family_name="Quillfeather", date_of_birth=date(2019, 1, 2)))
    assert created and not MatchModelVersion.objects.exists()


def test_no_model_is_trained_while_the_index_holds_too_little(fresh_area, settings):
    settings.FRONTDOOR_MATCH_TRAINING_MINIMUM = {"index": 400, "shared_nhs_numbers": 1000}
    assert identity.match_model_ensure() is None
    assert not MatchModelVersion.objects.exists()


def test_the_idle_worker_trains_the_first_model_once_and_requests_then_use_it(fresh_area, monkeypatch):
    class Stop(Exception):
        pass

    def stop_after(ticks):
        def sleep(seconds):
            ticks.append(seconds)
            if len(ticks) == 2:
                raise Stop
        return sleep

    monkeypatch.setattr("frontdoor.messaging.worker.close_old_connections", lambda: None)
    monkeypatch.setattr("frontdoor.messaging.worker.outbox_dispatch_pending", lambda: 0)
    monkeypatch.setattr("frontdoor.messaging.worker.time.sleep", stop_after([]))
    with pytest.raises(Stop):
        cli._run_worker_forever(2.0)
    assert MatchModelVersion.objects.get(is_active=True).version == "test-model"
    assert len(identity.app_resolver()) == 400


def test_a_failed_training_is_logged_without_its_message_and_the_worker_keeps_sending(fresh_area, monkeypatch, caplog):
    class Stop(Exception):
        pass

    dispatches, trainings = [], []

    def training_fails(records):
        trainings.append(records)
        raise ValueError("Thomas Okafor 2014-03-09")  # what a record-quoting error could say

    def dispatch_nothing():
        dispatches.append(1)
        return 0

    def sleep(seconds):
        if len(dispatches) == 3:
            raise Stop

    monkeypatch.setattr(identity, "train_model", training_fails)
    monkeypatch.setattr("frontdoor.messaging.worker.close_old_connections", lambda: None)
    monkeypatch.setattr("frontdoor.messaging.worker.outbox_dispatch_pending", dispatch_nothing)
    monkeypatch.setattr("frontdoor.messaging.worker.time.sleep", sleep)
    with pytest.raises(Stop):
        cli._run_worker_forever(2.0)
    assert len(dispatches) == 3 and len(trainings) == 1  # tried once, not again until the next check
    assert "Training the match model failed (ValueError)" in caplog.text
    assert "Okafor" not in caplog.text


def test_a_training_that_ran_alongside_is_kept_instead_of_storing_a_second_version(fresh_area, monkeypatch):
    def train_while_another_process_stores_its_own(records):
        identity.match_model_store(model=_version("the other process's"))
        return _version("this process's")

    monkeypatch.setattr(identity, "train_model", train_while_another_process_stores_its_own)
    kept = identity.match_model_train()
    assert kept.version == "the other process's"
    assert list(MatchModelVersion.objects.values_list("version", flat=True)) == ["the other process's"]


def test_a_training_after_the_active_one_stores_a_new_version(fresh_area):
    identity.match_model_store(model=_version("last week's", timezone.now() - timedelta(days=7)))
    assert identity.match_model_train().version == "test-model"
    assert MatchModelVersion.objects.get(is_active=True).version == "test-model"
    assert MatchModelVersion.objects.count() == 2


def _trained_on_other_levels():
    model = _version("before the levels changed", timezone.now() - timedelta(days=7))
    settings = copy.deepcopy(model.splink_settings)
    settings["comparisons"][0]["comparison_levels"][1]["label_for_charts"] = "a level this code no longer has"
    return replace(model, splink_settings=settings)


def test_a_model_trained_on_other_comparison_levels_counts_as_none_until_retrained(fresh_area):
    identity.match_model_store(model=_trained_on_other_levels())
    assert identity.app_resolver() is None  # the deterministic rule, not an error
    _, created = person_resolve_or_create(PersonDescription(
        given_name="Zebedee", family_name="Quillfeather", date_of_birth=date(2019, 1, 2)))
    assert created
    assert identity.match_model_ensure().version == "test-model"
    assert len(identity.app_resolver()) == 401


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two trainings at once need two connections")
def test_two_processes_training_at_the_same_moment_store_one_version(fresh_area, monkeypatch):
    both_training, both_storing = threading.Barrier(2), threading.Barrier(2)
    names = iter(["first", "second"])
    lock = identity._lock_model_versions

    def train(records):
        both_training.wait(timeout=10)
        return _version(next(names))

    def lock_then_wait_for_the_other():
        # Unless the lock holds the other store back, both check for a model at the same moment.
        lock()
        with contextlib.suppress(threading.BrokenBarrierError):
            both_storing.wait(timeout=1)

    monkeypatch.setattr(identity, "train_model", train)
    monkeypatch.setattr(identity, "_lock_model_versions", lock_then_wait_for_the_other)
    kept = []

    def worker():
        try:
            kept.append(identity.match_model_ensure().version)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(kept) == 2 and kept[0] == kept[1]  # neither failed: the second kept the first's
    assert MatchModelVersion.objects.count() == 1


@pytest.fixture
def area():
    identity.index_forget()
    identity.match_model_store(model=trained_model())
    persons = load_index(population().index[:400])
    yield persons
    identity.index_forget()


NEWCOMER = PersonDescription(given_name="Zebedee", family_name="Quillfeather", date_of_birth=date(2019, 1, 2),
                             sex=Person.Sex.MALE, address="4 Mill Lane", postcode="ZZ9 9ZZ")


class _RolledBack(Exception):
    pass


def test_in_a_batch_a_new_person_is_found_before_commit_and_forgotten_when_it_rolls_back(area):
    with pytest.raises(_RolledBack), identity.index_batch():
        newcomer, created = person_resolve_or_create(NEWCOMER)
        assert created
        assert person_resolve_or_create(NEWCOMER) == (newcomer, False)
        raise _RolledBack
    assert not Person.objects.filter(pk=newcomer.pk).exists()
    assert len(identity.app_resolver()) == indexed_persons().count() == 400


def test_a_batch_checks_the_resolver_against_the_database_once(area, django_assert_num_queries):
    identity.app_resolver()
    with identity.index_batch():
        with django_assert_num_queries(2):  # the active version and the index count
            identity.app_resolver()
        with django_assert_num_queries(0):
            identity.app_resolver()
