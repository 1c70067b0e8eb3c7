"""Who a source is: each claim's source and relay resolved to one canonical claimant.

The coreference stage of attribution (cue and source are found in ``attribution.py``). Names
resolve with ``tracker.claimants.resolve`` (the text's own acronym definitions win); a mention
that names nobody by itself ("the agency", "die Behörde", "er", "the report") points back to
the nearest compatible mention earlier in the article: a person pronoun to a person, a typed
description ("the ministry") to a claimant of that type, another description to a named
institution, any other pronoun to the nearest mention. A description that points back to
nothing keeps an ``anon-`` key scoped to its article ("anon-analysts:3f9a01c2": the analysts of
two articles are two voices); a pronoun that points back to nothing is no source at all.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from tracker.claimants import compose, find_acronyms, resolve
from tracker.claimants.gazetteer import data_language
from tracker.claimants.index import Kind, index_for
from tracker.claimants.normalize import norms, slug
from tracker.extract.lexicon import Lexicon

ANONYMOUS = "anon-"

# New source mentions (start, as written) of the sentences up to the one holding a position,
# each handed over once: the document is read forward, never again from its start.
Mentions = Callable[[int], list[tuple[int, str]]]


@dataclass(frozen=True, slots=True)
class _Named:
    """A source mention at ``start``: its claimant (``anon-`` when it names nobody itself)."""

    start: int
    claimant: str
    person: bool
    type: str | None
    country: str | None = None
    words: frozenset[str] = frozenset()  # the comparable words of its name
    written: frozenset[str] = frozenset()  # the comparable words as written (roles kept)


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"\s[.!?]|\n")  # reversed text: a mark followed by a space


@functools.cache
def _country_prefixes(data_lang: str) -> frozenset[str]:
    """The first letters of every country word of a language (names, adjectives, capitals)."""
    out: set[str] = set()
    for country in index_for(data_lang).gazetteer.countries.values():
        for word in (*country.names, *country.adjectives, *country.capitals):
            out.update(w[:4].casefold() for w in word.split())
    return frozenset(out)


_POSSESSIVE = re.compile(r"^(.+?)['’]s\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)*)$")
_HOME_ONLY_TYPES = frozenset({"news-agency", "media", "broadcaster"})
_PARTY = "party"  # the claimant type of a political party
_UNKNOWN_NAME = "name:"  # a name the gazetteer does not know ("name:kuki")
SCOPE = ":"  # "anon-analysts:3f9a01c2": an anonymous voice belongs to one article


@functools.lru_cache(maxsize=4096)
def _anonymous(label: str) -> str:
    return ANONYMOUS + (slug(label.split()) or "source")


def article_scope(text: str) -> str:
    """A short, stable digest of an article's text: anonymous voices ("analysts", "the
    officials") of different articles are different voices and never share a key."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def unscoped(key: str) -> str:
    """The kind of an anonymous voice without its article ("anon-analysts")."""
    return key.split(SCOPE, 1)[0] if key.startswith(ANONYMOUS) else key


class Coreference:
    """Claimants of one document. ``mentions(pos)`` gives the source mentions (start, as
    written) of the sentences up to ``pos`` not handed over before: the candidates for pointing
    back, read lazily and resolved once each. Each kind of candidate (any, person, per type,
    named institution) is kept in its own position-sorted list, so finding the nearest one
    before a mention is a binary search and a long document stays linear."""

    def __init__(self, text: str, lex: Lexicon, mentions: Mentions) -> None:
        self.lex, self.mentions = lex, mentions
        self.acronyms = find_acronyms(text) if "(" in text else {}
        self._scope = ""
        self._text = text
        self._lists: dict[str, tuple[list[int], list[_Named]]] = {}

    def _anonymous(self, label: str) -> str:
        if not self._scope:
            self._scope = article_scope(self._text)
        return f"{_anonymous(label)}{SCOPE}{self._scope}"

    def _is_pronoun(self, written: str) -> bool:
        return written.lower() in self.lex.sources.pronouns

    def claimant(self, written: str, start: int, *, points: bool = True) -> str | None:
        """The claimant ``written`` names or points back to; None for a pronoun that points
        back to nothing (no source is better than a wrong one). With ``points`` False (a source
        glued to its cue noun) only an institution type points back ("nach Gewerkschaftsangaben"
        to the union named before); a bare plural ("nach Behördenangaben") is a voice of its own."""
        written = self._possessor(written)
        found = resolve(written, self.lex.code, acronyms=self.acronyms)
        if self._unnamed_spokesperson(written):
            self._read(start)
            body = self._nearest_not_person(start)
            if body is not None:
                return body.claimant
        if found.type == _PARTY and self._party_member(written):
            self._read(start)
            person = self._nearest("person", start)
            if person is not None:
                return person.claimant
        if not points and found.type is None:
            return found.claimant or self._anonymous(found.label)
        pronoun = self._is_pronoun(written)
        described = found.claimant is not None and self._only_describes(written, found.label)
        if found.claimant and found.type and self._umbrella_description(written, found.label):
            # "the U.N. agency said" after "the International Organization for Migration said":
            # the body of that kind named before, not the umbrella it belongs to
            self._read(start)
            same = self._same_type(found.type, start)
            if same is not None and not same.claimant.startswith(ANONYMOUS):
                return same.claimant
        if found.type == "government" and found.country and self._official_described(written):
            # "Die türkische Behörde" after "die Katastrophenschutzbehörde Afad": that body
            self._read(start)
            body = self._body_of_country(found.country, start)
            if body is not None:
                return body.claimant
        if found.claimant and not pronoun and not described:
            if found.claimant.startswith(_UNKNOWN_NAME) and found.type is None:
                person = self._surname_of(written, start)
                if person is not None:
                    return person.claimant
                tail = self._compound_tail(written, start)
                if tail is not None:
                    return tail.claimant
            return found.claimant
        self._read(start)
        back = self._points_to(written, found.type, start)
        if back is None and pronoun:
            return None
        if back is None and found.claimant:
            return found.claimant  # "Der Verband" with nobody before it: a name of its own
        if back is None and self._is_description(written.lower().split()):
            back = self._body_named_before(start, found.type, written.split()[-1])
        if back is None:
            return self._anonymous(found.label)
        self._settle(start, back.claimant)
        return back.claimant

    def _official_described(self, written: str) -> bool:
        """ "die türkische Behörde", "the Kenyan authority": a definite description whose head
        is an official's word (names a country's government only when nothing of that country
        was named before)."""
        words = written.lower().split()
        return (
            len(words) >= 2
            and words[0] in self.lex.sources.pointing_determiners
            and words[-1] in self.lex.sources.pointing_heads
            and self._is_official(written.split()[-1])
        )

    def _body_of_country(self, country: str, start: int) -> _Named | None:
        """The nearest named institution of ``country`` before ``start`` (not its government)."""
        starts, items = self._lists.get("institution", ((), ()))
        for at in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            named = items[at]
            if named.country == country and named.type not in (None, "government"):
                return named
        return None

    def _compound_tail(self, written: str, start: int) -> _Named | None:
        """ "Der Klimadienst" after "des EU-Klimadienstes Copernicus", "das Zentrum" after "des
        Deutschen Krebsforschungszentrums": a definite description of one unknown word points
        back to the named institution before it whose name as written ends in that word."""
        if written.count(" ") != 1:
            return None
        words = written.lower().split()
        if len(words) != 2 or words[0] not in self.lex.sources.pointing_determiners:
            return None
        head = norms(written.split()[-1], data_language(self.lex.code))
        if len(head) != 1 or len(head[0]) < 4:
            return None
        starts, items = self._lists.get("institution", ((), ()))
        for at in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            named = items[at]
            if named.claimant.startswith(ANONYMOUS):
                continue
            if any(w.endswith(head[0]) for w in named.written | named.words):
                return named
        return None

    def _umbrella_description(self, written: str, label: str) -> bool:
        """ "the U.N. agency", "die UN-Organisation": a definite description whose head is no
        word of the name it resolves to (the umbrella named as a modifier)."""
        words = written.lower().split()
        if len(words) < 2 or words[0] not in self.lex.sources.pointing_determiners:
            return False
        head = words[-1].rsplit("-", 1)[-1]
        return head in self.lex.sources.pointing_heads and head not in label.lower()

    def _definite_role(self, words: list[str]) -> bool:
        """One plain role as listed (not a plural: "Analysten" are a voice), alone after a
        definite article or with its article dropped after the cue ("schrieb der General")."""
        if not (
            len(words) == 1
            or len(words) == 2 and words[0] in self.lex.sources.pointing_determiners
        ):
            return False
        data_lang = data_language(self.lex.code)
        head = index_for(data_lang).phrases.get(norms(words[-1], data_lang))
        # a plain role ("der General", "the minister") may be said of whoever was named before;
        # an office of a body ("the governor") is someone else's when nobody held it before
        return head is not None and head.source.casefold() == words[-1] and not head.value

    def _unnamed_spokesperson(self, written: str) -> bool:
        """ "eine Sprecherin sagte", "a spokesman said": a spokesperson of no body named with
        them speaks for the institution named before."""
        words = written.lower().split()
        sources = self.lex.sources
        return bool(words) and (
            words[-1] in sources.spokespeople
            and (len(words) == 1 or len(words) == 2 and words[0] in sources.spokesperson_articles)
        )

    def _party_member(self, written: str) -> bool:
        """ "der SPD-Politiker", "the Labour politician": a definite description of a member of a
        party, which points back to the person named before it."""
        words = written.lower().split()
        described = len(words) >= 2 and words[0] in self.lex.sources.pointing_determiners
        # a source after its cue loses its article ("sagte der SPD-Politiker" -> "SPD-Politiker")
        compound = len(words) == 1 and "-" in words[0]
        return (described or compound) and words[-1].rsplit("-", 1)[
            -1
        ] in self.lex.sources.member_nouns

    def _surname_of(self, written: str, start: int) -> _Named | None:
        """ "erklärte Kukies" after "Finanzminister Jörg Kukies", "Berger said" after "Finance
        minister Anna Berger": a surname alone that names nobody known is the person named in
        full before it in the article."""
        self._read(start)
        return self._named_in_full(written, start)

    def _named_in_full(self, written: str, start: int) -> _Named | None:
        """The person read before ``start`` whose name holds the surname ``written``."""
        words = written.split()
        if len(words) != 1 or not words[0][:1].isupper():
            return None
        wanted = norms(words[0], data_language(self.lex.code))
        if not wanted:
            return None
        starts, items = self._lists.get("person", ((), ()))
        for at in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            named = items[at]
            if len(named.words) > 1 and wanted[-1] in named.words:
                return named
        return None

    def _settle(self, start: int, key: str) -> None:
        """The mention at ``start`` was filed under an anonymous key ("the interior ministry"
        with no country of its own) and now points to ``key`` (Turkey's, from the story): a later
        "the ministry" pointing to it finds that claimant. So does an anonymous voice pointing
        back to a more specific one ("Western officials" ... "The officials said" ... "They
        added"): a later pronoun finds the voice it pointed to."""
        for starts, items in self._lists.values():
            at = bisect.bisect_left(starts, start)
            while at < len(starts) and starts[at] == start:
                if items[at].claimant.startswith(ANONYMOUS):
                    items[at] = replace(items[at], claimant=key)
                at += 1

    def _nearest_with_role(self, role: str, start: int) -> _Named | None:
        wanted = set(norms(role, data_language(self.lex.code)))
        starts, items = self._lists.get("person", ((), ()))
        for at in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            written = items[at].written
            if wanted <= written or all(self._abbreviated(w, written) for w in wanted):
                return items[at]
        return None

    def _abbreviated(self, word: str, written: frozenset[str]) -> bool:
        """``word`` is written, or shortened to a title of three letters or more that opens it
        ("Gov. Oleh Kiper" for "the governor", "Prof." for "the professor")."""
        return word in written or any(
            len(w) >= 3 and word.startswith(w) and self._is_title(w) for w in written
        )

    def _is_title(self, word: str) -> bool:
        data_lang = data_language(self.lex.code)
        head = index_for(data_lang).phrases.get(norms(word, data_lang))
        return head is not None and head.kind == Kind.TITLE

    def _possessor(self, written: str) -> str:
        """ "the institute's weekly bulletin", "the agency's figures": what a body published is
        its voice; the possessor names it (not "the country's health ministry": a body)."""
        m = _POSSESSIVE.match(written) if "s " in written else None
        if m is None:
            return written
        tail = resolve(m.group(2), self.lex.code)
        if tail.claimant is not None or tail.type is not None:
            return written
        data_lang = data_language(self.lex.code)
        head = index_for(data_lang).phrases.get(norms(m.group(2).split()[-1], data_lang))
        if head is not None and head.kind == Kind.TITLE:
            return written  # "Irena Novak, the WHO's regional director": a person's role
        return m.group(1)

    def _only_describes(self, written: str, label: str) -> bool:
        """ "Der Verband", "die Agentur in Warschau", "the Fund": a name made only of a describing
        head (the rules give it a key of its own) points back first to the body it describes."""
        if not label:
            return False
        words = label.lower().split()
        return self._is_description(written.lower().split()) and all(
            w in self.lex.sources.pointing_heads for w in words
        )

    def _read(self, start: int) -> None:
        """Resolve the mentions not read yet and file them by kind."""
        for pos, written in self.mentions(start):
            if self._is_pronoun(written):
                continue
            found = resolve(written, self.lex.code, acronyms=self.acronyms)
            key = found.claimant or self._anonymous(found.label)
            full = None
            if key.startswith(_UNKNOWN_NAME) and found.type is None:
                # "erklärte Kukies": filed as the person named in full before, so a later "er"
                # finds that person and "die Opposition" no body
                full = self._named_in_full(written, pos)
                if full is not None:
                    key = full.claimant
            typed = found.claimant is None and found.type
            if (typed and self._is_description(written.lower().split())) or (
                found.claimant and self._only_describes(written, found.label)
            ):
                # "schrieb das Ministerium" with no claim of its own, "der Fonds" (a name made
                # of a describing head): filed under the body it points back to, so a later
                # "das Ministerium" or "dem Bericht" finds that body
                back = self._points_to(written, found.type, pos)
                if back is not None and not back.claimant.startswith(ANONYMOUS):
                    key = back.claimant
            words = frozenset(norms(found.label, data_language(self.lex.code)))
            written_words = frozenset(norms(written, data_language(self.lex.code)))
            named = _Named(
                pos,
                key,
                found.type == "person" or full is not None,
                found.type,
                found.country,
                words,
                written_words,
            )
            # a news medium's country is its home, not the story's ("the AFP news agency
            # reported, citing the country's health ministry")
            located = found.country and found.type not in _HOME_ONLY_TYPES
            kinds = ["any", "person" if named.person else "", "country" if located else ""]
            kinds.append(f"type:{found.type}" if found.type else "")
            if not named.person and not key.startswith(ANONYMOUS) and found.type != "party":
                # a party is what polls measure: "the agency", "die Behörde" never mean it
                kinds.append("institution")
            for kind in filter(None, kinds):
                starts, items = self._lists.setdefault(kind, ([], []))
                at = bisect.bisect_left(starts, pos)  # of two at one place, the first read wins
                starts.insert(at, pos)
                items.insert(at, named)

    def _nearest(self, kind: str, start: int) -> _Named | None:
        """The nearest mention of ``kind`` before ``start``."""
        starts, items = self._lists.get(kind, ((), ()))
        at = bisect.bisect_left(starts, start)
        return items[at - 1] if at else None

    def _points_to(self, written: str, kind: str | None, start: int) -> _Named | None:
        words = self._before_seat(written.lower().split())
        if words and words[-1] in self.lex.sources.person_pronouns:
            return self._nearest("person", start) or self._nearest("any", start)
        if words and self._is_title(written.split()[-1]):
            # "schrieb der Gouverneur", "the minister said": the person named with that role
            person = self._nearest_with_role(written.split()[-1], start)
            if person is None and self._definite_role(words):
                # "schrieb der General" after "des Oberbefehlshabers Oleksandr Syrskyj": the
                # person named before under another role
                person = self._nearest("person", start)
            if person is not None:
                return person
        if " ".join(words) in self._gazetteer().words["thing_pronouns"]:
            # "it" is no person: "..., Chief executive Roland Busch said. It expects ..." is the
            # company's voice
            return self._nearest_not_person(start)
        if " ".join(words) in self.lex.sources.pronouns:  # "the figures", "dem Bericht"
            return self._nearest("any", start)
        if kind:
            same = self._same_type(kind, start) or self._in_country(kind, start, words[-1])
            if same:
                return same
            if kind != "ministry":
                # "the health ministry" with no health ministry before it is not whichever body
                # came last; "the institute" may still be the last one named "... Institute"
                # (the head as written: a lower-cased German noun lemmatizes as a verb)
                return self._named_like(words, start, written.split()[len(words) - 1])
        if self._is_description(words) and self._is_official(words[-1]):
            # "The official" after "Yonhap, citing a military official": that voice again
            same = self._written_with(words[-1], start)
            if same is not None:
                return same
        if self._is_description(words) and not self._is_pronoun(written):
            # "Die Behörde" after "die Katastrophenschutzbehörde Afad" and a governor: the body
            # whose name ends in the head, else the nearest one
            # (or the unnamed body described before with that head: "the regional civil
            # protection agency" ... "the agency")
            near = self._nearest("institution", start)
            head_word = written.split()[len(words) - 1]  # as written: "Dienst" is no "dienen"
            if near is not None and near.type in _HOME_ONLY_TYPES:
                # "South Korea's spy agency ..., broadcaster KBS reported. The agency also
                # believes": a medium passing a figure on is no "agency" described before it
                return (
                    self._ending_in(head_word, start)
                    or self._written_with(head_word, start)
                    or near
                )
            return self._ending_in(head_word, start) or near or self._written_with(head_word, start)
        if self._is_pronoun(written):
            return self._nearest("institution", start)
        return None

    def _before_seat(self, words: list[str]) -> list[str]:
        """ "das Hilfswerk in Genf": a seat after the head says where the body sits; the
        description ends at its head."""
        links = index_for(data_language(self.lex.code)).place_links
        for at in range(1, len(words) - 1):
            if words[at] in links:
                return words[:at]
        return words

    def _nearest_not_person(self, start: int) -> _Named | None:
        """The nearest mention before ``start`` that is no person."""
        starts, items = self._lists.get("any", ((), ()))
        for at in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            if not items[at].person:
                return items[at]
        return None

    def _is_official(self, word: str) -> bool:
        """ "official", "Beamter": a word for a voice that names nobody by itself."""
        data_lang = data_language(self.lex.code)
        head = index_for(data_lang).phrases.get(norms(word, data_lang))
        return head is not None and head.kind == Kind.OFFICIAL

    def _written_with(self, head_word: str, start: int) -> _Named | None:
        """The nearest mention before ``start`` written with the same head word."""
        head = norms(head_word, data_language(self.lex.code))
        if not head:
            return None
        starts, items = self._lists.get("any", ((), ()))
        for at in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            if head[-1] in items[at].written:
                return items[at]
        return None

    def _ending_in(self, head_word: str, start: int) -> _Named | None:
        head = norms(head_word, data_language(self.lex.code))
        if not head:
            return None
        starts, items = self._lists.get("institution", ((), ()))
        for at in range(bisect.bisect_left(starts, start) - 1, -1, -1):
            if any(w.endswith(head[-1]) for w in items[at].words):
                return items[at]
        return None

    def _named_like(self, words: list[str], start: int, head_word: str) -> _Named | None:
        """The nearest institution before ``start`` whose name holds the description's head
        ("the institute" -> "Robert Koch Institute"), if it is a description at all."""
        near = self._nearest("institution", start)
        if near is None or not self._is_description(words):
            return None
        head = norms(head_word, data_language(self.lex.code))
        if not head:
            return None
        # "die Organisation" -> "Weltgesundheitsorganisation": a compound ending in the head
        return near if any(w.endswith(head[-1]) for w in near.words) else None

    def _is_description(self, words: list[str]) -> bool:
        """ "the agency", "die Behörde", "their study": a definite or possessive determiner, or a
        head that describes an institution ("Behörde" after "nach Angaben der")."""
        sources = self.lex.sources
        return bool(words) and (
            words[0] in sources.pointing_determiners or words[-1] in sources.pointing_heads
        )

    def _same_type(self, kind: str, start: int) -> _Named | None:
        """The nearest mention of type ``kind`` or a narrower one ("the ministry" after "the
        defence ministry")."""
        found = [self._nearest(f"type:{t}", start) for t in self._gazetteer().narrower_types(kind)]
        return max(filter(None, found), key=lambda n: n.start, default=None)

    def _gazetteer(self):  # noqa: ANN202 - the gazetteer of this language's claimant data
        return index_for(data_language(self.lex.code)).gazetteer

    def _country_named_before(self, start: int) -> str | None:
        """The country the text names last before ``start`` (a name, adjective or capital:
        "Turkey", "türkischen", "Ankara") when no source before it has one: the country of
        the story, for "the interior ministry". Only words that may be one are normalised."""
        data_lang = data_language(self.lex.code)
        ix = index_for(data_lang)
        prefixes = _country_prefixes(data_lang)
        words = _WORDS.findall(self._text, max(0, start - 2000), start)
        for i in range(len(words) - 1, -1, -1):
            if words[i][:4].casefold() not in prefixes:
                continue
            for n in (2, 1):
                phrase = " ".join(words[max(0, i - n + 1) : i + 1])
                entry = ix.phrases.get(norms(phrase, data_lang))
                if entry is not None and entry.kind == Kind.COUNTRY:
                    return entry.value
        return None

    def _body_named_before(self, start: int, kind: str | None, head: str) -> _Named | None:
        """A known body the text names before ``start`` without citing it ("NASA's Europa
        Clipper ..., the agency said"): the nearest capitalised alias of a body (of type
        ``kind`` when the description has one, or named with its head: "the institute" and
        "Robert Koch Institute"; no person, no news medium), within the paragraph-sized stretch
        before it. Read only when a description points back to no source mention."""
        data_lang = data_language(self.lex.code)
        ix = index_for(data_lang)
        wanted = self._gazetteer().narrower_types(kind) if kind else None
        head_norm = norms(head, data_lang)[-1:]
        words = _WORDS.findall(self._text, max(0, start - 1500), start)
        for i in range(len(words) - 1, -1, -1):
            if not words[i][:1].isupper():
                continue
            for n in (3, 2, 1):
                if i - n + 1 < 0:
                    continue
                entry = ix.phrases.get(norms(" ".join(words[i - n + 1 : i + 1]), data_lang))
                if entry is None or entry.kind != Kind.ALIAS:
                    continue
                found = ix.claimant(entry.value)
                if found.is_person or found.type in _HOME_ONLY_TYPES:
                    continue
                named = norms(" ".join(words[i - n + 1 : i + 1]), data_lang)
                headed = bool(head_norm) and named[-1].endswith(head_norm[0])
                if wanted is not None and found.type not in wanted and not headed:
                    continue
                return _Named(start, found.id, False, found.type, found.country)
        return None

    def _subject_country(self, start: int) -> str | None:
        """The country whose name opens the sentence holding ``start`` ("Australia has
        pledged ...", "The United States will send ..."), after at most an article; None when
        the sentence opens otherwise or is longer than a sentence's reach."""
        m = _SENTENCE_END.search(self._text[max(0, start - 400) : start][::-1])
        if m is None and start > 400:
            return None
        opening = _WORDS.findall(self._text, start - m.start() if m else 0, start)[:4]
        data_lang = data_language(self.lex.code)
        ix = index_for(data_lang)
        for first in (0, 1):
            for n in (3, 2, 1):
                words = norms(" ".join(opening[first : first + n]), data_lang)
                entry = ix.phrases.get(words)
                if entry is None or entry.kind != Kind.COUNTRY:
                    continue
                # the country's name, not an adjective ("Israeli strikes killed ...")
                known = ix.gazetteer.countries.get(entry.value)
                if known and any(norms(name, data_lang) == words for name in known.names):
                    return entry.value
        return None

    def _in_country(self, kind: str, start: int, head: str = "") -> _Named | None:
        """The institution of type ``kind`` in the country of the nearest mention with one; when
        the country has none of that type, the body the country's adjective and the head name
        ("des Militärgeheimdienstes" after the British defence ministry: "britischer
        Militärgeheimdienst", an alias of the ministry)."""
        data_lang = data_language(self.lex.code)
        ix = index_for(data_lang)
        subject = self._subject_country(start)
        if subject is not None:
            # "Australia has pledged $2 million, Foreign Affairs said": the country opening the
            # source's own sentence speaks through its ministry, not the story's country
            own = compose(ix, subject, kind)
            if own is not None and own.type == kind:
                return _Named(start, own.id, False, own.type, own.country)
        near = self._nearest("country", start)
        country = near.country if near is not None else self._country_named_before(start)
        if country is None:
            return None
        found = compose(ix, country, kind)
        if found is None and head:
            known = ix.gazetteer.countries.get(country)
            for adjective in known.adjectives[:1] if known else ():
                named = resolve(f"{adjective} {head}", self.lex.code)
                if named.known and named.country == country:
                    return _Named(start, named.claimant or "", False, named.type, country)
        if found is None or found.type != kind:
            return None  # "the ministry" in a British story: which of its ministries is unsaid
        return _Named(start, found.id, False, found.type, found.country)


def claimant_type(key: str, written: str, lex: Lexicon) -> str | None:
    """The institution type of a claimant key ("us-usgs" -> "geological-survey",
    "type:jp-weather-service" -> "weather-service"), else of the source as written."""
    known = index_for(data_language(lex.code)).gazetteer.claimants.get(key)
    if known is not None:
        return known.type
    if key.startswith("type:") and "-" in key:
        return key.split("-", 1)[1]
    return resolve(written, lex.code).type


def names_country(written: str, lex: Lexicon) -> bool:
    """``written`` names a country or its capital alone ("Ukraine", "den USA")."""
    data_lang = data_language(lex.code)
    entry = index_for(data_lang).phrases.get(norms(written, data_lang))
    return entry is not None and entry.kind == Kind.COUNTRY


def measured_subject(written: str, lex: Lexicon) -> bool:
    """A subject of a sentence that is what a figure is about, not a voice: a country or its
    capital named alone ("Spain had the highest rate at 11.2%", a place) or a party ("Das
    Bündnis Sahra Wagenknecht läge bei 7 Prozent", what a poll measured)."""
    data_lang = data_language(lex.code)
    entry = index_for(data_lang).phrases.get(norms(written, data_lang))
    if entry is not None and entry.kind == Kind.COUNTRY:
        return True
    return resolve(written, lex.code).type == "party"
