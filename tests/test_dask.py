"""lintnews[dask]: a bag or dataframe of texts in, a dataframe of findings out, on a real cluster."""
from __future__ import annotations

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

from lintnews import Config
from lintnews.integrations.dask_support import FINDING_COLUMNS, finding_rows, lint_bag, lint_dataframe

TEXTS = {
    "a": "Officials in kyiv said on Monday.",
    "b": "Officials in Kyiv said nothing new.",
    "c": "Kiev’s mayor spoke.",
    "d": "Residents of kyiv and Kiev listened.",
}


@pytest.fixture(scope="module")
def client():
    # Two worker processes, as on a real cluster: the functions and the
    # Config travel to them by pickle.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, worker_dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


def _summary(frame: pd.DataFrame) -> list[tuple]:
    frame = frame.sort_values(["id", "offset"])
    return list(frame[["id", "rule", "excerpt", "offset", "replacement"]].itertuples(index=False, name=None))


EXPECTED = [
    ("a", "LN201", "kyiv", 13, "Kyiv"),
    ("c", "LN202", "Kiev", 0, "Kyiv"),
    ("d", "LN201", "kyiv", 13, "Kyiv"),
    ("d", "LN202", "Kiev", 22, "Kyiv"),
]


@pytest.mark.slow  # a two-worker cluster starts for these
def test_a_dataframe_of_texts_gives_a_dataframe_of_findings(client):
    pdf = pd.DataFrame({"url": list(TEXTS), "body": list(TEXTS.values())})
    findings = lint_dataframe(dd.from_pandas(pdf, npartitions=2), text_column="body", id_column="url")
    assert list(findings.columns) == list(FINDING_COLUMNS)
    result = client.compute(findings).result()
    assert _summary(result) == EXPECTED
    assert len(client.scheduler_info()["workers"]) == 2


@pytest.mark.slow
def test_a_bag_of_records_with_a_configuration(client):
    bag = db.from_sequence([{"id": k, "text": v} for k, v in TEXTS.items()], npartitions=2)
    result = client.compute(lint_bag(bag, config=Config(ignore=("LN202",)))).result()
    assert _summary(result) == [row for row in EXPECTED if row[1] == "LN201"]


def test_rows_without_dask():
    assert finding_rows([(1, "Clean text."), (2, None)]) == []
    row, = finding_rows([(7, "In kyiv.")])
    assert (row["id"], row["rule"], row["line"], row["column"], row["end_column"]) == (7, "LN201", 1, 4, 8)
