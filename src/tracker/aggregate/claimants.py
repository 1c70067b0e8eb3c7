"""The corpus pass over claimants, user aliases and reviewers' merges and splits.

The extractor gives each claim an in-article claimant key (``store.claims.claimant``: a gazetteer
id such as ``kr-nis``, or a derived key such as ``name:kr:foo-institute``). Across a corpus one
body still shows up under several keys ("KDI" / "Korea Development Institute"), some sources stay
unresolved, and a user or reviewer knows better than the rules. ``resolve_corpus`` computes the
rows of ``store.claimant_groups`` (claimant key -> canonical claimant, label), in this order:

1. a source the extractor left without a claimant is resolved by name (``tracker.claimants``);
2. variants of one claimant are merged across articles and languages (``merge_variants``);
3. user aliases (``data/claimants.toml`` ``[aliases]``, then ``[sources]`` of the quantities file)
   override by name: a name they match belongs to their claimant;
4. reviewers' edits (``store.claimant_edits``) are replayed in order: ``merge`` A into B,
   ``split`` a name out of a claimant into a key of its own, ``undo`` an earlier edit.

A row keyed ``claimant|source as written`` maps one name of a claimant (``|source`` for a claim
without an in-article key); the ``claims`` view prefers it over the claimant's own row. The store
writes the rows (``replace_claimant_groups``, ``write_claimant_edits``); ``tracker claimants`` and
the dashboard call the functions here.
"""

from __future__ import annotations

import functools
import os
import re
import time
import tomllib
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from tracker.aggregate.quantities import QuantityConfig, fold, terms_regex
from tracker.aggregate.summary import refresh_overview
from tracker.claimants import load_all, merge_variants, resolve
from tracker.errors import ConfigError, InputError
from tracker.store import replace_claimant_groups, write_claimant_edits

DEFAULT_CLAIMANTS = Path("data") / "claimants.toml"
ACTIONS = ("merge", "split", "undo")
NAME_SEPARATOR = "|"
_KEY = re.compile(r"^[a-z0-9][a-z0-9:._-]*$")


@dataclass(frozen=True, slots=True)
class ClaimantAlias:
    """Names (folded terms, matched at the start of a word) that mean ``claimant``."""

    claimant: str
    label: str | None
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    """What one corpus pass found: in-article keys, canonical claimants, edits replayed."""

    keys: int
    claimants: int
    rows: int
    edits: int


# --- user aliases ------------------------------------------------------------------------------


def load_claimant_aliases(
    path: str | os.PathLike[str] | None = None, quantities: QuantityConfig | None = None
) -> tuple[ClaimantAlias, ...]:
    """User aliases: ``[aliases."<claimant>"]`` tables of ``path`` (default
    ``data/claimants.toml`` when it exists), then the ``[sources]`` of the quantities file, whose
    names become the gazetteer id they resolve to (else ``alias:<name>``). The first match wins."""
    file = Path(path) if path is not None else (
        DEFAULT_CLAIMANTS if DEFAULT_CLAIMANTS.is_file() else None)
    aliases: list[ClaimantAlias] = []
    if file is not None:
        aliases += parse_claimant_aliases(_read_toml(file), str(file))
    if quantities is not None:
        aliases += [_source_alias(name, terms) for name, terms in quantities.sources.items()]
    return tuple(aliases)


def user_aliases(
    claimants_file: str | os.PathLike[str] | None = None,
    quantities_file: str | os.PathLike[str] | None = None,
) -> tuple[ClaimantAlias, ...]:
    """The aliases in effect: the claimants file's, then the quantities file's ``[sources]``
    (each file given, else its default)."""
    from tracker.aggregate.quantities import load_quantities

    return load_claimant_aliases(claimants_file, load_quantities(quantities_file))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror or err})") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from err


def parse_claimant_aliases(raw: dict[str, Any], where: str) -> list[ClaimantAlias]:
    """``[aliases."kr-nis"]`` with an optional ``label`` and per-language lists of names."""
    unknown = set(raw) - {"aliases"}
    if unknown:
        raise ConfigError(f"{where}: {sorted(unknown)[0]}: unknown key (expected [aliases])")
    table = raw.get("aliases", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: aliases: must be a table")
    out = []
    for key, entry in table.items():
        at = f"{where}: aliases.{key}"
        if not _KEY.match(key):
            raise ConfigError(f"{at}: a claimant key is lower-case letters, digits and : . _ -")
        if not isinstance(entry, dict):
            raise ConfigError(f"{at}: must be a table of label and language = [names]")
        label = entry.get("label")
        if label is not None and (not isinstance(label, str) or not label.strip()):
            raise ConfigError(f"{at}.label: must be a non-empty string")
        terms: list[str] = []
        for lang, names in entry.items():
            if lang == "label":
                continue
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip()
                                                      for n in names):
                raise ConfigError(f"{at}.{lang}: must be a list of non-empty strings")
            terms += [fold(n.strip()) for n in names]
        if not terms:
            raise ConfigError(f"{at}: needs at least one name (en = [...], de = [...])")
        out.append(ClaimantAlias(key, label, tuple(dict.fromkeys(terms))))
    return out


def _source_alias(name: str, terms: tuple[str, ...]) -> ClaimantAlias:
    """A ``[sources]`` entry: its claimant is what its name (or most of its terms) resolves to."""
    found = _resolve_name(name, "en")
    if found is None or not found[1]:
        votes = Counter(r[0] for t in terms for lang in ("en", "de")
                        if (r := _resolve_name(t, lang)) and r[1])
        found = (votes.most_common(1)[0][0], True) if votes else None
    key = found[0] if found else "alias:" + _slug(name)
    return ClaimantAlias(key, name, terms)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "unnamed"


@functools.lru_cache(maxsize=65536)
def _resolve_name(name: str, lang: str) -> tuple[str, bool, str] | None:
    """(claimant key, known to the gazetteer, label) for a source as written, or None."""
    try:
        found = resolve(name, lang if lang in ("de", "en") else "en")
    except Exception:  # noqa: BLE001 - a strange name never stops the pass
        return None
    return (found.claimant, found.known, found.label) if found.claimant else None


@functools.lru_cache(maxsize=16)
def _alias_regexes(aliases: tuple[ClaimantAlias, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(terms_regex(a.terms)) for a in aliases)


def alias_for(name: str, aliases: tuple[ClaimantAlias, ...]) -> ClaimantAlias | None:
    """The first user alias whose terms match ``name``, or None."""
    folded = fold(name)
    for alias, pattern in zip(aliases, _alias_regexes(aliases), strict=True):
        if pattern.search(folded):
            return alias
    return None


# --- the corpus pass ---------------------------------------------------------------------------

PAIRS_SQL = """
    SELECT role, claimant, source, mode(lang) AS lang, count(*) AS claims
    FROM (
        SELECT 'claimant' AS role, c.claimant, c.source, a.lang
        FROM store.claims c JOIN store.articles a USING (article_id)
        WHERE c.claimant IS NOT NULL OR c.source IS NOT NULL
        UNION ALL
        SELECT 'via', c.via, c.via_source, a.lang
        FROM store.claims c JOIN store.articles a USING (article_id)
        WHERE c.via IS NOT NULL
    )
    GROUP BY ALL ORDER BY ALL
"""


def corpus_pairs(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every distinct (role, in-article key, source as written) of the store with its claims."""
    return con.sql(PAIRS_SQL).pl()


def stored_edits(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every reviewer edit of claimants, oldest first."""
    return con.sql("SELECT * FROM store.claimant_edits ORDER BY edited_at, edit_id").pl()


def name_key(claimant: str | None, source: str) -> str:
    """The claimant_groups key of one name of a claimant ("kr-nis|Behörde", "|the agency")."""
    return f"{claimant or ''}{NAME_SEPARATOR}{source}"


class _Groups:
    """Key rows (in-article key -> canonical) and name rows (key|name -> canonical)."""

    def __init__(self, pairs: list[dict[str, Any]]) -> None:
        self.pairs = pairs
        self.keys: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.labels: dict[str, str] = {}

    def canonical(self, pair: dict[str, Any]) -> str | None:
        if pair["role"] == "claimant" and pair["source"] is not None:
            row = self.names.get(name_key(pair["claimant"], pair["source"]))
            if row is not None:
                return row
        key = pair["claimant"]
        return self.keys.get(key, key) if key is not None else None

    def rename(self, old: str, new: str) -> None:
        for rows in (self.keys, self.names):
            for row, canonical in rows.items():
                if canonical == old:
                    rows[row] = new

    def split(self, claimant: str, name: str) -> None:
        new = f"split:{claimant}:{_slug(name)}"
        for pair in self.pairs:
            if pair["role"] == "claimant" and pair["source"] == name \
                    and self.canonical(pair) == claimant:
                self.names[name_key(pair["claimant"], name)] = new
        self.labels[new] = name


def compute_groups(
    pairs: pl.DataFrame,
    aliases: Sequence[ClaimantAlias] = (),
    edits: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The rows of store.claimant_groups (claimant, canonical, label) for ``pairs``
    (``corpus_pairs``), user ``aliases`` and reviewers' ``edits`` (``stored_edits``)."""
    aliases = tuple(aliases)
    rows = list(pairs.iter_rows(named=True))
    groups = _Groups(rows)
    variants: list[tuple[str, str]] = []
    for pair in rows:
        if pair["claimant"] is None and pair["role"] == "claimant":
            found = _resolve_name(pair["source"], pair["lang"] or "en")
            if found is not None:
                groups.names[name_key(None, pair["source"])] = found[0]
                variants += [(found[0], pair["source"])] * pair["claims"]
        elif pair["claimant"] is not None:
            variants += [(pair["claimant"], pair["source"] or "")] * pair["claims"]
    merged = merge_variants(variants)
    groups.keys = {p["claimant"]: merged.get(p["claimant"], p["claimant"])
                   for p in rows if p["claimant"] is not None}
    groups.names = {k: merged.get(v, v) for k, v in groups.names.items()}
    _apply_aliases(groups, aliases)
    if edits is not None:
        _apply_edits(groups, edits)
    return _rows(groups, aliases)


def _apply_aliases(groups: _Groups, aliases: tuple[ClaimantAlias, ...]) -> None:
    if not aliases:
        return
    by_key: dict[str, set[str | None]] = {}
    for pair in groups.pairs:
        if pair["role"] != "claimant" or pair["source"] is None:
            continue
        alias = alias_for(pair["source"], aliases)
        if alias is not None:
            groups.names[name_key(pair["claimant"], pair["source"])] = alias.claimant
        if pair["claimant"] is not None:
            by_key.setdefault(pair["claimant"], set()).add(alias.claimant if alias else None)
    # a key whose every name is one alias's goes with it (its claims without a name too)
    for key, targets in by_key.items():
        if len(targets) == 1 and None not in targets:
            groups.keys[key] = next(iter(targets))  # type: ignore[arg-type]
    for alias in reversed(aliases):  # the first alias of a claimant names it
        if alias.label:
            groups.labels[alias.claimant] = alias.label


def _apply_edits(groups: _Groups, edits: pl.DataFrame) -> None:
    rows = list(edits.iter_rows(named=True))
    undone = {e["target"] for e in rows if e["action"] == "undo"}
    for edit in rows:
        if edit["edit_id"] in undone or edit["action"] == "undo":
            continue
        if edit["action"] == "merge" and edit["target"]:
            groups.rename(edit["claimant"], edit["target"])
        elif edit["action"] == "split" and edit["name"]:
            groups.split(edit["claimant"], edit["name"])


def _rows(groups: _Groups, aliases: tuple[ClaimantAlias, ...]) -> pl.DataFrame:
    names: dict[str, Counter[str]] = {}
    for pair in groups.pairs:
        canonical = groups.canonical(pair)
        if canonical is not None:
            names.setdefault(canonical, Counter())[pair["source"] or ""] += pair["claims"]
    out: list[tuple[str, str, str]] = []
    for key, canonical in sorted(groups.keys.items()):
        out.append((key, canonical, _label(canonical, groups.labels, names)))
    for row, canonical in sorted(groups.names.items()):
        key = row.split(NAME_SEPARATOR, 1)[0]
        if not key or groups.keys.get(key, key) != canonical:
            out.append((row, canonical, _label(canonical, groups.labels, names)))
    return pl.DataFrame(out, schema={"claimant": pl.String, "canonical": pl.String,
                                     "label": pl.String}, orient="row")


def _label(canonical: str, labels: dict[str, str], names: dict[str, Counter[str]]) -> str:
    if canonical in labels:
        return labels[canonical]
    known = gazetteer_label(canonical)
    if known:
        return known
    seen = [(n, c) for n, c in names.get(canonical, Counter()).most_common() if n]
    return seen[0][0] if seen else canonical


@functools.cache
def _gazetteer_names() -> dict[str, str]:
    names: dict[str, str] = {}
    gazetteers = load_all()
    for lang in ("en", *sorted(set(gazetteers) - {"en"})):  # English names first
        if lang in gazetteers:
            for cid, claimant in gazetteers[lang].claimants.items():
                names.setdefault(cid, claimant.name)
    return names


def gazetteer_label(claimant: str) -> str | None:
    """The gazetteer's name of a claimant id (English first), or None for other keys."""
    return _gazetteer_names().get(claimant)


def resolve_corpus(
    con: duckdb.DuckDBPyConnection, aliases: Sequence[ClaimantAlias] = ()
) -> CorpusSummary:
    """Recompute and rewrite store.claimant_groups from the stored claims, ``aliases`` and the
    reviewers' edits (at the end of every ingest, after an edit, and ``tracker claimants
    --resolve`` when aliases changed)."""
    pairs = corpus_pairs(con)
    edits = stored_edits(con)
    rows = compute_groups(pairs, aliases, edits)
    stored = replace_claimant_groups(con, rows)
    refresh_overview(con)  # the voices per quantity follow the claimants
    keys = pairs.filter(pl.col("claimant").is_not_null())["claimant"].n_unique()
    return CorpusSummary(keys=keys, claimants=rows["canonical"].n_unique(), rows=stored,
                         edits=edits.height)


# --- reading claimants, reviewers' edits -------------------------------------------------------

CLAIMANT_COLUMNS = ("claimant", "label", "names", "claims", "outlets", "first_seen", "last_seen")


def claimant_table(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The ``claimants`` view, most claims first."""
    return con.sql("SELECT * FROM claimants ORDER BY claims DESC, claimant").pl()


def _claimant_names(con: duckdb.DuckDBPyConnection, claimant: str) -> list[str] | None:
    found = con.execute("SELECT names FROM claimants WHERE claimant = ?", [claimant]).fetchall()
    return list(found[0][0] or []) if found else None


def merge_claimants(
    con: duckdb.DuckDBPyConnection, claimant: str, target: str, *, note: str | None = None,
    aliases: Sequence[ClaimantAlias] = (),
) -> str:
    """Merge ``claimant`` into ``target`` (both claimants of the store, or ``target`` a
    gazetteer id): a new edit row, then the corpus pass again. Returns the edit's id."""
    where = f"merge of {claimant} into {target}"
    if claimant == target:
        raise InputError(where, "a claimant cannot be merged into itself")
    if _claimant_names(con, claimant) is None:
        raise InputError(where, f"no claimant {claimant!r} (see tracker claimants)")
    if _claimant_names(con, target) is None and gazetteer_label(target) is None:
        raise InputError(where, f"no claimant {target!r} (see tracker claimants)")
    return _edit(con, aliases, action="merge", claimant=claimant, target=target, note=note)


def split_claimant(
    con: duckdb.DuckDBPyConnection, claimant: str, name: str, *, note: str | None = None,
    aliases: Sequence[ClaimantAlias] = (),
) -> str:
    """Split the claims ``claimant`` made under ``name`` (a source as written) into a claimant of
    their own: a new edit row, then the corpus pass again. Returns the edit's id."""
    names = _claimant_names(con, claimant)
    where = f"split of {name!r} from {claimant}"
    if names is None:
        raise InputError(where, f"no claimant {claimant!r} (see tracker claimants)")
    if name not in names:
        raise InputError(where, "not a name of it (its names: " + ", ".join(names[:8]) + ")")
    return _edit(con, aliases, action="split", claimant=claimant, name=name, note=note)


def undo_claimant_edit(
    con: duckdb.DuckDBPyConnection, edit_id: str, *, note: str | None = None,
    aliases: Sequence[ClaimantAlias] = (),
) -> str:
    """Undo an earlier merge or split by a new ``undo`` row; returns the new edit's id."""
    found = con.execute("SELECT claimant, action FROM store.claimant_edits WHERE edit_id = ?",
                        [edit_id]).fetchall()
    if not found or found[0][1] == "undo":
        raise InputError(f"undo of {edit_id}", "no such merge or split")
    return _edit(con, aliases, action="undo", claimant=found[0][0], target=edit_id, note=note)


def _edit(con: duckdb.DuckDBPyConnection, aliases: Iterable[ClaimantAlias], **row: Any) -> str:
    # time first, so edits made in the same microsecond still replay in the order made
    edit_id = f"{time.time_ns():x}{uuid.uuid4().hex[:4]}"
    write_claimant_edits(con, [{**row, "edit_id": edit_id, "note": row.get("note") or None,
                                "edited_at": datetime.now(UTC).replace(tzinfo=None)}])
    resolve_corpus(con, tuple(aliases))
    return edit_id
