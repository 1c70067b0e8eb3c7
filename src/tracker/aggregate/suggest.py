"""Suggestions: claims no quantity takes, grouped by unit and their most telling entity terms.

A group such as "14 claims: soldier + nordkoreanisch" hints at a quantity nobody tracks yet;
``suggestion_toml`` turns it into a ``[[quantity]]`` entry to paste into the quantities file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import polars as pl

MIN_TERM_LENGTH = 4
_WORD = re.compile(r"[a-z][a-z\-]+")


@dataclass(frozen=True)
class Suggestion:
    unit: str | None
    terms: tuple[str, ...]
    claims: int
    sources: int
    example: str

    @property
    def title(self) -> str:
        what = " + ".join(self.terms) or "(no entity terms)"
        unit = self.unit or "no unit"
        return f"{self.claims} claims: {unit}: {what}, not tracked"


def entity_terms_expr(entity: pl.Expr) -> pl.Expr:
    """Content words of each entity: folded (lower case, no accents, ß as ss), at least
    MIN_TERM_LENGTH letters. Ignored words and repeats are removed by the caller."""
    folded = (
        entity.fill_null("")
        .str.to_lowercase()
        .str.normalize("NFKD")
        .str.replace_all(r"\p{Mn}", "")
        .str.replace_all("ß", "ss")
    )
    words = folded.str.extract_all(_WORD.pattern)
    return words.list.eval(pl.element().filter(pl.element().str.len_chars() >= MIN_TERM_LENGTH))


def suggest_groups(
    unassigned: pl.DataFrame, ignore: frozenset[str] = frozenset(), min_claims: int = 3
) -> list[Suggestion]:
    """Group claims (``claim_id, unit, entity, source, sentence``) by unit and top-2 shared terms.

    A claim's telling terms are its entity words that are most common among all unassigned
    claims (and occur in at least ``min_claims`` of them): words that recur across articles name
    a recurring thing; one-off words do not.
    """
    if unassigned.is_empty():
        return []
    words = (
        unassigned.select("claim_id", term=entity_terms_expr(pl.col("entity")))
        .explode("term")
        .drop_nulls("term")
        .filter(~pl.col("term").is_in(sorted(ignore)))
        .unique(["claim_id", "term"], maintain_order=True)
    )
    # Only recurring terms can name a group: a word in fewer claims than a group needs is noise.
    frequency = words.group_by("term").agg(df=pl.len()).filter(pl.col("df") >= min_claims)
    top = (
        words.join(frequency, on="term")
        .sort(["df", "term"], descending=[True, False])
        .group_by("claim_id", maintain_order=True)
        .agg(pl.col("term").head(2).sort().alias("terms"))
    )
    keyed = unassigned.join(top, on="claim_id", how="inner").with_columns(
        key=pl.col("terms").list.join(" + ")
    )
    groups = (
        keyed.group_by("unit", "key")
        .agg(
            claims=pl.len(),
            sources=pl.col("source").n_unique(),
            terms=pl.col("terms").first(),
            example=pl.col("sentence").first(),
        )
        .filter(pl.col("claims") >= min_claims)
        .sort(["claims", "key"], descending=[True, False])
    )
    return [
        Suggestion(r["unit"], tuple(r["terms"]), r["claims"], r["sources"], r["example"] or "")
        for r in groups.iter_rows(named=True)
    ]


def load_unassigned(con: duckdb.DuckDBPyConnection, limit: int = 200_000) -> pl.DataFrame:
    """Claims without a quantity (and not marked wrong) that have an entity."""
    return con.sql(
        """
        SELECT claim_id, unit, entity, source, sentence FROM claims
        WHERE quantity IS NULL AND coalesce(review, '') <> 'wrong' AND entity IS NOT NULL
        LIMIT ?
        """,
        params=[limit],
    ).pl()


def suggestion_toml(suggestion: Suggestion, quantity_id: str, label: str) -> str:
    """A ``[[quantity]]`` entry reproducing the group, for the user to edit and paste."""
    groups = ", ".join(f'["{t}"]' for t in suggestion.terms)
    return (
        "[[quantity]]\n"
        f'id = "{quantity_id}"\n'
        f'label = "{label}"\n'
        f'unit = "{suggestion.unit or "count"}"\n'
        f"near_all_of = [{groups}]\n"
    )
