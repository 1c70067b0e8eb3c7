"""Resolve a source as written ("des südkoreanischen Geheimdienstes", "Seoul's spy agency",
"Pentagon spokesman Major General Pat Ryder") to one claimant.

Steps: normalise and tokenise (``normalize``), strip cue words and articles at both ends, label
every span by longest match against the gazetteer (alias, country, institution type, title, cue
words), then decide: a person (with the organisation kept as affiliation), a known alias, a
country with an institution type, a bare country (its government), or an unknown name with a
deterministic key. Generic nouns alone ("Behörde", "officials") name nobody: the caller resolves
them in context.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from tracker.claimants.gazetteer import Claimant, data_language
from tracker.claimants.index import Entry, Kind, PhraseIndex, index_for
from tracker.claimants.normalize import (
    SEPARATOR,
    Token,
    norm_word,
    normalize_typography,
    norms,
    slug,
    tokenize,
)
from tracker.lemmas import lemmatize

WORD = None  # label kind of a token the gazetteer does not know
ACRONYM = "acronym"  # label value marking a token defined as an acronym in the text


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a source names. ``claimant`` is a gazetteer id when ``known``; otherwise a
    deterministic key ("person-lee-seong-kwon", "name:institut-fuer-meeresforschung",
    "name:kr:...", "type:ru-intelligence"), or None when the source names nobody by itself."""

    claimant: str | None
    label: str
    person: str | None = None
    affiliation: str | None = None
    known: bool = False
    country: str | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class _Span:
    entry: Entry | None  # None: a word the gazetteer does not know
    tokens: tuple[Token, ...]

    @property
    def kind(self) -> Kind | None:
        return self.entry.kind if self.entry else None


def _strip(tokens: tuple[Token, ...], ix: PhraseIndex) -> tuple[Token, ...]:
    """Drop separators, cue words, articles at both ends ("nach Angaben des", "according to the",
    "..., said")."""
    changed = True
    while tokens and changed:
        changed = False
        while tokens and tokens[0].norm == SEPARATOR:
            tokens, changed = tokens[1:], True
        while tokens and tokens[-1].norm == SEPARATOR:
            tokens, changed = tokens[:-1], True
        for n in range(min(len(tokens), 4), 0, -1):
            if tuple(t.norm for t in tokens[:n]) in ix.leading:
                tokens, changed = tokens[n:], True
                break
        else:
            if _report_compound(tokens, ix):  # "dem Jahresbericht der Krankenkasse"
                tokens, changed = tokens[1:], True
        for n in range(min(len(tokens), 4), 0, -1):
            if tuple(t.norm for t in tokens[-n:]) in ix.trailing:
                tokens, changed = tokens[:-n], True
                break
    return tokens


def _report_compound(tokens: tuple[Token, ...], ix: PhraseIndex) -> bool:
    """ "Jahresbericht der Krankenkasse", "Monatsbericht des Ministeriums": a compound ending in
    a generic noun (a report, a study) before a genitive names its author after it, like the
    plain noun ("Bericht der Krankenkasse")."""
    if len(tokens) < 3 or not tokens[0].norm.endswith(ix.generic_suffixes):
        return False
    link = ix.phrases.get((tokens[1].norm,))
    return link is not None and link.kind == Kind.CONNECTOR and tokens[1].norm not in ix.place_links


def _about(tokens: tuple[Token, ...], ix: PhraseIndex) -> tuple[Token, ...]:
    """ "seine Schätzung für das dritte Quartal", "its forecast for next year": after a generic
    noun a topic link starts what the report is about, which names nobody."""
    for at in range(1, len(tokens) - 1):
        if tokens[at].norm in ix.topic_links:
            entry = ix.phrases.get((tokens[at - 1].norm,))
            if entry is not None and entry.kind == Kind.GENERIC:
                return tokens[:at]
    return tokens


def _split_compound_title(token: Token, ix: PhraseIndex, lang: str) -> list[_Span] | None:
    """German compounds ending in a title: "Pentagonsprecher" -> "Pentagon" + title; ending in
    an official's word only when the part before it names a body ("Geheimdienstvertreter" ->
    "Geheimdienst" + official; not "Geschäftsstelle")."""
    if lang != "de":
        return None
    if token.norm.endswith(ix.title_suffix_words):
        for suffix, entry in ix.title_suffixes:
            if token.norm.endswith(suffix) and len(token.norm) - len(suffix) >= 3:
                return _compound_head(token, suffix, entry, ix, lang) or [_Span(entry, (token,))]
    for suffix, entry in ix.official_suffixes:
        if token.norm.endswith(suffix) and len(token.norm) - len(suffix) >= 3:
            return _compound_head(token, suffix, entry, ix, lang)
    return None


def _compound_head(
    token: Token, suffix: str, entry: Entry, ix: PhraseIndex, lang: str
) -> list[_Span] | None:
    """The body, type or country before ``suffix`` in a German compound, with ``entry``."""
    head = len(token.norm) - len(suffix)
    if token.text[:head].lower() == token.norm[:head]:
        cut = head  # the lemma shortened only the suffix ("...vertreter" -> "...vertret")
    else:
        cut = len(token.text) - len(token.text) * len(suffix) // len(token.norm)
    prefix = token.text[: max(cut, 3)]
    for candidate in (prefix, prefix[:-1] if prefix.endswith("s") else None):
        if candidate:
            found = ix.phrases.get((norm_word(candidate[:1].upper() + candidate[1:], lang),))
            if found and found.kind in (Kind.ALIAS, Kind.TYPE, Kind.COUNTRY, Kind.OFFICIAL):
                return [_Span(found, (token,)), _Span(entry, ())]
    return None


def _label(
    tokens: tuple[Token, ...], ix: PhraseIndex, lang: str, acronyms: frozenset[str]
) -> list[_Span]:
    spans: list[_Span] = []
    i = 0
    while i < len(tokens):
        if tokens[i].norm == SEPARATOR:
            spans.append(_Span(Entry(Kind.CONNECTOR, SEPARATOR, ","), (tokens[i],)))
            i += 1
            continue
        if tokens[i].text in acronyms:
            spans.append(_Span(Entry(Kind.ALIAS, ACRONYM, tokens[i].text), (tokens[i],)))
            i += 1
            continue
        for n in range(min(ix.longest, len(tokens) - i), 0, -1):
            window = tokens[i : i + n]
            if any(t.norm == SEPARATOR for t in window):
                continue
            entry = ix.phrases.get(tuple(t.norm for t in window))
            if entry is not None:
                spans.append(_Span(entry, window))
                i += n
                break
        else:
            spans.extend(_split_compound_title(tokens[i], ix, lang) or [_Span(None, (tokens[i],))])
            i += 1
    return spans


def _written(tokens: tuple[Token, ...] | list[Token]) -> str:
    """The words as written, hyphenated words joined again."""
    words: dict[int, list[str]] = {}
    for t in tokens:
        if t.norm != SEPARATOR:
            words.setdefault(t.word, []).append(t.text)
    return " ".join("-".join(parts) for parts in words.values())


def _common_word(token: Token, ix: PhraseIndex) -> bool:
    """A capitalised word that is no part of a person's name: an inflected adjective or an
    abstract noun by its ending ("Polizeilichen", "Unterrichtung"; four letters or more before
    it, so "Jung" stays a name), or, in a language whose lemmas are cut (``stem_endings``),
    an inflected noun the lemmatizer knows ("Verluste" of "Verlust"; "Grossi" stays)."""
    word = token.text.casefold()
    if any(word.endswith(e) and len(word) - len(e) >= 4 for e in ix.not_name_endings):
        return True
    endings = ix.gazetteer.words["stem_endings"]
    if not endings:
        return False
    lemma = _lemma(token.text, ix.gazetteer.lang)
    return (
        lemma != token.text
        and lemma[:1].isupper()
        and any(token.text == lemma + e for e in endings)
    )


def _voice_word(token: Token, ix: PhraseIndex) -> bool:
    """A word alone that is a kind of voice, not a body's name, in a language whose lemmas are
    cut (``stem_endings``): an inflected common noun ("Mitglieder", "Hydrologen") or a
    compound ending in a generic voice ("Klimaforscher", "Krankenhausmitarbeiter")."""
    if not ix.gazetteer.words["stem_endings"]:
        return False
    if _common_word(token, ix):
        return True
    lemma = _lemma(token.text, ix.gazetteer.lang)
    if lemma != token.text and lemma[:1].isupper() and token.text.startswith(lemma):
        return len(token.text) - len(lemma) <= 2  # "Hydrologen" of "Hydrologe"
    return token.norm.endswith(ix.generic_suffixes) and not token.norm.endswith(ix.org_suffixes)


def _name_run(spans: list[_Span], ix: PhraseIndex) -> list[Token]:
    """The longest run of unknown capitalised words (name particles allowed inside): a person's
    name once titles and organisations are labelled. Ties go to the last run."""
    best: list[Token] = []
    run: list[Token] = []
    for span in [*spans, _Span(Entry(Kind.CONNECTOR, SEPARATOR, ","), ())]:
        token = span.tokens[0] if len(span.tokens) == 1 else None
        is_name = (
            span.kind is WORD
            and token is not None
            and token.capitalized
            and not _common_word(token, ix)
            # "Michael Vale von der Universität Tarn": the body is not part of the name (the
            # word as written: "Tim" is no "Times")
            and token.text.casefold() not in ix.org_words_written
            and not (ix.gazetteer.lang == "de" and token.norm.endswith(ix.org_suffixes))
        )
        # "Dong-hwan": the lower-case part of a hyphenated given name goes with it
        is_name = is_name or (
            span.kind is WORD and token is not None and bool(run) and token.word == run[-1].word
        )
        is_particle = (
            token is not None
            and run
            and token.text.casefold() in ix.name_particles
            and span.kind in (WORD, Kind.CONNECTOR)
        )
        if is_name or is_particle:
            run.append(token)
            continue
        while run and run[-1].text.casefold() in ix.name_particles:
            run.pop()
        if run and len(run) >= len(best):
            best = run
        run = []
    return best


def _many(ix: PhraseIndex, type_id: str) -> bool:
    known = ix.gazetteer.types.get(type_id)
    return known is not None and known.many


def compose(ix: PhraseIndex, country: str, type_id: str) -> Claimant | None:
    """The one claimant of a country and institution type (or a narrower type): the only
    candidate, else the primary one among those of exactly that type, else among all."""
    wanted = ix.gazetteer.narrower_types(type_id)
    candidates = [c for t in wanted for c in ix.by_country_type.get((country, t), ())]
    many = _many(ix, type_id)
    if len(candidates) == 1 and not many:  # the only company the gazetteer knows is not "a company"
        return candidates[0]
    exact = [c for c in candidates if c.type == type_id and c.primary]
    if len(exact) == 1:
        return exact[0]
    primary = [c for c in candidates if c.primary]
    return primary[0] if len(primary) == 1 else None


@dataclass(frozen=True, slots=True)
class _Org:
    claimant: str | None
    known: bool
    country: str | None
    type: str | None
    label: str | None = None


def _org(
    spans: list[_Span],
    ix: PhraseIndex,
    lang: str,
    acronyms: tuple[tuple[str, str], ...],
    exclude: frozenset[int],
) -> _Org | None:
    """The organisation a list of labelled spans names (persons' tokens excluded)."""
    countries = [s.entry.value for s in spans if s.kind == Kind.COUNTRY]
    country = countries[0] if countries else None
    if _anonymous_voice(spans, ix):
        return _Org(None, False, country, None)
    types = [s.entry.value for s in spans if s.kind == Kind.TYPE]
    typed_titles = [s.entry.value for s in spans if s.kind == Kind.TITLE and s.entry.value]
    type_id = types[0] if types else (typed_titles[0] if typed_titles else None)
    aliases = [s for s in spans if s.kind == Kind.ALIAS and id(s) not in exclude]
    for span in _heads_first(aliases, spans):
        if span.entry.value == ACRONYM:
            found = _resolve(dict(acronyms)[span.tokens[0].text], lang, ())
            if found.claimant is not None:
                return _Org(found.claimant, found.known, found.country, found.type, found.label)
            continue
        c = ix.claimant(span.entry.value)
        if c.is_person:
            continue
        if country and c.country and country != c.country:
            other = compose(ix, country, c.type)
            if other is not None:
                return _Org(other.id, True, country, other.type)
        return _Org(c.id, True, c.country, c.type)
    exclude = (
        exclude
        | _trailing_place(spans, ix)
        | _place_adjectives(spans, ix)
        | _inflected_adjectives(spans, ix)
    )
    names = [
        s.tokens[0]
        for s in spans
        if s.kind is WORD and id(s) not in exclude and s.tokens and s.tokens[0].capitalized
    ]
    if names:
        # a role is not part of a body's name: "ein Sprecher des Landratsamts" -> the office
        apposed = _apposed_name(spans, ix, lang, exclude)
        kept = apposed or [
            s for s in spans if s.kind not in (Kind.COUNTRY, Kind.TITLE) and id(s) not in exclude
        ]
        while kept and kept[0].kind == Kind.CONNECTOR:
            kept.pop(0)
        while kept and kept[-1].kind == Kind.CONNECTOR:
            kept.pop()
        words = [t for s in kept for t in s.tokens if t.norm != SEPARATOR]
        if (
            len(words) == 1
            and len(kept) == 1
            and not typed_titles
            and _voice_word(words[0], ix)
            and not (country and _is_org_word(words[0].norm, ix, lang))
        ):
            # "Hydrologen", "Überlebende", "Mitglieder": an inflected common noun, a kind of
            # voice (the caller keeps it to its article), not the name of a body
            return _Org(None, False, country, type_id)
        key = slug([t.norm for t in words])
        if typed_titles and not types:
            # "Der Gouverneur von Bingöl", "the mayor of Karliova": the place's office, not the
            # place (nor every other voice of it)
            key = f"{key}-{typed_titles[0]}"
        if apposed and types and _local(types[0], ix):
            # "Polizei Fürth", "Staatsanwaltschaft Fürth": the town's police and its
            # prosecutors are two voices, not the town
            key = f"{key}-{types[0]}"
        prefix = f"name:{country.lower()}:" if country else "name:"
        return _Org(prefix + key, False, country, type_id, _written(words))
    if type_id and country:
        found = compose(ix, country, type_id)
        if found is not None:
            return _Org(found.id, True, country, found.type)
        if _many(ix, type_id):  # "ein deutsches Unternehmen": which one is for the context to say
            return _Org(None, False, country, type_id)
        return _Org(f"type:{country.lower()}-{type_id}", False, country, type_id)
    if country and _unknown_head(spans):
        return None  # "the Warsaw-based agency": a place names where, the head names no one
    if country:
        found = compose(ix, country, "government")
        if found is not None:
            return _Org(found.id, True, country, found.type)
        return _Org(f"type:{country.lower()}-government", False, country, "government")
    if type_id:
        return _Org(None, False, None, type_id)
    return None


def _anonymous_voice(spans: list[_Span], ix: PhraseIndex) -> bool:
    """ "US officials", "Kiewer Regierungskreisen", "Regierungskreise in Seoul": a head word of
    ``anonymous_voices`` with nothing before it but a country or its government (after a count
    of them: "two US officials") is an unnamed
    insider of the article, not the government ("Pentagon officials" keep the Pentagon)."""
    words = [s for s in spans if s.kind != Kind.CONNECTOR]
    trailing = _trailing_place(spans, ix)
    words = [s for s in words if id(s) not in trailing]
    if not words or not words[-1].tokens or words[-1].tokens[-1].norm not in ix.anonymous_voices:
        return False
    for n, span in enumerate(words[:-1]):
        if span.kind == Kind.COUNTRY:
            continue
        if n == 0 and span.kind is None and _counting(span, ix):
            continue  # "two US officials", "zwei US-Beamte": how many, not who
        if span.kind in (Kind.ALIAS, Kind.TYPE) and _government(span, ix):
            continue
        return False
    return True


def _counting(span: _Span, ix: PhraseIndex) -> bool:
    """A span of counting words only ("two", "mehrere")."""
    return bool(span.tokens) and all(t.norm in ix.counting_words for t in span.tokens)


def _government(span: _Span, ix: PhraseIndex) -> bool:
    """A type or known body that is a country's government ("Ukrainian government")."""
    if span.kind == Kind.TYPE:
        return span.entry.value == "government"
    claimant = ix.gazetteer.claimants.get(span.entry.value)
    return claimant is not None and claimant.type == "government"


# Types of body every town has one of: after such a head a name is the town's
_LOCAL_TYPES = ("police", "prosecutor")


def _local(type_id: str, ix: PhraseIndex) -> bool:
    return any(type_id in ix.gazetteer.narrower_types(t) for t in _LOCAL_TYPES)


def _heads_first(aliases: list[_Span], spans: list[_Span]) -> list[_Span]:
    """Known names in the order to try them: a name that only modifies another word comes last
    ("EU-Klimadienst Copernicus", "the EU's Copernicus service": Copernicus, not the EU)."""
    if len(aliases) < 2:
        return aliases
    named_after: dict[int, bool] = {}  # a written word's last part: is it a name of a body?
    for span in spans:
        for t in span.tokens:
            named_after[t.word] = span.kind not in (Kind.GENERIC, Kind.TITLE, Kind.OFFICIAL)

    def modifier(span: _Span) -> bool:
        # "EU-Klimadienst": the compound goes on with a body's word; "Forsa-Umfrage" names
        # the poll's maker
        last = span.tokens[-1]
        later = any(t.word == last.word and t is not last for s in spans for t in s.tokens)
        return last.possessive or (later and named_after[last.word])

    return sorted(aliases, key=modifier)


def _apposed_name(
    spans: list[_Span], ix: PhraseIndex, lang: str, exclude: frozenset[int]
) -> list[_Span] | None:
    """The name after a description that introduces it ("the energy industry association
    Velora", "state broadcaster XTV", "die Nachrichtenagentur Xinhua"): the capitalised words
    at the end, when the word before them is a type head or a lower-case word. None when the
    name does not end so."""
    content = [s for s in spans if id(s) not in exclude]
    while content and content[-1].kind == Kind.CONNECTOR:
        content.pop()
    end = len(content)
    start = end
    while (
        start > 0
        and content[start - 1].kind is WORD
        and content[start - 1].tokens[0].capitalized
        and not _is_org_word(content[start - 1].tokens[0].norm, ix, lang)
    ):
        start -= 1
    if start in (0, end):
        return None
    head = content[start - 1]
    if head.kind is WORD:
        token = head.tokens[0]
        # a capitalised word before the name is part of it ("Stiftung Warentest", "Kreisverband
        # Nordheide")
        described = not token.capitalized
    else:
        described = head.kind == Kind.TYPE
    return content[start:end] if described else None


def _cut_name(spans: list[_Span], ix: PhraseIndex) -> Claimant | None:
    """The claimant whose name the source ends on, cut at its ellipsis ("die Forscher des
    Bundesverbands der Energie" of "... Energie- und Wasserwirtschaft"); only roles, generic
    words and connectors may stand before it."""
    for start, span in enumerate(spans):
        words = tuple(t.norm for s in spans[start:] for t in s.tokens if t.norm != SEPARATOR)
        found = ix.ellipsis_heads.get(words)
        if found is not None:
            return ix.claimant(found)
        if span.kind not in (Kind.TITLE, Kind.GENERIC, Kind.OFFICIAL, Kind.CONNECTOR):
            return None
    return None


def _place_adjectives(spans: list[_Span], ix: PhraseIndex) -> frozenset[int]:
    """Unknown capitalised words with a place-adjective ending right before an institution type
    ("das Münchner Institut"): where the body sits, not its name."""
    endings = ix.place_adjective_endings
    if not endings:
        return frozenset()
    return _words_before(spans, _DESCRIBED, lambda word: word.endswith(endings))


def _inflected_adjectives(spans: list[_Span], ix: PhraseIndex) -> frozenset[int]:
    """In a language whose adjectives inflect (``not_name_endings``), a capitalised word the
    lemmatizer reads as an adjective right before an institution type ("Der Nationale
    Wetterdienst", "die Staatliche Zivilschutzbehörde"): it describes the body, not names it."""
    if not ix.not_name_endings:
        return frozenset()
    lang = ix.gazetteer.lang
    return _words_before(spans, (Kind.TYPE,), lambda word: _lemma(word, lang).islower())


def _words_before(
    spans: list[_Span], kinds: tuple[Kind, ...], test: Callable[[str], bool]
) -> frozenset[int]:
    """The ids of one-word capitalised spans of unknown words right before a span of one of
    ``kinds``, whose word passes ``test``."""
    return frozenset(
        id(span)
        for span, after in zip(spans, spans[1:], strict=False)
        if span.kind is WORD
        and len(span.tokens) == 1
        and span.tokens[0].capitalized
        and after.kind in kinds
        and test(span.tokens[0].text)
    )


def _lemma(word: str, lang: str) -> str:
    try:
        return lemmatize(word, lang)
    except ValueError:  # a language simplemma does not know
        return word


# Bodies of a town that a text names by their type, never by a generic word for people at work
# ("die Münchner Forscher" are no ministry, company, police or prosecutors of Munich).
_NAMED_BY_TYPE = ("ministry", "company", "police", "prosecutor")

# The heads a place adjective describes: "das Münchner Institut", "die Kieler Forscher", "die
# Wiesbadener Statistiker", "die Nürnberger Behörde".
_DESCRIBED = (Kind.TYPE, Kind.TITLE, Kind.GENERIC, Kind.OFFICIAL)


def _seated(spans: list[_Span], ix: PhraseIndex) -> Claimant | None:
    """The claimant a town names with a description after it ("die Wiesbadener Statistiker" ->
    Destatis, "den Kieler Forschern" -> the Kiel institute): the town's word, then the
    description, and no other name. Among the claimants seated there, the one of the
    description's type (a type head or a typed title), else the only one; none when several
    remain."""
    content = [s for s in spans if s.kind != Kind.CONNECTOR]
    if len(content) != 2 or content[0].kind is not WORD or content[1].kind not in _DESCRIBED:
        return None
    if not content[0].tokens[0].capitalized:
        return None
    return _seated_at(content[0].tokens[0].norm, content[1], ix)


def _seated_at(town: str, described: _Span, ix: PhraseIndex) -> Claimant | None:
    """The claimant seated in ``town`` that the description names (see ``_seated``)."""
    seated = ix.seats.get(town, ())
    if not seated or described.kind not in _DESCRIBED:
        return None
    wanted = described.entry.value if described.kind in (Kind.TYPE, Kind.TITLE) else ""
    candidates = [ix.claimant(c) for c in seated]
    if wanted:
        narrower = ix.gazetteer.narrower_types(wanted)
        candidates = [c for c in candidates if c.type in narrower]
    else:
        # "die Münchner Forscher": a word for people at work there, not a body a text names by
        # its type (a company by its sector: "der Münchner Autobauer")
        # (an official word, "die Wiesbadener Behörde", may be any public body but no company)
        kinds = ("company",) if described.kind == Kind.OFFICIAL else _NAMED_BY_TYPE
        named_by_type = frozenset().union(*(ix.gazetteer.narrower_types(t) for t in kinds))
        candidates = [c for c in candidates if c.type not in named_by_type]
    return candidates[0] if len(candidates) == 1 else None


def _seated_after(spans: list[_Span], ix: PhraseIndex) -> Claimant | None:
    """The claimant a description names with its town after a place link ("das Innenministerium
    in München", "the interior ministry in Munich"): the one of that type seated there."""
    placed = _trailing_place(spans, ix)
    if not placed:
        return None
    town = [s for s in spans if id(s) in placed and s.kind is WORD]
    before = [s for s in spans if id(s) not in placed and s.kind != Kind.CONNECTOR]
    if len(town) != 1 or len(before) != 1 or before[0].kind not in (Kind.TYPE, Kind.TITLE):
        return None
    return _seated_at(town[0].tokens[0].norm, before[0], ix)


def _type_and_town(spans: list[_Span], ix: PhraseIndex, lang: str) -> Claimant | None:
    """ "die Polizeidirektion Leipzig", "Staatsanwaltschaft Köln": any head of a type followed
    by a town names the body the gazetteer knows as the type's label with that town ("Polizei
    Leipzig"), when one of that type is so named."""
    content = [s for s in spans if s.kind != Kind.CONNECTOR]
    if len(content) != 2 or content[0].kind != Kind.TYPE or content[1].kind is not WORD:
        return None
    town = content[1].tokens
    if len(town) != 1 or not town[0].capitalized:
        return None
    wanted = content[0].entry.value if content[0].entry else ""
    label = ix.gazetteer.types.get(wanted)
    if label is None:
        return None
    entry = ix.phrases.get((*norms(label.label, lang), town[0].norm))
    if entry is None or entry.kind != Kind.ALIAS:
        return None
    found = ix.claimant(entry.value)
    return found if found.type in ix.gazetteer.narrower_types(wanted) else None


def _unknown_head(spans: list[_Span]) -> bool:
    """The name ends on a lower-case word the gazetteer does not know ("agency" in "the
    Warsaw-based agency"): a description, not the country's government."""
    last = next((s for s in reversed(spans) if s.kind != Kind.CONNECTOR), None)
    if last is None or last.kind not in (WORD, Kind.GENERIC):
        return False
    return last.kind == Kind.GENERIC or not last.tokens[-1].capitalized


def _trailing_place(spans: list[_Span], ix: PhraseIndex) -> frozenset[int]:
    """The unknown capitalised words after a place link that end a name ("Wetterdienst in
    Offenbach", "the institute in Kiel"): a place where the body sits, not part of its name;
    the link itself goes with them. Several places joined by a connector and a place noun after
    them count too ("local officials in Mus and Bingol provinces"). Empty when the name does not
    end so."""

    def town(at: int) -> bool:
        span = spans[at]
        return span.kind is WORD and bool(span.tokens[:1]) and span.tokens[0].capitalized

    end = len(spans)
    if end >= 2 and spans[-1].kind == Kind.GENERIC and town(end - 2):
        end -= 1  # "... Bingol provinces": the place noun after the towns
    last = end
    while end > 0 and town(end - 1):
        end -= 1
        joined = end >= 2 and spans[end - 1].kind == Kind.CONNECTOR and town(end - 2)
        if joined and spans[end - 1].tokens[0].norm not in ix.place_links:
            end -= 1  # "Mus and Bingol": another town before the connector
    link = end - 1
    if end == last or link < 1:
        return frozenset()
    tokens = spans[link].tokens
    if spans[link].kind != Kind.CONNECTOR or len(tokens) != 1:
        return frozenset()
    if tokens[0].norm not in ix.place_links:
        return frozenset()
    return frozenset(id(s) for s in spans[link:])


def _is_org_word(norm: str, ix: PhraseIndex, lang: str) -> bool:
    """ "Institut", "Bank", and in German compounds ending in one ("Stadtwerke", "Ärztekammer")."""
    if norm in ix.org_words:
        return True
    return lang == "de" and norm.endswith(ix.org_suffixes)


def names_organisation(label: str, lang: str) -> bool:
    """Whether a name holds an organisation word ("Bauernverband Ostholm", "Lakeside Research
    Centre"): an unknown name that is a body, not a person or a thing."""
    data_lang = data_language(lang)
    ix = index_for(data_lang)
    return any(_is_org_word(t.norm, ix, data_lang) for t in tokenize(label, data_lang))


def _leads_place(span: _Span, ix: PhraseIndex) -> bool:
    """A connector ("of") or a name particle ("von") that the name run does not hold."""
    token = span.tokens[0] if len(span.tokens) == 1 else None
    if token is None:
        return False
    if span.kind == Kind.CONNECTOR:
        return token.norm != SEPARATOR  # "Bürgermeister von X, Filippo Mannino": an apposition
    return token.text.casefold() in ix.name_particles


def _names_body(span: _Span, ix: PhraseIndex, lang: str) -> bool:
    """An unknown word that is (or in German ends in) an organisation word: the name after it
    is the body's ("Kreisverband Nordheide", "Universität Tarnow")."""
    return (
        span.kind is WORD
        and len(span.tokens) == 1
        and span.tokens[0].capitalized
        and _is_org_word(span.tokens[0].norm, ix, lang)
    )


def _typed(span: _Span) -> bool:
    """A body's type ("police") or a role typed by one ("police spokesman")."""
    return span.kind == Kind.TYPE or (span.kind == Kind.TITLE and bool(span.entry.value))


def _body_before(spans: list[_Span], run_start: int) -> bool:
    """A single name right after a body of a known type ("der Polizei Gotha") or after a
    capitalised noun that follows an article ("der Landespolizeiinspektion Gotha", "des
    Klinikums Bremen-Mitte"): where the body sits, not a person's name."""
    before = spans[run_start - 1]
    if before.kind == Kind.TYPE:
        return True
    return (
        before.kind is WORD
        and len(before.tokens) == 1
        and before.tokens[0].capitalized
        and spans[run_start - 2].kind == Kind.CONNECTOR
    )


def _ends_on(spans: list[_Span], run: list[Token]) -> bool:
    """Whether no word follows the name run but separators and connectors."""
    last = run[-1] if run else None
    after = False
    for span in spans:
        for token in span.tokens:
            if after and span.kind is WORD:
                return False
            after = after or token is last
    return True


def _person(
    spans: list[_Span], ix: PhraseIndex, lang: str, acronyms: tuple[tuple[str, str], ...]
) -> Resolution | None:
    known = next(
        (
            s
            for s in spans
            if s.kind == Kind.ALIAS
            and s.entry.value != ACRONYM
            and ix.claimant(s.entry.value).is_person
        ),
        None,
    )
    has_title = any(s.kind == Kind.TITLE for s in spans)
    org_positions = [i for i, s in enumerate(spans) if s.kind in (Kind.ALIAS, Kind.COUNTRY)]
    has_org_words = any(
        s.kind == Kind.TYPE or _is_org_word(t.norm, ix, lang) for s in spans for t in s.tokens
    )
    run = _name_run(spans, ix)
    adjectives = _place_adjectives(spans, ix)
    if len(run) == 1 and any(
        s.tokens and s.tokens[0] is run[0] for s in spans if id(s) in adjectives
    ):
        run = []  # "Die Münchner Forscher": where they work, not who they are
    run_ids = {id(t) for t in run}
    exclude = frozenset(id(s) for s in spans if s.tokens and id(s.tokens[0]) in run_ids)
    if known is not None:
        exclude |= {id(known)}
    org = _org(spans, ix, lang, acronyms, exclude)
    if known is not None:
        person = ix.claimant(known.entry.value)
        affiliation = org.claimant if org and org.claimant else person.affiliation
        return Resolution(
            person.id, person.name, person.name, affiliation, True, person.country, person.type
        )
    run_start = next(
        (i for i, s in enumerate(spans) if run and s.tokens and s.tokens[0] is run[0]), -1
    )
    # Without a title, a name counts as a person's only when nothing marks an organisation:
    # "Lee Seong Kwon", or after a named body ("Director of National Intelligence Tulsi Gabbard").
    plain = not has_org_words and 2 <= len(run) <= 4
    if run_start > 0 and _leads_place(spans[run_start - 1], ix):
        return None  # "Der Gouverneur von Bingöl", "governor of Bingol": a place, not a name
    if run_start > 0 and _names_body(spans[run_start - 1], ix, lang):
        return None  # "eine Sprecherin des Kreisverbands Nordheide": the body's name
    one_word = len({t.word for t in run}) == 1  # "Bremen-Mitte" is one word
    if one_word and run_start > 1 and _body_before(spans, run_start):
        return None  # "ein Sprecher der Polizeiinspektion Gotha": the body's seat, no person
    if one_word and run_start + 1 < len(spans) and _typed(spans[run_start + 1]):
        return None  # "a Gotha police spokesman": the town of the police, no person
    after_org = plain and bool(org_positions) and run_start > max(org_positions)
    alone = (
        plain
        and all(s.kind in (WORD, Kind.CONNECTOR) for s in spans)
        # "The Western Balkans route": a thing named after a place, not a person; "TD Cowen":
        # an acronym is no given name
        and _ends_on(spans, run)
        and not any(len(t.text) >= 2 and t.text.isupper() for t in run)
    )
    if run and (has_title or after_org or alone):
        name = _written(run)
        affiliation = org.claimant if org else None
        return Resolution(
            "person-" + slug([t.text for t in run]),
            name,
            name,
            affiliation,
            False,
            org.country if org else None,
            "person",
        )
    return None


@functools.lru_cache(maxsize=65536)
def _resolve(source: str, lang: str, acronyms: tuple[tuple[str, str], ...]) -> Resolution:
    data_lang = data_language(lang)
    ix = index_for(data_lang)
    tokens = _about(_strip(tokenize(source, data_lang), ix), ix)
    located = {t.word for t in tokens if t.norm in ix.place_modifiers}
    towns = [t for t in tokens if t.word in located and t.norm not in ix.place_modifiers]
    if located:  # "the Warsaw-based agency": the place and its modifier name no one
        tokens = tuple(t for t in tokens if t.word not in located)
    spans = _label(tokens, ix, data_lang, frozenset(a for a, _ in acronyms))
    written = _written(tokens)
    cut = _cut_name(spans, ix)
    if cut is not None:  # "Bundesverband der Energie" cut from "... Energie- und ..."
        return Resolution(cut.id, cut.name, None, None, True, cut.country, cut.type)
    seated = _seated(spans, ix)
    described = [s for s in spans if s.kind != Kind.CONNECTOR]
    if seated is None and len(towns) == 1 and len(described) == 1:
        # "the Munich-based institute": the body of that kind seated there
        seated = _seated_at(towns[0].norm, described[0], ix)
    if seated is None:
        seated = _seated_after(spans, ix) or _type_and_town(spans, ix, data_lang)
    if seated is not None:
        return Resolution(seated.id, seated.name, None, None, True, seated.country, seated.type)
    person = _person(spans, ix, data_lang, acronyms)
    if person is not None:
        return person
    org = _org(spans, ix, data_lang, acronyms, frozenset())
    if org is None or org.claimant is None:
        return Resolution(
            None, written or normalize_typography(source).strip(), type=org.type if org else None
        )
    label = ix.claimant(org.claimant).name if org.known else (org.label or written)
    return Resolution(org.claimant, label, None, None, org.known, org.country, org.type)


def resolve(source: str, lang: str, *, acronyms: dict[str, str] | None = None) -> Resolution:
    """Resolve a source as written in a text of language ``lang``. ``acronyms`` are the text's
    own definitions (``find_acronyms``); they win over the gazetteer's aliases. Cached per
    (source, lang, the definitions that occur in the source)."""
    relevant: tuple[tuple[str, str], ...] = ()
    if acronyms:
        relevant = tuple(sorted((a, long) for a, long in acronyms.items() if a in source))
    return _resolve(source, lang, relevant)
