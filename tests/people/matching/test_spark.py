"""The same model on Splink's Spark backend gives the same links as on DuckDB."""

import logging
import shutil

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

from splink.backends.spark import similarity_jar_location  # noqa: E402

from frontdoor.people.matching.generator import generate_population  # noqa: E402
from frontdoor.people.matching.linkfile import match_records  # noqa: E402


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    from pyspark.sql import SparkSession

    # py4j logs its shutdown after pytest has closed the streams.
    logging.getLogger("py4j").setLevel(logging.WARNING)
    session = (
        SparkSession.builder.master("local[1]")
        .appName("frontdoor-matching-test")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    session.sparkContext.setCheckpointDir(str(tmp_path_factory.mktemp("spark-checkpoints")))
    yield session
    session.stop()


def test_spark_backend_links_the_same_records_as_duckdb(model, spark):
    from splink import SparkAPI

    small = generate_population(persons=300, queries=120, difficulty="hard", seed=11)
    on_duckdb = match_records(model, small.index, small.queries)
    on_spark = match_records(model, small.index, small.queries,
                             db_api=SparkAPI(spark_session=spark))

    def answers(matches):
        return sorted((m.query_id, m.index_id or "", m.decision) for m in matches)

    assert answers(on_spark) == answers(on_duckdb)
    assert sum(m.decision == "link" for m in on_duckdb) > 50
