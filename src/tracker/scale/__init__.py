"""Scale: Dask scale-out of ingest, Parquet partitions of results, bulk load into DuckDB."""
