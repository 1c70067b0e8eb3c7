"""Tracked quantities in the database, and what people do with them.

The definitions live in ``store.quantity_defs`` (every create, rename or retire is a new row; the
latest per quantity holds). ``data/quantities.toml`` (or ``$TRACKER_QUANTITIES``) seeds a
database that has none, at its first assignment, and is the import/export format. A database
without definitions reads as the file until then, so read-only callers see the same quantities.

The functions taking ``db`` open the store read-write only for the moment they write and
reassign every claim at once; the CLI (``tracker track``, ``tracker quantities --import``) and
the dashboard (its Track, rename and retire buttons, moving a claim) call the same ones.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from datetime import UTC, datetime
from os import PathLike
from typing import Any

import duckdb

from tracker.aggregate.quantities import (
    MEANING_KEYS,
    Quantity,
    QuantityConfig,
    assign_all,
    fold,
    load_quantities,
    parse_quantities,
)
from tracker.aggregate.summary import MOVED
from tracker.errors import InputError
from tracker.store import latest_quantity_defs, open_store, write_quantity_defs, write_reviews


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    """A quantity as its ``[[quantity]]`` entry (the JSON stored in store.quantity_defs)."""
    entry: dict[str, Any] = {"id": q.id, "label": q.label, "unit": q.unit}
    if q.description:
        entry["description"] = q.description
    for name in (*MEANING_KEYS, "place", "exclude", "units", "none_of", "near_none_of"):
        if getattr(q, name):
            entry[name] = list(getattr(q, name))
    for name in ("keywords", "all_of", "near_all_of"):
        if getattr(q, name):
            entry[name] = [list(group) for group in getattr(q, name)]
    return entry


def _parse_one(entry: dict[str, Any]) -> Quantity:
    return parse_quantities({"quantity": [entry]}).quantities[0]


def database_config(con: duckdb.DuckDBPyConnection,
                    file_config: QuantityConfig | None = None) -> QuantityConfig:
    """The tracked quantities: the active definitions of the database in the order they were
    first defined, with the file's source aliases; the file's quantities while the database has
    no definition at all."""
    file_config = file_config if file_config is not None else load_quantities()
    rows = latest_quantity_defs(con)
    if not rows:
        return file_config
    entries = [json.loads(r["definition"]) | {"id": r["quantity"], "label": r["label"]}
               for r in rows if r["status"] == "active"]
    parsed = parse_quantities({"quantity": entries})
    return QuantityConfig(parsed.quantities, file_config.sources, file_config.path,
                          file_config.ignore_terms)


def _def_row(q: Quantity, status: str, origin: str) -> dict[str, Any]:
    return {"quantity": q.id, "label": q.label, "status": status, "origin": origin,
            "definition": json.dumps(quantity_to_dict(q), ensure_ascii=False, sort_keys=True),
            "defined_at": datetime.now(UTC).replace(tzinfo=None)}


def import_quantities(con: duckdb.DuckDBPyConnection, config: QuantityConfig,
                      origin: str = "toml") -> int:
    """Store the file's quantities that are new or differ from the database's (a retired one
    becomes active again); others stay as they are. Returns how many rows were written."""
    current = {r["quantity"]: r for r in latest_quantity_defs(con)}
    rows = []
    for q in config.quantities:
        row = _def_row(q, "active", origin)
        held = current.get(q.id)
        if held and held["status"] == "active" and held["definition"] == row["definition"]:
            continue
        rows.append(row)
    return write_quantity_defs(con, rows)


def seed_from_file(con: duckdb.DuckDBPyConnection) -> int:
    """A database without any definition takes the quantities file's (``data/quantities.toml``,
    or ``$TRACKER_QUANTITIES``). Returns how many were stored."""
    if latest_quantity_defs(con):
        return 0
    return import_quantities(con, load_quantities(), origin="toml")


def export_toml(config: QuantityConfig) -> str:
    """The quantities as a quantities file (``tracker quantities --export``)."""
    lines = ["# Tracked quantities exported by `tracker quantities --export`; import with",
             "# `tracker quantities --import FILE`. Format: data/quantities.toml.", ""]
    for q in config.quantities:
        lines.append("[[quantity]]")
        lines += [f"{key} = {_toml_value(value)}" for key, value in quantity_to_dict(q).items()]
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def new_quantity_id(label: str, taken: set[str]) -> str:
    """A lower-case identifier from ``label`` ("North Korea · soldier · killed" ->
    "north_korea_soldier_killed"), made unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:48].strip("_") or "quantity"
    if not base[0].isalpha():
        base = f"q_{base}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


# --- what a person does: each opens the store for the write and reassigns at once -----------


def track(db: str | PathLike[str] | None, suggestion_id: str, quantity_id: str | None = None,
          label: str | None = None, origin: str = "cli") -> Quantity:
    """Make the suggested group ``suggestion_id`` (``tracker suggest``) a tracked quantity and
    reassign every claim. Returns the new quantity."""
    from tracker.aggregate.suggest import discover, load_untracked

    with open_store(db) as store:
        seed_from_file(store.con)
        groups = {g.id: g for g in discover(load_untracked(store.con), min_claims=1)}
        group = groups.get(suggestion_id)
        if group is None:
            raise InputError(f"suggestion {suggestion_id}",
                             "no such group of untracked claims (run `tracker suggest`)")
        taken = {r["quantity"] for r in latest_quantity_defs(store.con)}
        qid = quantity_id or new_quantity_id(label or group.label, taken)
        if qid in taken:
            raise InputError(f"quantity {qid}", "already defined; choose another --id")
        quantity = _parse_one(group.definition(qid, label))
        write_quantity_defs(store.con, [_def_row(quantity, "active", origin)])
        assign_all(store.con)
    return quantity


def rename(db: str | PathLike[str] | None, quantity_id: str, label: str,
           origin: str = "dashboard") -> None:
    """Give a tracked quantity a new label (a new definition row)."""
    _change(db, quantity_id, origin, label=label.strip())


def retire(db: str | PathLike[str] | None, quantity_id: str, origin: str = "dashboard") -> None:
    """Stop tracking a quantity (its claims become untracked) and reassign."""
    _change(db, quantity_id, origin, status="retired")


def _change(db: str | PathLike[str] | None, quantity_id: str, origin: str, *,
            label: str | None = None, status: str = "active") -> None:
    if label is not None and not label:
        raise InputError(f"quantity {quantity_id}", "a label cannot be empty")
    with open_store(db) as store:
        seed_from_file(store.con)
        current = database_config(store.con).get(quantity_id)
        if current is None:
            raise InputError(f"quantity {quantity_id}", "not an active tracked quantity")
        entry = quantity_to_dict(current) | ({"label": label} if label else {})
        write_quantity_defs(store.con, [_def_row(_parse_one(entry), status, origin)])
        assign_all(store.con)


def import_file(db: str | PathLike[str] | None, path: str | PathLike[str]) -> int:
    """``tracker quantities --import FILE``: store the file's quantities and reassign."""
    config = load_quantities(path)
    with open_store(db) as store:
        written = import_quantities(store.con, config, origin="toml")
        assign_all(store.con)
    return written


def move_claim(db: str | PathLike[str] | None, claim_id: str, quantity_id: str | None,
               note: str | None = None) -> str:
    """A reviewer moves one claim to another quantity (``quantity_id``) or to none (None): a
    review row with verdict 'moved'. Returns the review's id."""
    from tracker.aggregate.summary import add_reviewed_claim

    with open_store(db) as store:
        con = store.con
        if not con.execute("SELECT 1 FROM store.claims WHERE claim_id = ?",
                           [claim_id]).fetchall():
            raise InputError(f"move of {claim_id}", "no such claim")
        if quantity_id and database_config(con).get(quantity_id) is None:
            raise InputError(f"move of {claim_id}", f"{quantity_id!r} is not a tracked quantity")
        review_id = f"{time.time_ns():x}{uuid.uuid4().hex[:4]}"
        write_reviews(con, [{"review_id": review_id, "claim_id": claim_id, "verdict": MOVED,
                             "quantity": quantity_id or None, "note": note or None,
                             "reviewed_at": datetime.now(UTC).replace(tzinfo=None)}])
        add_reviewed_claim(con, claim_id)
    return review_id
