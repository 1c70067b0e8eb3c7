"""The dashboard's caches (Streamlit) and the one way to drop them after a write (``flash``).

Loads are cached per database version (``data.db_signature``: path, size, mtime), so a refresh
after ``tracker ingest`` shows the new claims; views and chart specs are built once per view.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import streamlit as st

from tracker.aggregate.compare import Filters, QuantityView, build_view
from tracker.aggregate.quantities import QuantityConfig, load_quantities
from tracker.dashboard import data


@st.cache_resource(show_spinner=False, max_entries=8)
def store(db: str, signature: tuple) -> data.StoreFacts:
    """Config, overview and claims relation of one database version, in one session; after a
    review made on this page (``review``), the earlier version's, its overview recounted from
    the patched claims of the quantities the review touched."""
    facts = None
    review = _REVIEWED.get((db, signature))
    with _LAST_READ_LOCK:
        earlier = _LAST_FACTS.get(db)
    if review is not None and earlier is not None:
        facts = _patched_facts(db, earlier, review)
    if facts is None:
        facts = data.load_store(Path(db))
    with _LAST_READ_LOCK:
        _LAST_FACTS[db] = facts
    return facts


def _patched_facts(db: str, earlier: data.StoreFacts, review: data.ReviewRead
                   ) -> data.StoreFacts | None:
    if not review.usable or earlier.state != review.state_before:
        return None
    counted = {}
    for quantity in review.quantities():
        with _LAST_READ_LOCK:
            read = _LAST_READ.get((db, quantity))
        patched = data.patch_claim(read, quantity, review) if read is not None else None
        if patched is None:
            return None  # a quantity this page has not read: count it all again
        with _LAST_READ_LOCK:
            _LAST_READ[(db, quantity)] = patched
        counted[quantity] = patched.claims
    return data.StoreFacts(earlier.config, data.patch_overview(earlier.overview, counted),
                           earlier.relation, review.state_after)


def overview(db: str, signature: tuple) -> pl.DataFrame:
    return store(db, signature).overview


def relation(db: str, signature: tuple) -> str:
    """Where this database version's claims are read from (``claims_relation``)."""
    return store(db, signature).relation


@st.cache_data(show_spinner=False, max_entries=4)
def suggestions(db: str, signature: tuple) -> list:
    return data.load_suggestions(Path(db))


# The last read of each (database, quantity), kept across ``flash`` (a write drops the caches):
# after a review only the reviewed claims are read again (``data.patch_reviewed``).
_LAST_READ: dict[tuple[str, str], data.QuantityRead] = {}
_LAST_READ_LOCK = threading.Lock()


# The last view of each (database, quantities file, quantity, filters), kept across ``flash``
# too: after a review its relay marks are reused where the reviewed claims cannot reach them
# (``build_view(earlier=...)``; the view is the same as one built anew).
_LAST_VIEW: dict[tuple, KeptView] = {}
MAX_KEPT_VIEWS = 4

# The last store facts of each database, and the reviews made on this server with their reads
# (``data.ReviewRead``) by (database, version after): a review's new version is patched from
# what was kept at the version before instead of read again.
_LAST_FACTS: dict[str, data.StoreFacts] = {}
_REVIEWED: dict[tuple[str, tuple], data.ReviewRead] = {}
MAX_KEPT_REVIEWS = 8


def forget_reads() -> None:
    """Drop the kept reads and views too (a benchmark's "empty caches": what a new file
    costs)."""
    with _LAST_READ_LOCK:
        _LAST_READ.clear()
        _LAST_VIEW.clear()
        _LAST_FACTS.clear()
        _REVIEWED.clear()


# cache_resource: up to 200,000 rows, never modified (filters make new frames).
@st.cache_resource(show_spinner=False, max_entries=8)
def quantity_claims(db: str, signature: tuple, quantity: str) -> pl.DataFrame:
    """One quantity's claims without filters and texts, read once per database version: the
    filter options, the undated count and every filtered view come from it (a filter change
    reads nothing), unless it was cut at ``MAX_ROWS`` (``data.is_complete``). After a review
    (a new version in which only reviews were added) the earlier read is patched."""
    known = relation(db, signature)
    with _LAST_READ_LOCK:
        earlier = _LAST_READ.get((db, quantity))
    review = _REVIEWED.get((db, signature))
    read = None
    if earlier is not None and review is not None:  # a review made here: its row only
        read = data.patch_claim(earlier, quantity, review)
    if read is None and earlier is not None:
        read = data.patch_reviewed(Path(db), quantity, earlier, known)
    if read is None:
        read = data.read_quantity(Path(db), quantity, known)
    with _LAST_READ_LOCK:
        _LAST_READ[(db, quantity)] = read
    return read.claims


@st.cache_data(show_spinner=False, max_entries=32)
def options(db: str, signature: tuple, quantity: str) -> dict:
    claims = quantity_claims(db, signature, quantity)
    if data.is_complete(claims):
        return data.filter_options(claims)
    return data.load_filter_options(Path(db), quantity)


@st.cache_data(show_spinner=False, max_entries=4)
def claimants(db: str, signature: tuple) -> pl.DataFrame:
    return data.load_claimants(Path(db))


@st.cache_data(show_spinner=False, max_entries=4)
def entities(db: str, signature: tuple) -> dict:
    return data.load_entities(Path(db))


@st.cache_data(show_spinner=False, max_entries=32)
def undated_left_out(db: str, signature: tuple, quantity: str, filters: Filters) -> int:
    claims = quantity_claims(db, signature, quantity)
    if data.is_complete(claims):
        return data.undated_left_out(claims, filters)
    return data.count_undated_left_out(Path(db), quantity, filters)


@dataclass(frozen=True)
class ViewKey:
    """Everything one view depends on: the database version, the quantities file, the quantity,
    the SQL-side filters, the rule, the rows, the sources picked (known only after the
    aggregation has named them) and the number format. Hashable, so it keys the caches."""

    db: str
    signature: tuple
    quantities_file: str
    quantity: str
    filters: Filters
    rule: str
    by: str
    sources: tuple[str, ...] = ()
    locale: str = "en"


# cache_resource, not cache_data: the view holds frames of up to 200,000 rows, and cache_data
# would unpickle a copy on every rerun. Views are never modified after they are built.
@dataclass(frozen=True)
class KeptView:
    """A view kept across versions (``_LAST_VIEW``): what it was built with, and the state of
    the quantity's read it was built from (``data.QuantityRead.state``)."""

    view: QuantityView
    built_with: tuple  # rule, rows, sources, number format
    state: tuple | None
    aliases: dict  # the source names' alias tables it was built with


@st.cache_resource(show_spinner=False, max_entries=16)
def view(key: ViewKey) -> QuantityView:
    claims = quantity_claims(key.db, key.signature, key.quantity)
    with _LAST_READ_LOCK:
        read = _LAST_READ.get((key.db, key.quantity))
    state = read.state if read is not None and read.claims is claims else None
    if not data.is_complete(claims):  # cut at MAX_ROWS: the filters must run in SQL
        claims = data.load_quantity_claims(Path(key.db), key.quantity, key.filters, texts=False,
                                           relation=relation(key.db, key.signature))
    else:
        claims = data.filter_claims(claims, key.filters)
    aliases = load_quantities(key.quantities_file or None).sources
    kept = (key.db, key.quantities_file, key.quantity, key.filters)
    built_with = (key.rule, key.by, key.sources, key.locale)
    with _LAST_READ_LOCK:
        earlier = _LAST_VIEW.get(kept)
    review = _REVIEWED.get((key.db, key.signature))
    built, changed = None, None
    if (earlier is not None and review is not None and state is not None
            and earlier.state == review.state_before and state == review.state_after
            and earlier.aliases == aliases):
        # the view of the version before this review: only the reviewed claim differs
        if key.quantity not in review.quantities() and earlier.built_with == built_with:
            built = earlier.view  # the review did not touch this quantity: the same view
        changed = {review.claim_id}
    if built is None:
        built = build_view(claims, aliases, rule=key.rule, by=key.by, sources=key.sources,
                           locale=key.locale,
                           earlier=earlier.view if earlier is not None else None,
                           changed=changed)
    with _LAST_READ_LOCK:
        _LAST_VIEW.pop(kept, None)
        _LAST_VIEW[kept] = KeptView(built, built_with, state, aliases)
        while len(_LAST_VIEW) > MAX_KEPT_VIEWS:
            del _LAST_VIEW[next(iter(_LAST_VIEW))]
    return built


@st.cache_data(show_spinner=False, max_entries=64)
def claim_texts(db: str, signature: tuple, claim_ids: tuple[str, ...]) -> pl.DataFrame:
    """The text columns of the rows one table page shows."""
    return data.load_claim_texts(Path(db), list(claim_ids), relation(db, signature))


def config(db: str, signature: tuple | None) -> QuantityConfig:
    """The tracked quantities (``data.load_config``), once per database version, not once per
    rerun."""
    if signature is None:  # no database yet: the file's
        return no_database_config(db)
    return store(db, signature).config


@st.cache_resource(show_spinner=False, max_entries=8)
def no_database_config(db: str) -> QuantityConfig:
    return data.load_config(Path(db))


@st.cache_data(show_spinner=False, max_entries=32)
def claim_detail(db: str, signature: tuple, claim_id: str) -> tuple[dict | None, pl.DataFrame]:
    """A claim and its reviews for the detail panel (a write changes the signature); after a
    review of it made here, as read in the review's session."""
    review = _REVIEWED.get((db, signature))
    if review is not None and review.claim_id == claim_id and review.row.height:
        return review.detail
    return data.load_claim_detail(Path(db), claim_id, relation(db, signature))


def review(db: Path, claim_id: str, write: Callable[[data.ReviewRead], object]) -> None:
    """Write one review of ``claim_id`` (``write`` passes the watch to ``actions``) and keep
    its reads, so that the next page (the file's new version) patches what it kept."""
    signature = data.db_signature(db)
    reads = data.ReviewRead(claim_id, relation(str(db), signature) if signature else "claims")
    write(reads)
    signature = data.db_signature(db)
    if signature is None or not reads.usable:
        return
    with _LAST_READ_LOCK:
        _REVIEWED[(str(db), signature)] = reads
        while len(_REVIEWED) > MAX_KEPT_REVIEWS:
            del _REVIEWED[next(iter(_REVIEWED))]


def flash(message: str) -> None:
    """After a write: drop cached loads and draw the page again, then show ``message``."""
    st.cache_data.clear()
    st.cache_resource.clear()
    st.session_state["flash"] = message
    st.rerun()


def show_flash() -> None:
    """The message of the last write, in a container that is always there (empty without a
    message): the elements below keep their place in the page, so the browser updates the
    charts it has instead of drawing them anew."""
    slot = st.container()
    message = st.session_state.pop("flash", None)
    if message:
        slot.success(message)
