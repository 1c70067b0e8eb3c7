"""The comparison of one tracked quantity: its claims -> latest estimates, consensus, spread,
relays, the rows the charts draw and the claims table (pure polars; no Streamlit).

``tracker compare`` and the dashboard both call this module:

    claims = quantity_claims(con, quantity, Filters(...))   # SQL-side filters, parameterised
    view = build_view(claims, aliases, rule=..., by=...)     # a QuantityView
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

import duckdb
import polars as pl

from tracker.aggregate.consensus import (
    Consensus,
    add_staleness,
    consensus_of,
    consensus_over_time,
    newest_date,
    spread,
)
from tracker.aggregate.estimates import (
    RelayMarks,
    history,
    independent_latest,
    latest_by,
    prepare_marked,
    totals,
    trusted_latest,
    with_outliers,
)
from tracker.aggregate.formatting import number_formatter
from tracker.aggregate.outliers import Reference, reference_of
from tracker.aggregate.summary import summary_claims_sql, summary_is_fresh
from tracker.store import has_article_corrections


class Grouping(StrEnum):
    """What one row of the comparison is: an outlet or a (canonical) source."""

    OUTLET = "outlet"
    SOURCE = "source"


class Hedged(StrEnum):
    """Which claims a view keeps by their hedging."""

    ANY = "any"
    ONLY = "only"
    EXCLUDE = "exclude"


GROUPINGS = {Grouping.OUTLET.value: "outlet", Grouping.SOURCE.value: "source_key"}
MAX_RANGE_ROWS = 40  # rows of the range chart: the outlets (or sources) with most claims
MAX_TIMELINE_SOURCES = 12  # sources drawn on the timeline: those with most estimates
TABLE_PAGE = 100  # claims per page of the table (only that page goes to the browser); Export
# writes every claim of the view
MAX_TIMELINE_POINTS_PER_SOURCE = 60  # a busier source is drawn with its last estimate per period
MAX_UNDATED_PER_SOURCE = 30  # undated estimates drawn per source (the table has them all)
MAX_ROWS = 200_000  # rows of one quantity handed to polars; more is cut, newest first
CLAIM_COLUMNS = (
    "claim_id, article_id, outlet, url, title, published, lang, low, high, kind, approximate,"
    ' unit, entity, source, hedged, quote, sentence, "start", "end", quantity, review,'
    " claimant, via, reason, state"
)
# Each canonical claimant's label (the corpus pass's, tracker.aggregate.claimants).
CLAIMANT_LABELS = (
    "SELECT canonical AS claimant, min(label) AS claimant_label FROM store.claimant_groups"
    " WHERE label IS NOT NULL GROUP BY canonical"
)
# scheme http(s), then a host: the links the claims table keeps (as ``safe_url`` does per value)
_HTTP_URL = r"^\s*https?://[^/?#\s]+"


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the view to in SQL; empty tuples mean "all"."""

    date_from: date | None = None
    date_to: date | None = None
    langs: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    hedged: str = Hedged.ANY.value


NO_FILTERS = Filters()

def filter_sql(quantity: str, filters: Filters) -> tuple[str, list[Any]]:
    """WHERE clause and parameters for one quantity under ``filters`` (values never inlined)."""
    clauses, params = ["quantity = ?"], [quantity]
    if filters.date_from:
        clauses.append("published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("published <= ?")
        params.append(filters.date_to)
    if filters.langs:
        clauses.append("list_contains(?, lang)")
        params.append(list(filters.langs))
    if filters.outlets:
        clauses.append("list_contains(?, outlet)")
        params.append(list(filters.outlets))
    if filters.hedged == Hedged.ONLY:
        clauses.append("hedged")
    elif filters.hedged == Hedged.EXCLUDE:
        clauses.append("NOT hedged")
    return " AND ".join(clauses), params


def claims_relation(con: duckdb.DuckDBPyConnection) -> str:
    """What to read claims from: the per-quantity summary while it is up to date (a scan of the
    tracked claims only), else the ``claims`` view (a join over every claim)."""
    if not summary_is_fresh(con):
        return "claims"
    return f"({summary_claims_sql(has_article_corrections(con))})"


# The long text columns: the aggregation does not need them (relays use the precomputed
# sentence key), so the dashboard reads them only for the rows it shows (``claim_texts``).
TEXT_COLUMNS = ("sentence", "title", "entity")


def _columns(texts: bool, relation: str) -> str:
    columns = CLAIM_COLUMNS
    if not texts:
        columns = ", ".join(c for c in CLAIM_COLUMNS.split(", ")
                            if c.strip() not in TEXT_COLUMNS or
                            (c.strip() == "sentence" and relation == "claims"))
    return columns + (", sentence_key" if relation != "claims" else "")  # for relays


def quantity_claims(
    con: duckdb.DuckDBPyConnection, quantity: str, filters: Filters = NO_FILTERS,
    *, texts: bool = True, relation: str | None = None,
) -> pl.DataFrame:
    """One quantity's claims under the SQL-side filters (review 'wrong' rows included), newest
    first, at most ``MAX_ROWS``. ``texts=False`` leaves out ``TEXT_COLUMNS`` (the sentence is
    kept where no precomputed relay key exists): a third of the reading time at 1M claims.
    ``relation``: ``claims_relation(con)`` when the caller knows it already (the dashboard
    keeps it per database version), which saves the summary's freshness check."""
    where, params = filter_sql(quantity, filters)
    relation = relation or claims_relation(con)
    columns = _columns(texts, relation)
    [(count,)] = con.execute(f"SELECT count(*) FROM {relation} WHERE {where}",
                             params).fetchall()
    if count > MAX_ROWS:  # only then does the order decide which rows are read
        inner = (f"SELECT {columns} FROM {relation} WHERE {where}"
                 " ORDER BY published DESC NULLS LAST, claim_id LIMIT ?")
        params = [*params, MAX_ROWS]
    else:
        inner = f"SELECT {columns} FROM {relation} WHERE {where}"
    rows = con.sql(
        f"SELECT x.*, l.claimant_label FROM ({inner}) x"
        f" LEFT JOIN ({CLAIMANT_LABELS}) l USING (claimant)", params=params,
    ).pl()
    return rows.sort(["published", "claim_id"], descending=[True, False], nulls_last=True)


def claim_texts(con: duckdb.DuckDBPyConnection, claim_ids: list[str],
                relation: str | None = None) -> pl.DataFrame:
    """``claim_id`` with the ``TEXT_COLUMNS`` of some claims (the rows a page shows);
    ``relation`` as for ``quantity_claims``."""
    if not claim_ids:
        return pl.DataFrame(schema={"claim_id": pl.String, **dict.fromkeys(TEXT_COLUMNS,
                                                                           pl.String)})
    return con.sql(
        f"SELECT claim_id, {', '.join(TEXT_COLUMNS)} FROM {relation or claims_relation(con)}"
        " WHERE claim_id IN (SELECT unnest(?::VARCHAR[]))", params=[claim_ids]).pl()


def with_texts(rows: pl.DataFrame, texts: pl.DataFrame) -> pl.DataFrame:
    """``rows`` with the text columns of ``texts`` joined on (rows keep their order)."""
    kept = rows.drop([c for c in TEXT_COLUMNS if c in texts.columns], strict=False)
    return kept.join(texts, on="claim_id", how="left", maintain_order="left")


@dataclass(frozen=True)
class QuantityView:
    prepared: pl.DataFrame  # every claim kept, with source names, values and relay marks
    latest: pl.DataFrame  # latest estimate per outlet or source, with outlier and staleness
    range_rows: pl.DataFrame  # chart rows for the range comparison
    agreed: Consensus
    range_notes: tuple[str, ...]  # what the range chart leaves out, said under it
    spread: float | None
    reference: Reference | None = None  # what outliers are measured against
    as_of: date | None = None  # the newest publication date: staleness counts from it
    locale: str = "en"  # how numbers are written in the texts
    rule: str = "median"  # the consensus rule (of ``over_time``)
    # the relay marking's input and output, reused by the next view of nearly the same claims
    relay_marks: RelayMarks | None = field(default=None, compare=False, repr=False)

    # The timeline's rows and the consensus over time are made when the Timeline tab first
    # asks for them (~0.05 s at 1M claims, on the way to every other figure otherwise).
    @functools.cached_property
    def _timeline(self) -> tuple[pl.DataFrame, str | None]:
        timeline, note = _timeline_estimates(self.prepared)
        return chart_rows(timeline, "source_key", number_formatter(self.locale)), note

    @property
    def timeline_rows(self) -> pl.DataFrame:
        """Chart rows for the timeline (every estimate, thinned per source)."""
        return self._timeline[0]

    @functools.cached_property
    def over_time(self) -> pl.DataFrame:
        """The consensus after each date."""
        return consensus_over_time(self.prepared, self.rule)

    @property
    def notes(self) -> tuple[str, ...]:
        """What the charts leave out, said under them (the range chart's, the timeline's)."""
        return tuple(n for n in (*self.range_notes, self._timeline[1]) if n)

    @property
    def undated(self) -> pl.DataFrame:
        """The claims without a publication date (kept in the range chart and the table)."""
        return self.prepared.filter(pl.col("published").is_null())

    @property
    def outliers(self) -> pl.DataFrame:
        """The claims flagged as outliers, with their reason."""
        return self.prepared.filter(pl.col("outlier"))

    @property
    def not_totals(self) -> int:
        """Claims of a change, plan or part: in the table, not in the estimates."""
        return self.prepared.height - totals(self.prepared).height

    @property
    def empty(self) -> bool:
        return self.prepared.is_empty()

    @functools.cached_property
    def _in_consensus(self) -> pl.DataFrame:
        return trusted_latest(self.prepared).select("claim_id", "source_key")

    def role(self, claim_id: str) -> str:
        """What one claim counts for in this view's figures, in a sentence (the detail panel
        says it, so that a review that cannot move the consensus says why)."""
        found = self.prepared.filter(pl.col("claim_id") == claim_id)
        if found.is_empty():
            return ("Not in the figures of this view (marked wrong, in another quantity, or "
                    "left out by the filters).")
        row = found.row(0, named=True)
        who = row["source_key"]
        copies = int(row.get("relays") or 0)
        if row.get("outlier"):
            return "Not in the consensus: flagged as an outlier (see the reason)."
        if not row.get("is_total", True):
            return "Not in the consensus: a change, plan or part, not an estimate of the total."
        if row["is_relay"]:
            return ("Not in the consensus on its own: a copy (relay) of an earlier claim's "
                    "figure, which the consensus counts once.")
        if claim_id in self._in_consensus["claim_id"]:
            kept = (f" It has {copies} relayed cop{'y' if copies == 1 else 'ies'}: marked wrong, "
                    "the first copy keeps the figure in." if copies else
                    " Marked wrong, the claimant's previous estimate takes its place.")
            return f"In the consensus: the latest estimate of {who}.{kept}"
        return (f"Not in the consensus: {who} has a later estimate (this one is history, "
                "kept on the timeline).")

    @functools.cached_property
    def table(self) -> pl.DataFrame:
        """The claims table, every claim (what Export writes): built on first use only. Needs
        the text columns (``quantity_claims(texts=True)``, or ``with_texts``)."""
        return claims_table(self.prepared, fmt=number_formatter(self.locale))

    @functools.cached_property
    def table_order(self) -> pl.DataFrame:
        """The prepared claims in the table's order (``TABLE_ORDER``: newest first, undated
        last), sorted once per view; pages are slices of it."""
        return self.prepared.sort(TABLE_ORDER[0], descending=TABLE_ORDER[1], nulls_last=True)

    @property
    def pages(self) -> int:
        return max(1, -(-self.prepared.height // TABLE_PAGE))

    def table_page(self, page: int, texts: pl.DataFrame | None = None) -> pl.DataFrame:
        """The claims table's page ``page`` (0-based, ``TABLE_PAGE`` rows): only these rows
        are formatted and sent to the page; ``texts`` (``claim_texts``) adds their sentences
        and titles when the view was read without them."""
        rows = self.table_order.slice(min(max(page, 0), self.pages - 1) * TABLE_PAGE,
                                      TABLE_PAGE)
        if texts is not None:
            rows = with_texts(rows, texts)
        return claims_table(rows, fmt=number_formatter(self.locale), ordered=True)


def build_view(
    claims: pl.DataFrame,
    aliases: dict[str, tuple[str, ...]],
    *,
    rule: str = "median",
    by: str = "outlet",
    sources: tuple[str, ...] = (),
    as_of: date | None = None,
    locale: str = "en",
    earlier: QuantityView | None = None,
    changed: Collection[str] | None = None,
) -> QuantityView:
    """Aggregate one quantity's (already SQL-filtered) claims for the charts and the table.

    ``sources`` narrows to canonical source names (known only after normalisation, hence here).
    Staleness counts from ``as_of``, by default the newest publication date in the claims;
    ``locale`` ("en", "de") writes the numbers of the texts. ``earlier``: a view of nearly the
    same claims (the same quantity before a review): its relay marks are reused where the
    changed claims cannot reach them (``estimates.remark_relays``); the view is the same.
    ``changed``: the only claims that differ from ``earlier``'s (a review): only they are
    named, valued and compared for relays again.
    """
    fmt = number_formatter(locale)
    prepared, marks = prepare_marked(claims, aliases, fmt,
                                     earlier.relay_marks if earlier is not None else None,
                                     changed if earlier is not None else None)
    if sources:
        prepared = with_outliers(prepared.filter(pl.col("source_key").is_in(list(sources))), fmt)
    group = GROUPINGS.get(by, "outlet")
    as_of = as_of or newest_date(prepared)
    # each independent claimant's latest estimate, once for the consensus, spread and the
    # outliers' reference (``source_table``, ``spread(trusted_latest)``, ``reference_of``)
    independent = independent_latest(prepared)
    trusted = (independent.filter(~pl.col("outlier")) if "outlier" in independent.columns
               else independent)
    agreed = consensus_of(trusted, rule)
    latest = add_staleness(latest_by(totals(prepared), group), as_of)
    shown, range_note = _most_claims(latest, prepared, group, MAX_RANGE_ROWS, by + "s")
    return QuantityView(
        prepared=prepared,
        latest=latest,
        range_rows=chart_rows(shown, group, fmt),
        agreed=agreed,
        spread=spread(trusted) if prepared.height else None,
        range_notes=(range_note,) if range_note else (),
        reference=reference_of(independent),
        as_of=as_of,
        locale=locale,
        rule=rule,
        relay_marks=marks,
    )


def _most_claims(
    rows: pl.DataFrame, prepared: pl.DataFrame, group: str, limit: int, what: str
) -> tuple[pl.DataFrame, str]:
    """The ``limit`` rows whose group has most claims, and a note when some were left out."""
    if rows.height <= limit:
        return rows, ""
    counts = prepared.group_by(group).agg(claims=pl.len())
    top = counts.sort(["claims", group], descending=[True, False]).head(limit)[group]
    note = f"Range chart: the {limit} {what} with most claims of {rows.height}; filter for others."
    return rows.filter(pl.col(group).is_in(top.implode())), note


def _timeline_estimates(prepared: pl.DataFrame) -> tuple[pl.DataFrame, str]:
    """Each source's estimates of the total (relays and same-day repeats once) for its busiest
    sources, a busy source thinned to its last estimate per period (``thin_by_period``);
    undated claims too (the chart draws them apart, at most ``MAX_UNDATED_PER_SOURCE`` each)."""
    estimates = totals(prepared).filter(~pl.col("is_relay")).unique(
        ["source_key", "published", "best"], keep="first", maintain_order=True
    )
    sources = estimates["source_key"].n_unique()
    notes = []
    if sources > MAX_TIMELINE_SOURCES:
        counts = estimates.group_by("source_key").agg(n=pl.len())
        top = counts.sort(["n", "source_key"], descending=[True, False]).head(
            MAX_TIMELINE_SOURCES)
        notes.append(f"the {MAX_TIMELINE_SOURCES} sources with most estimates of {sources}; "
                     "the consensus line uses all")
        estimates = estimates.filter(pl.col("source_key").is_in(top["source_key"].implode()))
    drawn = thin_by_period(history(estimates, "source_key"), "source_key",
                           MAX_TIMELINE_POINTS_PER_SOURCE, MAX_UNDATED_PER_SOURCE)
    if drawn.height < estimates.height:
        notes.append(f"{drawn.height:,} of {estimates.height:,} estimates drawn (a busy source "
                     "shows its last estimate per period; its tooltip says how many it stands "
                     "for; the table has them all)")
    return drawn, ("Timeline: " + "; ".join(notes) + ".") if notes else ""


def thin_by_period(rows: pl.DataFrame, by: str, limit: int, undated_limit: int | None = None
                   ) -> pl.DataFrame:
    """At most about ``limit`` dated rows per ``by`` group, so a chart gets aggregated rows,
    not every claim: a busier group's dates are cut into ``limit`` equal periods over the span
    of all dates and each period keeps its last estimate (as ``latest_by`` picks it), with
    ``period_text`` saying how many estimates it stands for. ``undated_limit`` caps the undated
    rows per group (first ones kept)."""
    rows = rows.with_columns(period_text=pl.lit(None, dtype=pl.String))
    dated = rows.filter(pl.col("published").is_not_null())
    undated = rows.filter(pl.col("published").is_null())
    if undated_limit is not None:
        undated = undated.filter(pl.int_range(pl.len()).over(by) < undated_limit)
    busy = dated.group_by(by).agg(n=pl.len()).filter(pl.col("n") > limit)[by]
    if busy.is_empty():
        return pl.concat([dated, undated]) if undated.height else dated
    first, last = dated["published"].min(), dated["published"].max()
    span = (last - first).days + 1
    keys, descending = ["published"], [False]
    if "start" in rows.columns:
        keys, descending = [*keys, "start"], [*descending, True]
    busy_rows = dated.filter(pl.col(by).is_in(busy.implode())).with_columns(
        _period=((pl.col("published") - pl.lit(first)).dt.total_days() * limit // span)
    ).sort([by, "_period", *keys, "claim_id"], descending=[False, False, *descending, True])
    periods = busy_rows.group_by([by, "_period"], maintain_order=True).agg(
        pl.all().exclude("period_text").last(), _n=pl.len(), _from=pl.col("published").min())
    periods = periods.with_columns(period_text=pl.when(pl.col("_n") > 1).then(pl.format(
        "the last of {} estimates from {} to {}", pl.col("_n"),
        pl.col("_from").dt.to_string("%Y-%m-%d"), pl.col("published").dt.to_string("%Y-%m-%d"),
    ))).select(rows.columns)
    quiet = dated.filter(~pl.col(by).is_in(busy.implode()))
    return pl.concat([quiet, periods, undated]).sort([by, "published", "claim_id"],
                                                     nulls_last=True)


TABLE_ORDER = (["published", "outlet", "claim_id"], [True, False, False])  # newest first
QUOTE_CONTEXT = 70  # characters of the sentence kept either side of the number in the table


def claims_table(
    prepared: pl.DataFrame,
    limit: int | None = None,
    fmt: Callable[[float | None], str] | None = None,
    *,
    ordered: bool = False,
) -> pl.DataFrame:
    """Link, date, outlet, claimant, value, the quote in its sentence with the number marked
    (cut around the number so that it stays visible), then the details.

    Newest first, undated last (``TABLE_ORDER``; the quotes list uses the same order); ``limit``
    keeps the first rows before the text columns are built; ``ordered`` says the rows are in
    that order already (a page). Without a ``sentence`` column the quote stands alone.
    """
    if prepared.is_empty():
        return pl.DataFrame()
    fmt = fmt or number_formatter("en")
    for column, dtype in (("reason", pl.String), ("outlier_reason", pl.String),
                          ("outlier", pl.Boolean), ("is_total", pl.Boolean),
                          ("source_names", pl.String), ("state", pl.String),
                          ("sentence", pl.String), ("title", pl.String),
                          ("article_id", pl.String)):
        if column not in prepared.columns:  # frames built before these columns
            prepared = prepared.with_columns(pl.lit(None, dtype=dtype).alias(column))
    ordered = prepared if ordered else prepared.sort(
        TABLE_ORDER[0], descending=TABLE_ORDER[1], nulls_last=True)
    if limit is not None:
        ordered = ordered.head(limit)
    ordered = with_value_text(ordered, fmt)
    return ordered.with_columns(
        quote_in_context=bracket_quote_expr(pl.coalesce("sentence", "quote"), pl.col("quote"),
                                            QUOTE_CONTEXT),
        link=safe_url_expr(pl.col("url")),
        date=pl.col("published").dt.to_string("%Y-%m-%d"),
    ).select(
        "link", "date", "outlet", pl.col("source_key").alias("claimant"), "value",
        "quote_in_context", "outlier_reason", pl.col("source_names").alias("written_as"),
        "published", pl.col("source_key").alias("source"), "low", "high", "best", "kind",
        "open_bound", "hedged", "is_relay", "relays", "is_total", "state", "outlier", "quote",
        "lang", "title", "claim_id", "article_id", "review", "reason",
    )


# --- rows the charts draw and the table's columns ---------------------------------------------


def with_value_text(rows: pl.DataFrame, fmt: Callable[[float | None], str]) -> pl.DataFrame:
    """Add ``value``: the claim's value as text ("at least 10,000", "10,000–12,000"), formatted
    once per distinct value (many claims repeat a figure)."""
    keys = ["low", "high", "open_bound"]
    values = rows.select(keys).unique()
    texts = values.with_columns(value=pl.Series(
        [_value_text(low, high, bound, fmt) for low, high, bound in values.iter_rows()],
        dtype=pl.String,
    ))
    return rows.join(texts, on=keys, how="left", nulls_equal=True, maintain_order="left")


def _blank_null(expr: pl.Expr) -> pl.Expr:
    """Empty text as null: tooltips leave null fields out."""
    return pl.when(expr.str.strip_chars() == "").then(None).otherwise(expr)


def chart_rows(
    prepared: pl.DataFrame,
    row_label: str,
    fmt: Callable[[float | None], str] | None = None,
) -> pl.DataFrame:
    """Columns the charts draw: ``row`` (the y label), marker, style, the outlier flag and the
    tooltip texts (null when empty, so the tooltip leaves the field out)."""
    if prepared.is_empty():
        return pl.DataFrame()
    fmt = fmt or number_formatter("en")
    marker = (
        pl.when(pl.col("open_bound") == "lower")
        .then(pl.lit("at least"))
        .when(pl.col("open_bound") == "upper")
        .then(pl.lit("at most"))
        .otherwise(pl.lit("estimate"))
    )
    def optional(name: str) -> pl.Expr:
        return pl.col(name) if name in prepared.columns else pl.lit(None, dtype=pl.String)

    rows = prepared.with_columns(
        row=pl.col(row_label).fill_null("unknown"),
        marker=marker,
        style=pl.when(pl.col("hedged")).then(pl.lit("hedged")).otherwise(pl.lit("firm")),
        source_label=pl.col("source_key"),
        names_text=_blank_null(optional("source_names")),
        date=pl.col("published").dt.to_string("%Y-%m-%d").fill_null("undated"),
        relay_text=pl.when(pl.col("relays") > 0)
        .then(pl.col("relays").cast(pl.String) + pl.lit(" other outlet(s)"))
        .otherwise(None),
        # why the claim is in this quantity ("soldier · KP · deployed", "moved by a reviewer")
        reason_text=_blank_null(optional("reason")),
        outlier=optional("outlier").cast(pl.Boolean).fill_null(False),
        outlier_text=optional("outlier_reason"),
        link=safe_url_expr(optional("url")),
        title_text=_blank_null(optional("title")),
        period_text=optional("period_text"),
        quantity=optional("quantity"),
    )
    rows = with_value_text(rows, fmt).rename({"value": "value_text"})
    return rows.select(
        "row", "claim_id", "best", "low_value", "high_value", "marker", "style", "quote",
        "value_text", "source_label", "names_text", "outlet", "date", "relay_text", "reason_text",
        "outlier", "outlier_text", "link", "title_text", "period_text",
        "quantity", "published",
    )


def _value_text(
    low: float | None, high: float | None, bound: str | None,
    fmt: Callable[[float | None], str],
) -> str:
    if bound == "lower":
        return f"at least {fmt(low)}"
    if bound == "upper":
        return f"at most {fmt(high)}"
    if low is not None and high is not None and low != high:
        return f"{fmt(low)}–{fmt(high)}"
    return fmt(low)


def safe_url_expr(url: pl.Expr) -> pl.Expr:
    """``safe_url`` for a whole column: the address when it is http(s), else null."""
    return pl.when(url.str.contains(_HTTP_URL)).then(url.str.strip_chars()).otherwise(None)


def bracket_quote_expr(sentence: pl.Expr, quote: pl.Expr, context: int | None = None
                       ) -> pl.Expr:
    """``bracket_quote`` for whole columns (the first occurrence of the quote is marked); with
    ``context``, at most that many characters either side, cut at "…"."""
    # character offset of the quote: the length of what precedes it (str.find counts bytes)
    at = sentence.str.split(quote).list.first().str.len_chars()
    end = at + quote.str.len_chars()
    before, after = sentence.str.slice(0, at), sentence.str.slice(end)
    if context is not None:
        before = pl.when(at > context).then(
            pl.lit("…") + sentence.str.slice(at - context, context)).otherwise(before)
        after = pl.when(after.str.len_chars() > context).then(
            after.str.slice(0, context) + pl.lit("…")).otherwise(after)
    marked = pl.concat_str([before, pl.lit("⟦"), quote, pl.lit("⟧"), after])
    found = quote.is_not_null() & (quote != "") & sentence.str.contains(quote, literal=True)
    return pl.when(found).then(marked).otherwise(sentence)
