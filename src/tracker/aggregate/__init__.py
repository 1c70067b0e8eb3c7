"""Tracked quantities, assignment, consensus, spread and relays: pure polars over store rows.

- ``quantities``: the quantities file, claim assignment (``assign_all``), counts.
- ``estimates``: source names, comparable values, relays, latest estimate and history.
- ``consensus``: consensus rules, spread, outliers, staleness.
- ``suggest``: groups of claims no quantity takes.
- ``review``: corrections as new rows.
- ``summary``: the per-quantity summary tables ``assign_all`` writes for the dashboard.
"""
