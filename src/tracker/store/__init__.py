"""DuckDB store: storage tables in schema ``store``, documented views in ``main``."""
