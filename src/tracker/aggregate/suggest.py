"""Suggestions: claims no quantity takes, grouped by what they count.

``discover`` groups untracked claims by their meaning (concept + actor + state, as the
extractor reads it across languages and inflections: "nordkoreanische Soldaten getötet" and
"North Korean troops killed" are both ``soldier · KP · killed``); a claim without a meaning
falls back to its unit. Each ``Group`` has a stable ``id`` (a hash of its key), a readable
label ("North Korea · soldier · killed"), counts of claims, claimants and outlets, the ids of
its claims, and the definition that tracks it (``Group.definition``, used by ``tracker track``).

The older grouping by entity terms (``suggest_groups``, ``suggestion_toml``) is kept for
claims of databases written before the extractor read meanings.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb
import polars as pl

from tracker.aggregate.quantities import NEAR_AFTER, dated_earlier_sql, near_windows_sql

MIN_TERM_LENGTH = 4
_WORD = re.compile(r"[a-z][a-z\-]+")
MEANING = ("concept", "actor", "state")
COORDINATED = "+"  # actors named together (tracker.extract.meaning.COORDINATED)


@dataclass(frozen=True)
class Group:
    """Untracked claims that count the same thing."""

    id: str
    concept: str | None
    actor: str | None
    state: str | None
    unit: str | None
    label: str
    claims: int
    claimants: int
    outlets: int
    claim_ids: tuple[str, ...]
    example: str
    concepts: tuple[str, ...] = ()  # every concept and actor among its claims ("" = not stated)
    actors: tuple[str, ...] = ()
    states: tuple[str, ...] = ()  # every state, when a rate's forecasts join its figures

    @property
    def by_meaning(self) -> bool:
        return any((self.concept, self.actor, self.state))

    def definition(self, quantity_id: str, label: str | None = None) -> dict[str, Any]:
        """A quantity definition (as in data/quantities.toml) taking exactly this group's kind
        of claim: each meaning field as found ("" = not stated); for a group by unit, claims of
        that unit without any meaning."""
        meaning = {name: [getattr(self, name) or ""] for name in MEANING}
        if self.concepts:
            meaning["concept"] = list(self.concepts)
        if self.actors:
            meaning["actor"] = list(self.actors)
        if len(self.states) > 1:
            meaning["state"] = list(self.states)
        entry: dict[str, Any] = {
            "id": quantity_id,
            "label": label or self.label,
            "unit": self.unit or self.concept or "count",
            "description": f"Tracked from the suggestion {self.id} ({self.label}).",
            **meaning,
        }
        if not self.by_meaning:
            entry["units"] = [self.unit or ""]
        return entry

    def as_row(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "unit": self.unit, "claims": self.claims,
                "claimants": self.claimants, "outlets": self.outlets, "concept": self.concept,
                "actor": self.actor, "state": self.state, "example": self.example,
                "claim_ids": list(self.claim_ids)}


def group_id(key: tuple[str, ...]) -> str:
    """A stable id for a grouping key: the same meaning gives the same id in every database."""
    return "s" + hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:10]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO code -> English country name, from the claimant gazetteer."""
    from tracker.claimants import load_gazetteer

    return {iso: c.names[0] for iso, c in load_gazetteer("en").countries.items() if c.names}


def actor_name(actor: str | None) -> str | None:
    """"North Korea" for ``KP``; other actors (names) as they are."""
    if not actor:
        return None
    return _country_names().get(actor.upper(), actor)


def meaning_label(concept: str | None, actor: str | None, state: str | None) -> str:
    """"North Korea · soldier · killed": the fields that are stated."""
    return " · ".join(p for p in (actor_name(actor), concept, state) if p)


def load_untracked(con: duckdb.DuckDBPyConnection, limit: int = 200_000) -> pl.DataFrame:
    """Claims without a quantity (and not marked wrong), with their meaning and who made them
    (the claimant, else the source as written); claims dated to an earlier year than their
    article (another event) are left out, as assignment leaves them out."""
    earlier, params = dated_earlier_sql()
    return con.sql(
        f"""
        WITH {near_windows_sql()}
        SELECT c.claim_id, c.unit, c.concept, c.actor, c.state,
               coalesce(c.claimant, c.source) AS claimant, c.outlet, c.sentence,
               w.around, w.published_year
        FROM claims c LEFT JOIN windows w USING (claim_id)
        WHERE c.quantity IS NULL AND coalesce(c.review, '') <> 'wrong'
          AND c.claim_id NOT IN ({earlier})
        ORDER BY c.claim_id
        LIMIT ?
        """,
        params=[NEAR_AFTER, *params, limit],
    ).pl()


_YEAR = r"(?:^|[^0-9.,'’])((?:19|20)[0-9]{2})(?:$|[^0-9.,'’]|[.,](?:$|[^0-9]))"


def _period(frame: pl.DataFrame) -> pl.Expr:
    """The year a rate's figure is for, relative to its article's: "current", "next", "later"
    (a year after the next), from a year or the words of ``rules.current_period``/``next_period``
    near the number (``around``); "" when none is said."""
    if "around" not in frame.columns or "published_year" not in frame.columns:
        return pl.lit("")
    current, following = _period_words()
    near = pl.col("around").fill_null("").str.to_lowercase()
    year = near.str.extract(_YEAR, 1).cast(pl.Int32, strict=False)
    published = pl.col("published_year")
    return (
        pl.when(year.is_not_null() & (year == published)).then(pl.lit("current"))
        .when(year.is_not_null() & (year == published + 1)).then(pl.lit("next"))
        .when(year.is_not_null() & (year > published + 1)).then(pl.lit("later"))
        .when(_any_phrase(near, following)).then(pl.lit("next"))
        .when(_any_phrase(near, current)).then(pl.lit("current"))
        .otherwise(pl.lit(""))
    )


def _any_phrase(text: pl.Expr, phrases: tuple[str, ...]) -> pl.Expr:
    if not phrases:
        return pl.lit(False)
    return text.str.contains(r"(?:^|\W)(?:" + "|".join(re.escape(p) for p in phrases)
                             + r")(?:\W|$)")


@lru_cache(maxsize=1)
def _period_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``rules.current_period`` and ``next_period`` of every language."""
    from tracker.extract.lexicon import supported_languages
    from tracker.extract.meaning import load_concepts

    codes = supported_languages()
    return (tuple(sorted({w for c in codes for w in load_concepts(c).current_period})),
            tuple(sorted({w for c in codes for w in load_concepts(c).next_period})))


def discover(untracked: pl.DataFrame, min_claims: int = 3) -> list[Group]:
    """Groups of ``load_untracked`` rows by meaning (by unit when a claim has none), best
    first: most outlets, then claimants, then claims; groups of a change, plan or part (no
    estimates of a total) after all others. Claims with neither are left out.

    A concept groups with its broader one when a state is stated (``[broader]`` of
    lang/und/concepts.toml: soldiers killed with people killed); a claim that does not state
    its concept joins the commonest concept of its state, one that does not state its actor
    the commonest actor of its concept and state: a story's figures often name the actor once,
    in the title or the first sentence. Two stated actors are never merged."""
    if untracked.is_empty():
        return []
    blank = {name: pl.col(name).fill_null("") for name in (*MEANING, "unit")}
    has_meaning = pl.any_horizontal(pl.col(n).is_not_null() for n in MEANING)
    keyed = untracked.with_columns(
        by_meaning=has_meaning,
        k_concept=pl.when(has_meaning).then(blank["concept"]).otherwise(pl.lit("")),
        k_actor=pl.when(has_meaning).then(blank["actor"].str.to_uppercase()).otherwise(pl.lit("")),
        k_state=pl.when(has_meaning).then(blank["state"]).otherwise(pl.lit("")),
        # a share ("46.8%") is never the quantity a count of the same meaning is
        k_unit=pl.when(has_meaning & ~blank["unit"].is_in(sorted(_share_units())))
        .then(pl.lit("")).otherwise(blank["unit"]),
    ).filter(pl.col("by_meaning") | (pl.col("k_unit") != ""))
    keyed = keyed.with_columns(pl.col("k_concept").replace(_same_concepts(keyed["k_concept"])))
    # a rate's forecast is a figure of that rate ("growth of 0.9% next year", "ING expects
    # 0.6%"): revised forecasts are what a story of a rate reports, so they do not split it
    keyed = keyed.with_columns(o_state=blank["state"]).with_columns(
        k_state=pl.when((pl.col("k_unit") != "") & pl.col("k_concept").is_in(sorted(_rates()))
                        & (pl.col("k_state") == _plan_state()))
        .then(pl.lit("")).otherwise(pl.col("k_state")))
    # a count of no state joins its concept's planned state ("the union puts the figure at
    # 9,000" in a story of 8,000 jobs to be cut) when that state is the commoner of the two
    keyed = _join_planned(keyed)
    # a rate's figures for this year, the next and later are apart ("0.2% this year, 0.9% next
    # year"); one that names no year is of its rate's commonest year
    rate_share = (pl.col("k_unit") != "") & pl.col("k_concept").is_in(sorted(_rates()))
    keyed = keyed.with_columns(k_period=pl.when(rate_share).then(_period(keyed))
                               .otherwise(pl.lit("")))
    periods = _commonest(keyed.filter(rate_share), ["k_concept", "k_unit"], "k_period")
    keyed = keyed.join(periods, on=["k_concept", "k_unit"], how="left").with_columns(
        k_period=pl.when(rate_share & (pl.col("k_period") == ""))
        .then(pl.col("k_period_fill").fill_null("")).otherwise(pl.col("k_period"))
    ).drop("k_period_fill")
    # a kind of person joins persons only in a state ("soldiers killed" with "people killed");
    # without one, 300 protesters and 300 residents count different things; a kind of thing
    # joins its broader thing in any case ("190.000 Autos" and "214.000 Fahrzeuge" affected)
    keyed = _fill_unstated(keyed.with_columns(
        pl.when((pl.col("k_state") != "") | ~pl.col("k_concept").replace(_broader()).is_in(
            ["person"])).then(pl.col("k_concept").replace(_broader()))
        .otherwise(pl.col("k_concept")).alias("k_concept"),
        o_concept=blank["concept"],
        o_actor=blank["actor"].str.to_uppercase(),
    ))
    keys = ["k_concept", "k_actor", "k_state", "k_unit", "k_period"]
    grouped = (
        keyed.group_by(keys)
        .agg(
            claims=pl.len(),
            claimants=pl.col("claimant").n_unique(),
            outlets=pl.col("outlet").drop_nulls().n_unique(),
            unit=pl.col("unit").drop_nulls().mode().sort().first(),
            claim_ids=pl.col("claim_id").sort(),
            example=pl.col("sentence").sort_by("claim_id").first(),
            label_concept=pl.col("o_concept").filter(pl.col("o_concept") != "").mode().sort()
            .first(),
            concepts=pl.col("o_concept").unique().sort(),
            actors=pl.col("o_actor").unique().sort(),
            states=pl.col("o_state").unique().sort(),
        )
        .filter(pl.col("claims") >= min_claims)
    )
    groups = [_group(row) for row in grouped.iter_rows(named=True)]
    # changes, plans and parts are no estimates of a total: listed after the quantities
    aside = _override_states()
    return sorted(groups, key=lambda g: (g.state in aside, -g.outlets, -g.claimants, -g.claims,
                                         g.label))


_TRANSLATED_MAX = 300  # own-lemma concepts looked up in the dictionaries at most


def _same_concepts(concepts: pl.Series) -> dict[str, str]:
    """Concepts no table knows (a counted noun's own lemma: "kokain", "eintrittskarte") that
    are a translation of another concept among ``concepts`` (``glossary``: cocaine, ticket),
    each mapped to the commoner of the two, so a story's German and English claims group
    together. Nothing without the dictionaries."""
    from tracker.aggregate.glossary import available, translations_any
    from tracker.aggregate.quantities import _concept_names

    if not available():
        return {}
    counts = dict(concepts.filter(concepts != "").value_counts().iter_rows())
    known = _concept_names()[0]
    own = sorted((c for c in counts if c not in known), key=lambda c: (-counts[c], c))
    own = own[:_TRANSLATED_MAX]
    if not own:
        return {}
    others = translations_any(own)
    mapping: dict[str, str] = {}
    for concept in sorted(own, key=lambda c: (counts[c], c)):  # the rarer first
        present = [o for o in others[concept] if o in counts and o != concept
                   and mapping.get(o, o) != concept]
        if present:
            target = max(present, key=lambda o: (counts[o], o))
            if counts[target] >= counts[concept]:
                mapping[concept] = mapping.get(target, target)
    return mapping


@lru_cache(maxsize=1)
def _override_states() -> frozenset[str]:
    from tracker.extract.meaning import load_concepts

    return load_concepts("und").override_states


@lru_cache(maxsize=1)
def _rates() -> frozenset[str]:
    """The rate concepts of every language (growth, inflation: ``Concepts.rate_concepts``)."""
    from tracker.extract.lexicon import supported_languages
    from tracker.extract.meaning import load_concepts

    return frozenset(c for code in supported_languages() for c in load_concepts(code).rate_concepts)


@lru_cache(maxsize=1)
def _planned() -> frozenset[str]:
    from tracker.extract.meaning import load_concepts

    return load_concepts("und").planned_states


@lru_cache(maxsize=1)
def _plan_state() -> str:
    from tracker.extract.meaning import load_concepts

    return load_concepts("und").plan_state


@lru_cache(maxsize=1)
def _share_units() -> frozenset[str]:
    from tracker.extract.meaning import load_concepts

    return load_concepts("und").share_units


@lru_cache(maxsize=1)
def _broader() -> dict[str, str]:
    from tracker.extract.meaning import load_concepts

    return load_concepts("und").broader


def _join_planned(keyed: pl.DataFrame) -> pl.DataFrame:
    """Counts of no state (not shares) take their concept's planned state (``rules.
    planned_states``: a cut) when more of the concept's counts have it than have no state."""
    planned = sorted(_planned())
    count = pl.col("by_meaning") & (pl.col("k_unit") == "") & (pl.col("k_concept") != "")
    tally = (keyed.filter(count & pl.col("k_state").is_in([*planned, ""]))
             .group_by("k_concept").agg(
                 n_planned=pl.col("k_state").is_in(planned).sum(),
                 n_none=(pl.col("k_state") == "").sum(),
                 planned=pl.col("k_state").filter(pl.col("k_state") != "").mode().sort().first()))
    return keyed.join(tally, on="k_concept", how="left").with_columns(
        k_state=pl.when(count & (pl.col("k_state") == "") & pl.col("planned").is_not_null()
                        & (pl.col("n_planned") >= pl.col("n_none")))
        .then(pl.col("planned")).otherwise(pl.col("k_state"))
    ).drop("n_planned", "n_none", "planned")


def _commonest(frame: pl.DataFrame, by: list[str], column: str) -> pl.DataFrame:
    """Per ``by`` key, the commonest stated value of ``column`` (ties: alphabetical)."""
    return (
        frame.filter(pl.col(column) != "")
        .group_by([*by, column])
        .agg(n=pl.len())
        .sort(["n", column], descending=[True, False])
        .group_by(by, maintain_order=True)
        .agg(pl.col(column).first().alias(f"{column}_fill"))
    )


def _fill_unstated(keyed: pl.DataFrame) -> pl.DataFrame:
    """Unstated concepts (with a state) and unstated actors joined to the commonest ones."""
    with_state = pl.col("by_meaning") & (pl.col("k_state") != "")
    concepts = _commonest(keyed.filter(with_state), ["k_state", "k_unit"], "k_concept")
    keyed = keyed.join(concepts, on=["k_state", "k_unit"], how="left").with_columns(
        k_concept=pl.when(with_state & (pl.col("k_concept") == ""))
        .then(pl.col("k_concept_fill").fill_null(""))
        .otherwise(pl.col("k_concept"))
    ).drop("k_concept_fill")
    by = ["k_concept", "k_state", "k_unit"]
    actors = _commonest(keyed.filter(pl.col("by_meaning")), by, "k_actor")
    # where a kind of figure names an actor, an unstated one is the story's own (its commonest
    # actor over all figures: "46.9C in Córdoba" is Spain's in a story of Spain's heat, though
    # the figures of France name France more often than Spain's name Spain, and "16,300
    # hectares" too, though only Portugal's hectares name their country)
    main = _commonest(keyed.filter(pl.col("by_meaning")).with_columns(one=pl.lit(1)), ["one"],
                      "k_actor")
    story = main["k_actor_fill"][0] if main.height else None
    several = (keyed.filter(pl.col("by_meaning") & (pl.col("k_actor") != ""))
               .group_by(by).agg(n_actors=pl.col("k_actor").n_unique()))
    # where a kind of figure names actors together ("in Germany and Denmark": DE+DK) beside
    # one of them alone, the joint one is the whole and an unstated figure is of the whole
    joint = _commonest(keyed.filter(pl.col("by_meaning")
                                    & pl.col("k_actor").str.contains(COORDINATED, literal=True)),
                       by, "k_actor").rename({"k_actor_fill": "k_actor_joint"})
    keyed = (keyed.join(actors, on=by, how="left").join(several, on=by, how="left")
             .join(joint, on=by, how="left"))
    fill = pl.col("k_actor_fill").fill_null("")
    if story is not None:
        fill = pl.when((pl.col("n_actors").fill_null(0) > 1) | (fill != "")).then(
            pl.lit(story)).otherwise(fill)
    fill = pl.when(pl.col("n_actors").fill_null(0) > 1).then(
        pl.col("k_actor_joint").fill_null(fill)).otherwise(fill)
    return keyed.with_columns(
        k_actor=pl.when(pl.col("by_meaning") & (pl.col("k_actor") == ""))
        .then(fill)
        .otherwise(pl.col("k_actor"))
    ).drop("k_actor_fill", "n_actors", "k_actor_joint")


def _group(row: dict[str, Any]) -> Group:
    concept, actor, state = (row[k] or None for k in ("k_concept", "k_actor", "k_state"))
    if any((concept, actor, state)):
        key = ("m", row["k_concept"], row["k_actor"], row["k_state"])
        label = meaning_label(row["label_concept"] or concept, actor, state)
        if row["k_unit"]:  # a share of that meaning
            key, label = (*key, row["k_unit"]), f"{label} ({row['k_unit']})"
        if row.get("k_period"):  # a rate's year: this year, the next, later
            key, label = (*key, row["k_period"]), f"{label[:-1]}, {row['k_period']} year)"
    else:
        key = ("u", row["k_unit"])
        label = f"{row['k_unit']} (no meaning found)"
    return Group(
        id=group_id(key), concept=concept, actor=actor, state=state, unit=row["unit"],
        label=label, claims=row["claims"], claimants=row["claimants"], outlets=row["outlets"],
        claim_ids=tuple(row["claim_ids"]), example=row["example"] or "",
        concepts=tuple(row["concepts"]) if any((concept, actor, state)) else (),
        actors=tuple(row["actors"]) if any((concept, actor, state)) else (),
        states=tuple(row["states"]) if any((concept, actor, state)) else (),
    )


# --- grouping by entity terms (databases without meanings) -----------------------------------


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
