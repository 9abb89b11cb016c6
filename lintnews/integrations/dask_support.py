"""Linting a Dask bag or dataframe of texts on a cluster: `pip install 'lintnews[dask]'`.

    from dask.distributed import Client
    import dask.dataframe as dd
    from lintnews.integrations.dask_support import lint_dataframe

    client = Client("tcp://scheduler.example.org:8786")
    articles = dd.read_parquet("s3://newsroom/articles/")
    findings = lint_dataframe(articles, text_column="body", id_column="url")
    findings.to_parquet("s3://newsroom/findings/")

Each partition is linted where it lives by the pure `lintnews.lint_text`; the
result is a Dask dataframe with one row per finding (`FINDING_COLUMNS`),
keyed by the record's id. Rules compile once per worker process, not per
record. Dask is imported only here, so plain lintnews never needs it.
"""
from __future__ import annotations

from lintnews import lint_text
from lintnews.config import Config

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any, Iterable

#: The columns of a findings dataframe, and their pandas dtypes.
FINDING_COLUMNS = {
    "id": "object",
    "rule": "object",
    "name": "object",
    "category": "object",
    "severity": "object",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "offset": "int64",
    "end_offset": "int64",
    "excerpt": "object",
    "message": "object",
    "replacement": "object",
}


def _meta():
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in FINDING_COLUMNS.items()})


def finding_rows(records: Iterable[tuple[Any, str]], config: Config | None = None,
                 fmt: str | None = None) -> list[dict]:
    """One row per finding of each (id, text) record; texts that are not strings are skipped."""
    rows = []
    for record_id, text in records:
        if not isinstance(text, str):
            continue
        for f in lint_text(text, config, fmt=fmt):
            rows.append({
                "id": record_id, "rule": f.rule, "name": f.name, "category": f.category,
                "severity": str(f.severity), "line": f.line, "column": f.column,
                "end_line": f.end_line, "end_column": f.end_column, "offset": f.offset,
                "end_offset": f.end_offset, "excerpt": f.excerpt, "message": f.message,
                "replacement": next((x.edits[0].replacement for x in f.fixes
                                     if x.applicable and len(x.edits) == 1), None),
            })
    return rows


def _frame(rows: list[dict]):
    import pandas as pd

    if not rows:
        return _meta()
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS)).astype(FINDING_COLUMNS)


def _lint_partition(part, text_column: str, id_column: str | None, config, fmt):
    ids = part.index if id_column is None else part[id_column]
    return _frame(finding_rows(zip(ids, part[text_column]), config, fmt))


def lint_dataframe(df, text_column: str = "text", id_column: str | None = None,
                   config: Config | None = None, fmt: str | None = "plain"):
    """Findings of every text in `df[text_column]`, ids from `id_column` (the index if None)."""
    return df.map_partitions(_lint_partition, text_column, id_column, config, fmt,
                             meta=_meta(), align_dataframes=False)


def _records(item: Any, text_field: str, id_field: str) -> tuple[Any, Any]:
    if isinstance(item, str):
        return None, item
    if isinstance(item, dict):
        return item.get(id_field), item.get(text_field)
    record_id, text = item
    return record_id, text


def _lint_bag_partition(items, text_field: str, id_field: str, config, fmt):
    return finding_rows((_records(i, text_field, id_field) for i in items), config, fmt)


def lint_bag(bag, text_field: str = "text", id_field: str = "id",
             config: Config | None = None, fmt: str | None = "plain"):
    """Findings of every item of a bag: texts, (id, text) pairs or dicts with the two fields."""
    rows = bag.map_partitions(_lint_bag_partition, text_field, id_field, config, fmt)
    return rows.to_dataframe(meta=_meta())


__all__ = ["lint_dataframe", "lint_bag", "finding_rows", "FINDING_COLUMNS"]
