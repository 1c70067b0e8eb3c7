"""From claim rows to estimates: source names, comparable values, relays, latest and history.

Pure polars functions, frames in and frames out. The input is one quantity's rows of the
``claims`` view (claim_id, outlet, published, source, low, high, kind, hedged, sentence, ...).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import polars as pl

from tracker.aggregate.outliers import corroborated, flag_outliers, reference_of
from tracker.aggregate.quantities import fold, terms_regex

RELAY_WINDOW_DAYS = 3
UNATTRIBUTED = "(own figure)"
# Claim states (Claim.state, tracker.extract.meaning) of figures that are not an estimate of the
# total: a change ("risen by 2,000"), a plan or forecast, a part or a rate ("in one week alone").
NOT_TOTAL_STATES = ("added", "expected", "part", "per_period")


def canonical_source(source: str | None, aliases: dict[str, tuple[str, ...]]) -> str | None:
    """The canonical name of the first alias entry that matches ``source``, else ``source``."""
    if source is None or not source.strip():
        return None
    folded = fold(source)
    for name, terms in aliases.items():
        if _alias_pattern(terms).search(folded):
            return name
    return source.strip()


@functools.lru_cache(maxsize=1024)
def _alias_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Compiled once per alias list: compiling them per source was a third of a rerun's time."""
    return re.compile(terms_regex(terms))


def normalise_sources(df: pl.DataFrame, aliases: dict[str, tuple[str, ...]]) -> pl.DataFrame:
    """Add ``source_name`` (canonical), ``source_key`` (the independent voice) and
    ``source_names`` (the names it was written as, for tooltips).

    A claim with a ``claimant`` is that claimant's, named by ``claimant_label`` (else its key):
    every name and relay of one claimant is one voice. A claim with only a source as written is
    named by the alias tables; a claim without a source is the outlet's own figure.
    """
    names = {s: canonical_source(s, aliases) for s in df["source"].drop_nulls().unique()}
    mapping = pl.DataFrame(
        {"source": list(names), "source_name": list(names.values())},
        schema={"source": pl.String, "source_name": pl.String},
    )
    out = df.drop("source_name", "source_names", strict=False).join(
        mapping, on="source", how="left")
    if "claimant" in out.columns:
        label = pl.col("claimant_label") if "claimant_label" in out.columns else pl.lit(None)
        out = out.with_columns(source_name=pl.when(pl.col("claimant").is_not_null())
                               .then(pl.coalesce(label, pl.col("claimant")))
                               .otherwise(pl.col("source_name")))
    own = pl.concat_str([pl.col("outlet").fill_null("unknown outlet"), pl.lit(" " + UNATTRIBUTED)])
    out = out.with_columns(source_key=pl.coalesce(pl.col("source_name"), own))
    seen = out.group_by("source_key").agg(
        source_names=pl.col("source").drop_nulls().unique().sort().str.join("; "))
    return out.join(seen, on="source_key", how="left", maintain_order="left")


def add_values(df: pl.DataFrame) -> pl.DataFrame:
    """Add ``best`` and ``open_bound``: an open bound's value is the bound itself, marked.

    ``open_bound`` is "lower" for "at least X" (high unknown), "upper" for "at most X".
    """
    low, high = pl.col("low"), pl.col("high")
    return df.with_columns(
        best=pl.when(low.is_not_null() & high.is_not_null())
        .then((low + high) / 2)
        .otherwise(pl.coalesce(low, high)),
        open_bound=pl.when(low.is_not_null() & high.is_null())
        .then(pl.lit("lower"))
        .when(low.is_null() & high.is_not_null())
        .then(pl.lit("upper"))
        .otherwise(pl.lit(None, dtype=pl.String)),
    ).with_columns(
        low_value=pl.coalesce(low, pl.col("best")),
        high_value=pl.coalesce(high, pl.col("best")),
    )


def sentence_key(sentence: pl.Expr) -> pl.Expr:
    """A sentence reduced to its words of 4+ letters, lower-cased, in order.

    Copies of one wire sentence then compare equal despite other punctuation or small words
    ("said on Monday" / "said Monday"). No accent folding: copies keep their accents, and
    folding 200,000 sentences would cost more than the rest of the relay search.
    """
    return (
        sentence.fill_null("")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.replace_all(r"(^| )[\p{L}\p{N}]{1,3}( [\p{L}\p{N}]{1,3})*( |$)", " ")
        .str.strip_chars()
    )


def mark_relays(df: pl.DataFrame, window_days: int = RELAY_WINDOW_DAYS) -> pl.DataFrame:
    """Group relayed copies of one estimate: add ``estimate_id``, ``is_relay``, ``relays``.

    Two claims are the same estimate when they have the same source and value and were published
    within ``window_days`` of each other, or when their sentences are near-identical (the same
    words of 4+ letters, see ``sentence_key``) with the same value. The earliest claim of a
    group is the estimate; the others are its relays.
    """
    if df.is_empty():
        return df.drop("sentence_key", strict=False).with_columns(
            estimate_id=pl.col("claim_id"), is_relay=pl.lit(False), relays=pl.lit(0, pl.UInt32)
        )
    ordered = df.sort(["published", "claim_id"], nulls_last=True).with_row_index("_row")
    # a loader may hand over the key precomputed (tracker.aggregate.summary): same values
    key = pl.col("sentence_key") if "sentence_key" in df.columns else sentence_key(
        pl.col("sentence"))
    ordered = ordered.with_columns(
        _sentence=key.fill_null(""), _source_run=_source_value_runs(window_days)
    ).drop("sentence_key", strict=False).with_columns(
        # an empty sentence says nothing about being a copy: give it a key of its own
        _sentence=pl.when(pl.col("_sentence") == "")
        .then(pl.lit("#") + pl.col("_row").cast(pl.String))
        .otherwise(pl.col("_sentence")),
    )
    label = _propagate_labels(ordered)
    first = pl.col("claim_id").sort_by("_row").first().over(label)
    return (
        ordered.with_columns(estimate_id=first)
        .with_columns(
            is_relay=pl.col("claim_id") != pl.col("estimate_id"),
            relays=(pl.len().over("estimate_id") - 1).cast(pl.UInt32),
        )
        .drop("_row", "_sentence", "_source_run")
    )


RELAY_MARKS = ("estimate_id", "is_relay", "relays")  # the columns ``mark_relays`` adds
REMARK_SHARE = 0.25  # more claims than this share to mark again: mark them all again


@dataclass(frozen=True)
class RelayMarks:
    """One ``mark_relays`` call: its input, its output and the marks in the input's row order,
    kept so that the next call on nearly the same claims (after a review) marks only the claims
    a change can reach (``remark_relays``)."""

    given: pl.DataFrame
    marked: pl.DataFrame
    aligned: pl.DataFrame  # ``RELAY_MARKS`` of ``given``'s rows, in its order
    window_days: int = RELAY_WINDOW_DAYS


def remark_relays(df: pl.DataFrame, earlier: RelayMarks | None,
                  window_days: int = RELAY_WINDOW_DAYS) -> RelayMarks:
    """``mark_relays(df)``, reusing ``earlier`` where the claims a relay depends on (id, date,
    source, values, sentence key) are unchanged: the same frame, in a fraction of the time when
    a review changed a few claims.

    Relays are the connected components of two "same estimate" rules, each a grouping by key
    (source and values; sentence key and values). A change can only reach the components of
    the groups of the changed claims' old and new keys: those claims are marked again, the
    others keep their earlier marks. Without a precomputed ``sentence_key`` (the key of a
    sentence is not its text), with other columns or with many changes, all are marked again.
    """
    patched = _remark(df, earlier, window_days) if earlier is not None else None
    if patched is not None:
        return patched
    out = mark_relays(df.with_row_index("_pos"), window_days)
    aligned = out.select(RELAY_MARKS)[out["_pos"].arg_sort()]
    return RelayMarks(df, out.drop("_pos"), aligned, window_days)


_RELAY_KEYS = ["claim_id", "published", "source_name", "low", "high", "sentence_key"]


def _remark(df: pl.DataFrame, earlier: RelayMarks, window_days: int) -> RelayMarks | None:
    given = earlier.given
    if (earlier.window_days != window_days or df.schema != given.schema
            or "sentence_key" not in df.columns or df.is_empty() or given.is_empty()):
        return None
    keys = _RELAY_KEYS
    pairs = df.select(keys).with_row_index("_new").join(
        given.select(keys).with_row_index("_old"), on="claim_id", how="full", coalesce=True,
        suffix="_was")
    new_rows, old_rows = pairs["_new"].drop_nulls(), pairs["_old"].drop_nulls()
    if new_rows.len() != df.height or old_rows.len() != given.height \
            or new_rows.n_unique() != df.height or old_rows.n_unique() != given.height:
        return None  # a claim id twice (never in a store)
    differs = pl.any_horizontal([pl.col(k).ne_missing(pl.col(f"{k}_was")) for k in keys[1:]])
    changed = pairs.filter(pl.col("_new").is_null() | pl.col("_old").is_null() | differs)
    old_of_new = pairs.filter(pl.col("_new").is_not_null()).sort("_new")["_old"]
    return _remark_changed(df, earlier, window_days, changed, old_of_new)


def _remark_changed(df: pl.DataFrame, earlier: RelayMarks, window_days: int,
                    changed: pl.DataFrame, old_of_new: pl.Series) -> RelayMarks | None:
    """``_remark`` once the changed claims are known: ``changed`` has their ``_RELAY_KEYS``
    now and before (``_was``) with their rows in ``df`` (``_new``) and in the earlier input
    (``_old``), either null for a claim added or dropped; ``old_of_new`` gives each row of
    ``df`` its earlier row (null: new)."""
    given = earlier.given
    keys = _RELAY_KEYS
    if changed.height > REMARK_SHARE * df.height:
        return None
    groups = pl.concat([
        changed.filter(pl.col("_new").is_not_null()).select(keys[1:]),
        changed.filter(pl.col("_old").is_not_null()).select(
            [pl.col(f"{k}_was").alias(k) for k in keys[1:]]),
    ])
    by_source, by_sentence = ["source_name", "low", "high"], ["sentence_key", "low", "high"]
    sources = groups.filter(pl.col("source_name").is_not_null()).select(
        pl.struct(by_source)).unique().to_series().implode()
    sentences = groups.filter(pl.col("sentence_key").fill_null("") != "").select(
        pl.struct(by_sentence)).unique().to_series().implode()
    in_group = (pl.struct(by_source).is_in(sources, nulls_equal=True)
                | pl.struct(by_sentence).is_in(sentences, nulls_equal=True))
    # every group of a changed claim has one of their lows: the struct test runs on those only
    lows = groups["low"].unique().implode()

    def reached(rows: pl.DataFrame, index: str) -> pl.Series:
        """Per row: in a group of a changed claim, or changed itself."""
        near = rows.select("low", "high", "source_name", "sentence_key").with_row_index(
            "_at").filter(pl.col("low").is_in(lows, nulls_equal=True))
        at = near.filter(in_group.fill_null(False))["_at"]
        at = pl.concat([at, changed[index].drop_nulls()])
        return pl.select(pl.repeat(False, rows.height, dtype=pl.Boolean)).to_series().scatter(
            at, True)

    # every earlier component a reached claim was in is marked again as a whole
    components = earlier.aligned["estimate_id"].filter(reached(given, "_old")).unique()
    old_redo = earlier.aligned["estimate_id"].is_in(components.implode())
    was = old_of_new.fill_null(0)
    redo = reached(df, "_new") | old_of_new.is_null() | old_redo.gather(was)
    if redo.sum() > REMARK_SHARE * df.height:
        return None
    again = mark_relays(df.with_row_index("_pos").filter(redo), window_days)
    aligned = earlier.aligned[was]
    at = again["_pos"]
    aligned = pl.DataFrame([aligned[c].scatter(at, again[c]) for c in RELAY_MARKS])
    marked = pl.concat([df.drop("sentence_key"), aligned], how="horizontal").sort(
        ["published", "claim_id"], nulls_last=True)
    return RelayMarks(df, marked, aligned, window_days)


def _source_value_runs(window_days: int) -> pl.Expr:
    """Per (source, low, high): a run id that grows when the gap to the previous claim is long."""
    keys = ["source_name", "low", "high"]
    gap = pl.col("published").diff().over(keys).dt.total_days()
    new_run = gap.is_null() | (gap > window_days)
    run = new_run.cast(pl.Int32).cum_sum().over(keys)
    # Claims without a source or a date are never relays by this rule: give them their own run.
    solo = pl.col("source_name").is_null() | pl.col("published").is_null()
    return pl.when(solo).then(-pl.col("_row").cast(pl.Int64) - 1).otherwise(run.cast(pl.Int64))


def _propagate_labels(ordered: pl.DataFrame) -> pl.Series:
    """Connected components of the two "same estimate" rules, by repeated min-label passes.

    Each rule's groups are numbered once (the group's first row), so the passes compare one
    integer column instead of hashing strings and floats on every pass.
    """
    by_source = ["source_name", "low", "high", "_source_run"]
    by_sentence = ["_sentence", "low", "high"]
    frame = ordered.select(
        source_group=pl.col("_row").min().over(by_source),
        sentence_group=pl.col("_row").min().over(by_sentence),
        label=pl.col("_row"),
    )
    for _ in range(20):
        before = frame["label"]
        frame = frame.with_columns(label=pl.col("label").min().over("source_group"))
        frame = frame.with_columns(label=pl.col("label").min().over("sentence_group"))
        # a label is a row of the same component: taking that row's label shortens chains
        # (pointer jumping), so long chains of copies converge in a few passes
        frame = frame.with_columns(label=pl.col("label").gather(pl.col("label")))
        if frame["label"].equals(before):
            break
    return frame["label"]


def prepare(
    df: pl.DataFrame,
    aliases: dict[str, tuple[str, ...]],
    fmt: Callable[[float | None], str] | None = None,
) -> pl.DataFrame:
    """Claims ready to aggregate: wrong claims dropped, sources named, values set, relays marked,
    ``is_total`` set (False for a change, plan or part) and outliers flagged (``with_outliers``;
    ``fmt`` formats the numbers of their reasons)."""
    return prepare_marked(df, aliases, fmt)[0]


def prepare_marked(
    df: pl.DataFrame,
    aliases: dict[str, tuple[str, ...]],
    fmt: Callable[[float | None], str] | None = None,
    earlier: RelayMarks | None = None,
    changed: Collection[str] | None = None,
) -> tuple[pl.DataFrame, RelayMarks]:
    """``prepare`` and its relay marks; ``earlier``: the marks of a previous call on nearly the
    same claims, reused where a change cannot reach them (``remark_relays``); ``changed``:
    the only claims that differ from ``earlier``'s (a review), so that only they are named,
    valued and compared again (``_marks_after_change``)."""
    if "review" in df.columns:
        df = df.filter(pl.col("review").is_null() | (pl.col("review") != "wrong"))
    df = df.filter(pl.col("low").is_not_null() | pl.col("high").is_not_null())
    state = pl.col("state") if "state" in df.columns else pl.lit(None, dtype=pl.String)
    df = df.with_columns(is_total=state.is_null() | ~state.is_in(list(NOT_TOTAL_STATES)))
    marks = None
    if earlier is not None and changed is not None:
        marks = _marks_after_change(df, aliases, earlier, changed)
    if marks is None:
        marks = remark_relays(add_values(normalise_sources(df, aliases)), earlier)
    return with_outliers(marks.marked, fmt), marks


def _marks_after_change(df: pl.DataFrame, aliases: dict[str, tuple[str, ...]],
                        earlier: RelayMarks, changed: Collection[str]) -> RelayMarks | None:
    """``remark_relays(add_values(normalise_sources(df, aliases)), earlier)`` when ``df``
    differs from the claims ``earlier`` was made of only in the claims ``changed`` (a
    review): only their rows are named and valued again, the names of their sources
    (``source_names``, per source) recounted, and their relays marked again; the rows keep
    ``earlier``'s order with the changed claims last (the marked frame is sorted). None when
    the frames do not fit (then all is done again)."""
    given = earlier.given
    if ("sentence_key" not in df.columns or earlier.window_days != RELAY_WINDOW_DAYS
            or given.is_empty()):
        return None
    ids = pl.Series(list(changed), dtype=pl.String).implode()
    was_changed = given["claim_id"].is_in(ids)
    part = add_values(normalise_sources(df.filter(pl.col("claim_id").is_in(ids)), aliases))
    kept = given.filter(~was_changed)
    if kept.height + part.height != df.height or part.columns != given.columns:
        return None
    try:
        new = pl.concat([kept, part])
    except pl.exceptions.PolarsError:
        return None  # a column of another type
    if new.schema != given.schema:
        return None
    before = given.filter(was_changed)
    keys = pl.concat([before["source_key"], part["source_key"]]).unique().implode()
    touched = pl.col("source_key").is_in(keys)
    names = new.filter(touched).group_by("source_key").agg(
        source_names=pl.col("source").drop_nulls().unique().sort().str.join("; "))
    new = new.with_columns(source_names=pl.when(touched).then(pl.col("source_key").replace_strict(
        names["source_key"], names["source_names"], default=None, return_dtype=pl.String))
        .otherwise(pl.col("source_names")))
    columns = _RELAY_KEYS
    at = pl.Series("_old", range(given.height), dtype=pl.UInt32)
    old_side = before.select(columns).with_columns(_old=at.filter(was_changed))
    new_side = part.select(columns).with_row_index("_new", offset=kept.height)
    pairs = new_side.join(old_side, on="claim_id", how="full", coalesce=True, suffix="_was")
    old_of_new = pl.concat([at.filter(~was_changed), new_side.join(
        old_side.select("claim_id", "_old"), on="claim_id", how="left",
        maintain_order="left")["_old"]])
    return _remark_changed(new, earlier, RELAY_WINDOW_DAYS, pairs, old_of_new)


def with_outliers(
    prepared: pl.DataFrame, fmt: Callable[[float | None], str] | None = None
) -> pl.DataFrame:
    """(Re)flag ``outlier`` / ``outlier_reason`` against the median of the independent
    claimants' latest estimates (``tracker.aggregate.outliers``).

    Only current figures are flagged: a claim whose value is its claimant's latest estimate
    (copies and relays included) or that has no date. An earlier figure a claimant has since
    revised ("1,500" before "12,000") is history, not an outlier; nor is a figure that several
    independent claimants give as a current figure (``outliers.corroborated``), nor, when its
    recency is unknown (undated, or its claimant has undated figures that may be newer), one
    that several claimants have given at any time.
    """
    plain = prepared.drop("outlier", "outlier_reason", strict=False)
    latest = independent_latest(plain)
    flagged = flag_outliers(plain, reference_of(latest), fmt)
    if not flagged["outlier"].any():
        return flagged
    current = pl.struct("source_key", "best").is_in(
        latest.select(pl.struct("source_key", "best")).to_series().implode()
    ) | pl.col("published").is_null()
    candidates = flagged.filter(pl.col("outlier"))["best"]
    estimates = totals(plain).filter(~pl.col("is_relay"))
    undated = estimates.filter(pl.col("published").is_null())
    current_figures = pl.concat([latest.select("source_key", "best"),
                                 undated.select("source_key", "best")])
    shared_now = candidates.filter(corroborated(candidates, current_figures))
    shared_ever = candidates.filter(corroborated(candidates, estimates))
    # how recent a figure is cannot be told when it is undated or its claimant has undated
    # figures (which may be newer than its latest dated one)
    unknown_recency = pl.col("published").is_null() | pl.col("source_key").is_in(
        undated["source_key"].unique().implode())
    outlier = (pl.col("outlier") & current & ~pl.col("best").is_in(shared_now.implode())
               & ~(unknown_recency & pl.col("best").is_in(shared_ever.implode())))
    return flagged.with_columns(outlier=outlier,
                                outlier_reason=pl.when(outlier).then(pl.col("outlier_reason")))


def latest_by(df: pl.DataFrame, by: str) -> pl.DataFrame:
    """Each group's latest estimate, sorted by best value.

    Latest = the newest publication date; on one date, the figure that comes first in its
    article (the lead), since later mentions are often background ("in April it said 600").
    """
    if df.is_empty():
        return df
    keys, descending = ["published"], [False]
    if "start" in df.columns:
        keys, descending = [*keys, "start"], [*descending, True]
    # rank on the key columns only, then gather the winning rows: sorting every column of a
    # 100,000-row frame three times per page cost more than the rest of the aggregation
    ranked = df.select(by, *keys, "claim_id", _at=pl.int_range(pl.len(), dtype=pl.UInt32)).sort(
        [*keys, "claim_id"], descending=[*descending, True], nulls_last=False
    )
    winners = ranked.group_by(by, maintain_order=True).agg(pl.col("_at").last())["_at"]
    return df[winners].select(by, pl.exclude(by)).sort("best")  # columns as group_by gives


def history(df: pl.DataFrame, by: str) -> pl.DataFrame:
    """Every estimate of every group in order, numbered, with ``revised`` where the value moved."""
    ordered = df.sort([by, "published", "claim_id"], nulls_last=True)
    previous = pl.col("best").shift(1).over(by)
    return ordered.with_columns(
        revision=pl.int_range(1, pl.len() + 1).over(by),
        revised=previous.is_not_null() & (pl.col("best") != previous),
    )


def totals(df: pl.DataFrame) -> pl.DataFrame:
    """The claims that estimate the quantity's total (changes, plans and parts left out)."""
    return df.filter(pl.col("is_total")) if "is_total" in df.columns else df


def independent_latest(df: pl.DataFrame) -> pl.DataFrame:
    """The latest estimate of the total of each independent source, relays left out."""
    return latest_by(totals(df).filter(~pl.col("is_relay")), "source_key")


def trusted_latest(df: pl.DataFrame) -> pl.DataFrame:
    """``independent_latest`` without the outliers: what the consensus and the spread use."""
    latest = independent_latest(df)
    return latest.filter(~pl.col("outlier")) if "outlier" in latest.columns else latest
