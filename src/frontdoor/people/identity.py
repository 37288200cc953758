"""Identity resolution for the app: the stored, versioned model and the resolver built from it.

Each process builds its resolver once from the active model and the whole index, keeps it, adds
to it the people this process creates or changes, and rebuilds it when the active model version
or the number of people in the index changes (ADR 0004 explains the trade-off across processes).
A web request never trains a model: until an area has one, resolution is deterministic, and the
first is trained by `frontdoor train-matcher`, the demo loader or the worker (ADR 0006).
"""
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from frontdoor.people.errors import NoMatchModel
from frontdoor.people.matching.features import prepare_record
from frontdoor.people.matching.linkfile import dedupe_records
from frontdoor.people.matching.model import MatchModel, train_model
from frontdoor.people.matching.resolver import Candidate, Resolution, Resolver
from frontdoor.people.matching.scoring import Scorer
from frontdoor.people.models import MatchModelVersion, Person
from frontdoor.people.records import (
    described_records, described_sharing_an_nhs_number, index_records, indexed_persons, person_record,
)

# Training needs the same people written more than one way: described records (contacts) that
# share an NHS number with the index are what EM learns from. Below these counts a model would
# be guesswork, so resolution stays deterministic (people.resolution.find_match).
DEFAULT_TRAINING_MINIMUM = {"index": 1000, "shared_nhs_numbers": 100}
# Every store of a model takes this PostgreSQL advisory lock (there may be no row to lock yet).
_MODEL_STORE_LOCK = 0x4D4F44454C  # "MODEL"


@transaction.atomic
def match_model_store(*, model: MatchModel, unless_trained_since: datetime | None = None) -> MatchModelVersion:
    """Keep a trained model as a new version and make it the one the app uses. With
    unless_trained_since, a model stored since then (a training that ran alongside this one, on
    the same index) is kept instead, so two trainings at once store one version."""
    _lock_model_versions()
    if unless_trained_since is not None:
        alongside = MatchModelVersion.objects.filter(is_active=True, trained_at__gte=unless_trained_since).first()
        if alongside is not None:
            return alongside
    MatchModelVersion.objects.filter(is_active=True).update(is_active=False)
    return MatchModelVersion.objects.create(
        version=model.version, trained_at=model.metadata["trained_at"],
        record_count=model.metadata["record_count"],
        model_json={"metadata": model.metadata, "splink_settings": model.splink_settings}, is_active=True,
    )


def _lock_model_versions() -> None:
    """Until the transaction ends, no other store of a model runs (PostgreSQL: the advisory lock;
    SQLite: a write, which takes the database's write lock)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_MODEL_STORE_LOCK])
    else:
        MatchModelVersion.objects.filter(is_active=True).update(is_active=True)


def match_model_train() -> MatchModelVersion:
    """Train on the index and how referrers described children (no labels), store, activate."""
    started = timezone.now()
    model = train_model([*index_records(), *described_records()])
    return match_model_store(model=model, unless_trained_since=started)


def match_model_ensure() -> MatchModelVersion | None:
    """The active model, trained now when there is none and the index holds enough to learn from.
    The worker, the demo loader and console batch commands call this; a web request never does
    (its user would wait 5-9 s)."""
    active = _usable(MatchModelVersion.objects.filter(is_active=True).first())
    if active is None and enough_to_train():
        active = match_model_train()
    return active


def active_match_model() -> MatchModel | None:
    row = _usable(MatchModelVersion.objects.filter(is_active=True).first())
    return None if row is None else _model(row)


def _usable(row: MatchModelVersion | None) -> MatchModelVersion | None:
    """A model stored before this code's comparison levels changed has weights for other levels:
    it counts as no model (deterministic rule) until the worker or train-matcher trains a new one."""
    return row if row is not None and _model(row).fits_comparisons() else None


def match_model_for_batch() -> MatchModel:
    """The active model, trained now if there is none (console commands: the user waits anyway)."""
    row = match_model_ensure()
    if row is None:
        raise NoMatchModel("The person index is too small to train a match model yet: run `frontdoor "
                           "train-matcher` once it holds the area's people and contacts")
    return _model(row)


def _model(row: MatchModelVersion) -> MatchModel:
    return MatchModel(splink_settings=row.model_json["splink_settings"], metadata=row.model_json["metadata"])


def enough_to_train() -> bool:
    minimum = getattr(settings, "FRONTDOOR_MATCH_TRAINING_MINIMUM", DEFAULT_TRAINING_MINIMUM)
    return (indexed_persons().count() >= minimum["index"]
            and described_sharing_an_nhs_number() >= minimum["shared_nhs_numbers"])


@dataclass
class _Cached:
    version: str
    size: int
    resolver: Resolver
    # People this process has created whose transaction has not committed yet: the index count may
    # already include them (inside that transaction) without the resolver being stale.
    pending: int = 0

    def is_current(self, version: str | None, size: int) -> bool:
        return self.version == version and self.size <= size <= self.size + self.pending


class _Batch(threading.local):
    """Per thread, inside index_batch(): how deeply nested, and the resolver checked for it."""
    depth = 0
    checked = False
    resolver: Resolver | None = None

    def drop_resolver(self) -> None:
        self.checked, self.resolver = False, None


_cache: _Cached | None = None
_lock = threading.Lock()
_batch = _Batch()


def app_resolver() -> Resolver | None:
    """The process's resolver, current with the active model and the index size; None while the
    area has no model. Inside index_batch() it is checked against the database once."""
    if not _batch.depth:
        return _current_resolver()
    if not _batch.checked:
        _batch.resolver, _batch.checked = _current_resolver(), True
    return _batch.resolver


def _current_resolver() -> Resolver | None:
    global _cache
    version = MatchModelVersion.objects.filter(is_active=True).values_list("version", flat=True).first()
    if version is None:
        return None
    size = indexed_persons().count()
    with _lock:
        if _cache is not None and _cache.is_current(version, size):
            return _cache.resolver
    model = active_match_model()
    if model is None:
        return None
    resolver = Resolver(model, index_records())
    with _lock:
        _cache = _Cached(model.version, len(resolver), resolver)
    return resolver


@contextmanager
def index_batch() -> Iterator[None]:
    """A transaction (a savepoint inside one) of many lookups that may create people, as an import
    runs them: the resolver is checked against the database once, and each person created joins
    it at once, so that a later lookup in the same transaction finds them (the same couple twice
    in one file). If the block rolls back, the process's resolver is dropped and rebuilt at next use."""
    _batch.depth += 1
    try:
        with transaction.atomic():
            yield
    except BaseException:
        index_forget()
        raise
    finally:
        _batch.depth -= 1
        if not _batch.depth:
            _batch.drop_resolver()


def index_note(person: Person, *, created: bool, record: dict | None = None) -> None:
    """Put a person this process created or changed into its resolver: at once inside
    index_batch(), otherwise once the write is committed. record: the person as index_records
    would read them, when the caller has it (saves two queries)."""
    held = _batch.resolver if _batch.depth else None
    if held is not None:
        record = record or person_record(person)
        with _lock:
            held.add(record)
    with _lock:
        if _cache is not None:
            _cache.pending += created
    transaction.on_commit(lambda: _index_add(person, record, created=created, added_to=held))


def _index_add(person: Person, record: dict | None, *, created: bool, added_to: Resolver | None) -> None:
    if _cache is None:
        return
    record = record or person_record(person)
    with _lock:
        if _cache is None:
            return
        if _cache.resolver is not added_to:
            _cache.resolver.add(record)
        _cache.size += created
        _cache.pending = max(0, _cache.pending - created)


def index_forget() -> None:
    """Drop this process's resolver (a batch rolled back; tests). A changed model is noticed without this."""
    global _cache
    with _lock:
        _cache = None
    _batch.drop_resolver()


@dataclass(frozen=True)
class Ranked:
    decision: str            # link | review | new
    reason: str
    candidates: list[tuple[Person, Candidate]]   # best first, each person once


def rank(record: dict, *, resolver: Resolver, shown: QuerySet[Person] | None = None) -> Ranked:
    """The resolver's answer with its candidates as persons (a merged record counts as its survivor);
    only those in `shown` (the reader's visible people) are offered."""
    resolution = resolver.resolve(record)
    worth_a_look = plausible_candidates(resolution, resolver=resolver)
    persons = Person.objects.select_related("merged_into").order_by().in_bulk([c.record_id for c in worth_a_look])
    offered = None if shown is None else set(shown.filter(pk__in=[p.merged_into_id or p.pk for p in persons.values()])
                                             .values_list("pk", flat=True))
    candidates, seen = [], set()
    for candidate in worth_a_look:
        person = persons.get(person_id(candidate.record_id))
        person = person and (person.merged_into or person)
        if person is not None and person.pk not in seen and (offered is None or person.pk in offered):
            seen.add(person.pk)
            candidates.append((person, candidate))
    return Ranked(_decision_for(resolution, candidates), resolution.reason, candidates)


def _decision_for(resolution, candidates: list) -> str:
    """The resolver's decision, unless the index changed under it (a candidate since deleted)."""
    if resolution.decision == "link" and not (candidates and candidates[0][1] is resolution.best):
        return "review" if candidates else "new"
    if resolution.decision == "review" and not candidates:
        return "new"
    return resolution.decision


def plausible_candidates(resolution: Resolution, *, resolver: Resolver) -> list[Candidate]:
    """The candidates worth a person's look (a link's is the first), best first."""
    return [c for c in resolution.candidates if c.match_probability >= resolver.thresholds.review_probability]


def person_id(record_id: str):
    """The person an index record is (records carry ids as text)."""
    return Person._meta.pk.to_python(record_id)


def evidence_json(candidate: Candidate) -> list[dict]:
    return [asdict(evidence) for evidence in candidate.evidence]


@dataclass(frozen=True)
class ScoredPair:
    person_id: object
    candidate_id: object
    match_probability: float
    decision: str            # link (no doubt) or review
    evidence: list[dict]


def index_duplicates(model: MatchModel) -> list[ScoredPair]:
    """Pairs of people in the index who may be one person (Splink, batch), with the evidence."""
    records = index_records()
    by_id = {record["id"]: record for record in records}
    scorer = Scorer(model)
    return [
        ScoredPair(person_id(pair.left_id), person_id(pair.right_id), pair.match_probability, pair.decision,
                   _pair_evidence(scorer, by_id[pair.left_id], by_id[pair.right_id]))
        for pair in dedupe_records(model, records).pairs
    ]


def _pair_evidence(scorer: Scorer, left: dict, right: dict) -> list[dict]:
    left, right = (prepare_record(r, validate_nhs=scorer.model.validate_nhs) for r in (left, right))
    return [asdict(evidence) for evidence in scorer.evidence(left, right, scorer.score(left, right).levels)]
