"""Scoring quantity assignment and discovery against the gold labels of a bundled story
(``evaluate/quantities/<story>.{toml,jsonl}``, format in its README; issue #11 point 6).

Pure functions over the stored claims: ``tracker eval --quantities`` ingests a story into a
fresh database, assigns it with the bundled definitions and, in a second database without any,
lists the suggested groups; then

- ``match_labels`` finds each gold span among the extracted claims of its article (the
  ``occurrence``-th occurrence of the span in the article's text, whitespace collapsed; the
  claim overlapping it most, each claim used once); the labels of a file whose body is stored
  under another file (one agency copy in two outlets: the store keeps one article per body)
  are set aside as ``copies`` and scored once, with the stored file's labels;
- ``assignment_score``: per claim, the predicted quantity against the gold one (a claim no gold
  span matches counts against precision when it has a quantity; a gold span no claim matches
  counts against recall); micro precision, recall and F1 over the story's quantities;
- ``discovery_score``: for each gold quantity, the suggested group whose claims match its gold
  claims best (F1 over membership; unmatched gold spans count as missed), mean over quantities;
- ``assignment_errors`` / ``discovery_errors``: the claims behind those scores that were wrong,
  for ``tracker eval --quantities --errors``.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent / "quantities"
STORIES = ("nk", "quake")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Story:
    name: str
    keys: tuple[str, ...]
    labels: tuple[dict[str, Any], ...]
    files: tuple[str, ...]  # globs from the checkout


def load_story(name: str) -> Story:
    """A story's gold: quantity keys, labels and file globs."""
    spec = tomllib.loads((HERE / f"{name}.toml").read_text(encoding="utf-8"))
    labels = [json.loads(line) for line in
              (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return Story(name, tuple(q["key"] for q in spec["quantity"]), tuple(labels),
                 tuple(spec["story"]["files"]))


def story_paths(story: Story, root: Path) -> list[Path]:
    """The files of a story in the checkout at ``root``."""
    return sorted({p for pattern in story.files for p in root.glob(pattern)})


def _collapsed(text: str) -> tuple[str, list[int]]:
    """``text`` with every whitespace run as one space, and the original offset of each char."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def _find(body: str, text: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = body.find(text, start + 1)
        if start < 0:
            return -1
    return start


def _batch_line(root: Path, file: str) -> str:
    name, line = file.rsplit("#", 1)
    lines = (root / name).read_text(encoding="utf-8").splitlines()
    return _SPACE.sub(" ", json.loads(lines[int(line) - 1])["text"]).strip()


def _article_for(file: str, articles: pl.DataFrame, root: Path) -> dict[str, Any] | None:
    """The stored article of a label's file (for a batch line: the one with that line's text)."""
    name = file.rsplit("#", 1)[0] if "#" in file else file
    target = (root / name).resolve()
    rows = [r for r in articles.iter_rows(named=True)
            if r["path"] and Path(r["path"]).resolve() == target]
    if "#" in file and rows:
        head = _batch_line(root, file)[:80]
        rows = [r for r in rows if _SPACE.sub(" ", r["text"]).strip().startswith(head)]
    return rows[0] if rows else None


@dataclass
class Matched:
    """Gold labels with the claim each matched (None: no claim found there)."""

    pairs: list[tuple[dict[str, Any], str | None]] = field(default_factory=list)
    extra: set[str] = field(default_factory=set)  # claims of the story's articles no label took
    # labels of a file whose body is stored under another file (an agency copy printed by two
    # outlets is one article: the store keeps one article per body), not scored twice
    copies: list[dict[str, Any]] = field(default_factory=list)


def match_labels(story: Story, articles: pl.DataFrame, claims: pl.DataFrame,
                 root: Path, ids_of: Callable[[Path], set[str]] | None = None) -> Matched:
    """Match gold spans to extracted claims (``articles``: article_id, path, text; ``claims``:
    claim_id, article_id, start, end) by overlap within the same article. ``ids_of`` gives the
    article ids a story file reads as (the caller's reader: evaluate does not import ingest);
    with it, the labels of a file whose body is stored under another file are set aside."""
    by_article = {aid: rows for (aid,), rows in claims.partition_by("article_id", as_dict=True)
                  .items()} if claims.height else {}
    result = Matched()
    used: set[str] = set()
    seen_articles: set[str] = set()
    stored = set(articles["article_id"].to_list()) if articles.height else set()
    copies: dict[str, bool] = {}  # per file: is its body stored under another file?
    for label in story.labels:
        article = _article_for(label["file"], articles, root)
        if article is None and ids_of and label["file"] not in copies:
            copies[label["file"]] = _stored_copy(label["file"], root, stored, ids_of)
        if article is None and copies.get(label["file"]):
            result.copies.append(label)
            continue
        claim_id = None
        if article is not None:
            seen_articles.add(article["article_id"])
            claim_id = _best_claim(label, article, by_article.get(article["article_id"]), used)
        if claim_id:
            used.add(claim_id)
        result.pairs.append((label, claim_id))
    for aid in seen_articles:
        frame = by_article.get(aid)
        if frame is not None:
            result.extra |= set(frame["claim_id"].to_list()) - used
    return result


def _stored_copy(file: str, root: Path, stored: set[str],
                 ids_of: Callable[[Path], set[str]]) -> bool:
    """Is the body of ``file`` (not a batch line) stored, under another file's path?"""
    if "#" in file:
        return False
    return bool(ids_of(root / file) & stored)


def _best_claim(label: dict[str, Any], article: dict[str, Any], claims: pl.DataFrame | None,
                used: set[str]) -> str | None:
    if claims is None:
        return None
    body, where = _collapsed(article["text"])
    text = _SPACE.sub(" ", label["text"]).strip()
    at = _find(body, text, label["occurrence"])
    if at < 0:
        return None
    start, end = where[at], where[at + len(text) - 1] + 1
    best, best_overlap = None, 0
    for claim_id, c_start, c_end in claims.select("claim_id", "start", "end").iter_rows():
        overlap = min(end, c_end) - max(start, c_start)
        if overlap > best_overlap and claim_id not in used:
            best, best_overlap = claim_id, overlap
    return best


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def _score(tp: int, fp: int, fn: int) -> Score:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(round(p, 3), round(r, 3), round(f1, 3), tp, fp, fn)


def assignment_score(matched: Matched, quantity_of: dict[str, str | None]) -> Score:
    """Micro P/R/F1 of predicted quantities (``quantity_of``: claim_id -> quantity)."""
    tp = fp = fn = 0
    for label, claim_id in matched.pairs:
        gold = label["quantity"]
        predicted = quantity_of.get(claim_id) if claim_id else None
        tp += int(gold is not None and predicted == gold)
        fp += int(predicted is not None and predicted != gold)
        fn += int(gold is not None and predicted != gold)
    fp += sum(1 for claim_id in matched.extra if quantity_of.get(claim_id) is not None)
    return _score(tp, fp, fn)


@dataclass(frozen=True)
class Discovery:
    mean_f1: float
    per_quantity: dict[str, tuple[float, str]]  # key -> (best F1, label of that group)


def _gold_members(story: Story, matched: Matched) -> dict[str, set[str]]:
    """Each gold quantity's claims (an unmatched gold span as ``unmatched-<n>``)."""
    gold: dict[str, set[str]] = {key: set() for key in story.keys}
    for n, (label, claim_id) in enumerate(matched.pairs):
        if label["quantity"] in gold:
            gold[label["quantity"]].add(claim_id or f"unmatched-{n}")
    return gold


def _best_group(members: set[str], groups: list[tuple[str, set[str]]]
                ) -> tuple[float, str, set[str]]:
    best: tuple[float, str, set[str]] = (0.0, "", set())
    for label, ids in groups:
        common = len(members & ids)
        f1 = 2 * common / (len(members) + len(ids)) if members or ids else 0.0
        if (round(f1, 3), label) > best[:2]:
            best = (round(f1, 3), label, ids)
    return best


def discovery_score(story: Story, matched: Matched,
                    groups: list[tuple[str, set[str]]]) -> Discovery:
    """Per gold quantity the best group's F1 over membership, and their mean (``groups``:
    label and claim ids of each suggested group)."""
    per: dict[str, tuple[float, str]] = {}
    for key, members in _gold_members(story, matched).items():
        f1, label, _ = _best_group(members, groups)
        per[key] = (f1, label)
    mean = sum(f for f, _ in per.values()) / len(per) if per else 0.0
    return Discovery(round(mean, 3), per)


@dataclass(frozen=True)
class QuantityError:
    """One claim scored wrong: ``kind`` is ``assignment`` (gold and predicted quantity differ),
    ``unmatched`` (no claim found at a gold span), ``extra`` (a claim no label took was given a
    quantity), ``discovery-missed`` (a gold member outside its quantity's best group) or
    ``discovery-extra`` (a member of that group the quantity does not hold)."""

    kind: str
    label: dict[str, Any] | None  # the gold label, when there is one
    claim_id: str | None
    gold: str | None
    found: str | None


def assignment_errors(matched: Matched, quantity_of: dict[str, str | None]) -> list[QuantityError]:
    """Every claim ``assignment_score`` counts against precision or recall."""
    out: list[QuantityError] = []
    for label, claim_id in matched.pairs:
        gold = label["quantity"]
        if claim_id is None:
            if gold is not None:
                out.append(QuantityError("unmatched", label, None, gold, None))
            continue
        predicted = quantity_of.get(claim_id)
        if predicted != gold:
            out.append(QuantityError("assignment", label, claim_id, gold, predicted))
    for claim_id in sorted(matched.extra):
        if quantity_of.get(claim_id) is not None:
            out.append(QuantityError("extra", None, claim_id, None, quantity_of[claim_id]))
    return out


def discovery_errors(story: Story, matched: Matched,
                     groups: list[tuple[str, set[str]]]) -> list[QuantityError]:
    """Per gold quantity, the members its best group misses (``found``: the group a missed claim
    is in, if any) and the claims that group holds beyond it (``found``: the best group's label;
    ``gold``: the quantity an extra member belongs to)."""
    label_of = {claim_id: label for label, claim_id in matched.pairs if claim_id}
    group_of = {claim_id: label for label, ids in groups for claim_id in ids}
    out: list[QuantityError] = []
    for key, members in _gold_members(story, matched).items():
        _, best, ids = _best_group(members, groups)
        ids = ids if best else set()
        for label, claim_id in matched.pairs:
            if label["quantity"] == key and (claim_id is None or claim_id not in ids):
                found = group_of.get(claim_id) if claim_id else None
                out.append(QuantityError("discovery-missed", label, claim_id, key, found))
        for claim_id in sorted(ids - members):
            label = label_of.get(claim_id)
            gold = label["quantity"] if label else None
            out.append(QuantityError("discovery-extra", label, claim_id, gold, best))
    return out
