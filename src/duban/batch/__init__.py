"""Batch mode: the same read + extract over a corpus (directories, JSONL, Parquet, WARC) into Parquet.

    from duban.batch import run
    summary = run(["crawl/", "pages.jsonl", "segment.warc.gz"], "out/", engine="dask", workers=4)

See `runner` for the output layout and engines, `sources` for the inputs, `process` for the rows.
"""

from duban.batch.process import DOCUMENTS_SCHEMA, ITEMS_SCHEMA, SECTIONS_SCHEMA, Options
from duban.batch.runner import BatchError, Summary, run

__all__ = ["DOCUMENTS_SCHEMA", "ITEMS_SCHEMA", "SECTIONS_SCHEMA", "BatchError", "Options", "Summary", "run"]
