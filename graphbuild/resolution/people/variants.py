"""Full-name variants join into one person (step 1 of :mod:`graphbuild.resolution.people`):
a shorter form, a nickname or a spelling variant, with the evidence a nickname or spelling
join needs; and the name each group of variants goes by."""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence

from graphbuild.model import EntityKind, LocalEntity, Resolved
from graphbuild.resolution.normalize import name_key
from graphbuild.resolution.people.full_names import Person, shown_articles
from graphbuild.resolution.people.spellings import near_spelling, nicknamer, phonetic
from graphbuild.resolution.people.union_find import UnionFind
from graphbuild.rules import EntityRule
from graphbuild.vocabulary import world_given_names

MIN_SPELLING_LETTERS = 10  # "long names only" for spelling variants


def join_variants(people: dict[str, Person], context: dict[str, set[str]]
                   ) -> tuple[UnionFind, dict[str, tuple[EntityRule, str]]]:
    """Union-find of full names that are variants of one another, and for every name
    that is not its group's canonical form, the rule and evidence that joined it.
    ``context``: the entity ids each article mentions (for the evidence a nickname or
    spelling join needs)."""
    groups = UnionFind(people)
    joined: dict[str, tuple[EntityRule, str]] = {}
    buckets: dict[str, list[Person]] = defaultdict(list)
    for person in people.values():
        buckets[phonetic(person.words[-1])].append(person)

    for bucket in buckets.values():
        bucket.sort(key=lambda p: p.id)
        # Buckets hold the names sharing a phonetic surname key: a handful each, so the
        # pairs inside one cost little (the corpus is never compared pairwise).
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if len(a.words) != len(b.words) or a.words == b.words or not _suffixes_agree(a, b):
                    continue
                if _nickname_pair(a, b):
                    found = (EntityRule.PERSON_NICKNAME, f"{a.name!r} and {b.name!r}: nickname of the given name")
                elif _spelling_pair(a, b):
                    found = (EntityRule.PERSON_SPELLING, f"{a.name!r} and {b.name!r}: spelling variants")
                else:
                    continue
                support = _variant_support(a, b, context)
                if support is None:
                    continue
                found = (found[0], f"{found[1]}; {support}")
                groups.union(a.id, b.id)
                joined.setdefault(a.id, found)
                joined.setdefault(b.id, found)
        # Shorter forms join the longer names they are a form of, only when all the
        # longest of those are one person already ("George Bush" with two George Bushes
        # of different initials joins neither).
        for short in bucket:
            longer = [other for other in bucket if other.id != short.id and _shorter_form(short, other)]
            longest = [p for p in longer if not any(_shorter_form(p, q) for q in longer if q.id != p.id)]
            if not longest or len({groups.find(p.id) for p in longest}) != 1:
                continue
            for other in longer:
                groups.union(short.id, other.id)
            joined.setdefault(short.id, (EntityRule.PERSON_SHORTER_NAME,
                                         f"{short.name!r} is a shorter form of {longest[0].name!r}"))
    _join_second_surnames(people, context, groups, joined)
    return groups, joined


def _join_second_surnames(people: dict[str, Person], context: dict[str, set[str]], groups: UnionFind,
                          joined: dict[str, tuple[EntityRule, str]]) -> None:
    """A full name without its last word is the same person when that word is a second
    surname: Spanish and Portuguese names carry the father's and the mother's surname,
    and outlets write both or the first only ("Alvaro Uribe Velez" in one Wikinews
    report, "Colombian President Alvaro Uribe" in another, bench/wikinews-3
    wn3-lula-meets-uribe-leticia; "Felipe González Márquez", "Ricardo Lagos Escobar",
    "Carlos Slim Helú" at https://www.elagora.com.mx/President-Calderon-meets-with,21482.html,
    "Alejandro Poiré Romero" at https://justiceinmexico.org/calderon-meets-with-cia-to-discuss-security-agenda/,
    each written with the first surname only by other outlets). The shorter form ends in a
    surname (a word no given-name list knows: "Mary Ann" is no form of "Mary Ann Smith"),
    exactly one name of the corpus extends it by one word ("Carlos Slim" with "Carlos Slim
    Helú" and "Carlos Slim Domit", father and son, joins neither), and the two have the
    support a spelling join needs (a shared article, office, or co-mentioned entity)."""
    by_words: dict[tuple[str, ...], list[Person]] = defaultdict(list)
    for person in people.values():
        by_words[person.words].append(person)
    extensions: dict[tuple[str, ...], list[Person]] = defaultdict(list)
    for person in people.values():
        if len(person.words) >= 3 and person.suffix is None and not person.family_first:
            extensions[person.words[:-1]].append(person)
    given = world_given_names()
    for words, longer in sorted(extensions.items()):
        shorts = by_words.get(words, [])
        if len(longer) != 1 or len(shorts) != 1 or words[-1] in given or longer[0].words[-1] in given:
            continue
        short, long = shorts[0], longer[0]
        if short.suffix is not None or short.family_first or groups.find(short.id) == groups.find(long.id):
            continue
        support = _variant_support(short, long, context)
        if support is None:
            continue
        groups.union(short.id, long.id)
        joined.setdefault(short.id, (EntityRule.PERSON_WITHOUT_SECOND_SURNAME,
                                     f"{short.name!r} is {long.name!r} without its second surname; {support}"))


def _variant_support(a: Person, b: Person, context: dict[str, set[str]]) -> str | None:
    """What besides the names says two variant names are one person, or None: a shared
    article, a shared office, else entities (not countries, which half the corpus
    mentions) named in the articles of both."""
    both = a.articles & b.articles
    if both:
        return f"both in {shown_articles(both)}"
    offices = a.offices & b.offices
    if offices:
        title, holder = sorted(offices)[0]
        return f"both hold {title} ({holder})"
    # One holds an office of a country or organisation the other's articles name
    # ("Volodymyr Zelenskyy", President of Ukraine in one outlet's report, and "Volodymyr
    # Zelensky" in another's that names Ukraine; see NameIndex._support for single names).
    for one, other in ((a, b), (b, a)):
        named = set().union(*(context.get(article, set()) for article in other.articles))
        held = sorted((title, holder) for title, holder in one.offices if holder in named)
        if held:
            return f"{one.name!r} holds {held[0][0]} ({held[0][1]}), named in the articles of {other.name!r}"

    def around(person: Person) -> set[str]:
        return {eid for article in person.articles for eid in context.get(article, ())
                if not eid.startswith("country:")} - {a.id, b.id}

    shared = around(a) & around(b)
    if shared:
        return f"both articles name {', '.join(sorted(shared)[:4])}"
    return None


def _suffixes_agree(a: Person, b: Person) -> bool:
    return a.suffix is None or b.suffix is None or a.suffix == b.suffix


def _shorter_form(short: Person, long: Person) -> bool:
    """``short`` is ``long`` with words left out: its words appear in order in ``long``
    with the same surname (or are ``long`` without its generational suffix). Words may be
    left out at the front ("Javad Zarif") or in the middle, where only the surname may
    follow ("George Bush" / "George W. Bush"; but "George W. Bush" is no shorter form
    of "George H. W. Bush", nor "George Walker Bush" of "George Herbert Walker Bush"). A
    full word never stands for an initial after a left-out full given name ("Louis Gigante"
    is no form of "Vincent L. Gigante")."""
    if not _suffixes_agree(short, long):
        return False
    if short.words == long.words:
        return short.suffix is None and long.suffix is not None
    if len(short.words) >= len(long.words) or short.words[-1] != long.words[-1]:
        return False
    if long.family_first and not _same_word(short.words[0], long.words[0]):
        return False  # the given names alone of "Ri Jong Chol" (family name first) are no form of it
    positions = []
    position = 0
    for word in short.words:
        while position < len(long.words) and not _same_word(word, long.words[position]):
            position += 1
        if position == len(long.words):
            return False
        positions.append(position)
        position += 1
    if positions[0] > 0 and len(short.words[0]) > 1 and len(long.words[positions[0]]) == 1:
        # The long name writes a full given name first and this one as an initial: its
        # bearer goes by the first. "Louis Gigante", a priest (ECB+ 26_1ecbplus), is no
        # shorter form of his brother "Vincent L. Gigante" (26_6ecbplus); "Mark Felt" of
        # "W. Mark Felt" (28_*) still is (the initial is the left-out word).
        return False
    for j in range(1, len(positions)):
        if positions[j] != positions[j - 1] + 1:
            # A gap: what follows must be the end of the long name and only its surname,
            # with its particles ("da Silva", "al-Assad").
            rest = short.words[j:]
            return len(rest) == len(long.words) - positions[j] and all(w in _particles() for w in rest[:-1])
    return True


@functools.lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Surname particles ("da", "van", "al", "bin"): nameparser's maintained list."""
    from nameparser.config import CONSTANTS

    return frozenset(name_key(p) for p in CONSTANTS.prefixes if name_key(p))


def _same_word(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _nickname_pair(a: Person, b: Person) -> bool:
    if a.words[1:] != b.words[1:]:
        return False
    x, y = a.words[0], b.words[0]
    namer = nicknamer()
    return y in namer.nicknames_of(x) or x in namer.nicknames_of(y) \
        or bool(namer.canonicals_of(x) & ({y} | namer.canonicals_of(y)))


def _spelling_pair(a: Person, b: Person) -> bool:
    if min(len("".join(a.words)), len("".join(b.words))) < MIN_SPELLING_LETTERS:
        return False
    differing = [(x, y) for x, y in zip(a.words, b.words) if x != y]
    return bool(differing) and len(differing) < len(a.words) and all(near_spelling(x, y) for x, y in differing)


def canonical_form(members: list[str], people: dict[str, Person],
               other_names: dict[str, frozenset[str]] | None = None) -> Resolved:
    """The name of a group: no glued word (see :func:`_glued`), then most words (the
    fullest form; an initial is no word: "John Bolton" in two articles over "John R.
    Bolton" in one), then most articles, then with its initials ("George W. Bush" over
    "George Bush"), then the spelling with more accented letters (the more careful
    transliteration: "Luiz Inácio" over "Luis Inacio"), then alphabetical — deterministic."""
    forms = {people[m].words for m in members}
    elsewhere = (other_names or {}).get(members[0], frozenset())
    best = sorted((people[m] for m in members),
                  key=lambda p: (_glued(p, forms, elsewhere), -sum(len(w) > 1 for w in p.words), p.suffix is None,
                                 -len(p.articles),
                                 -len(p.words), -sum(not c.isascii() for c in p.name), p.name))[0]
    # The best form's own id: a common name separated from its namesake keeps its "--" id.
    return Resolved(EntityKind.PERSON, best.id, best.name, EntityRule.PERSON_FULL_NAME)


def _glued(person: Person, forms: set[tuple[str, ...]], elsewhere: frozenset[str]) -> bool:
    """A form that is another form of the same person with one word before it, a word
    that names someone or something else of the corpus: the end of a headline run into
    the first line ("… against Lions and Panthers Reggie Bush's injury-hit season", ECB+
    25_3ecb, where the Panthers are a team; "… that brought down Nixon W. Mark Felt, the
    former FBI official", 28_12ecb, where Nixon is Richard Nixon). Such a form joins its
    person but never names it ("Mohammad Javad Zarif" / "Javad Zarif" still does:
    Mohammad names nobody else)."""
    return len(person.words) >= 3 and person.words[1:] in forms and person.words[0] in elsewhere


def names_of_others(local_entities: Sequence[LocalEntity], people: dict[str, Person],
                 groups: list[list[str]]) -> dict[str, frozenset[str]]:
    """For the first member of each group: the one-word names of the corpus that are not
    this group's — other people's surnames and the names of organisations, places and
    countries (their name keys, also of each word of a name of two words)."""
    things: set[str] = set()
    for local in local_entities:
        if local.resolved.kind is not EntityKind.PERSON:
            words = name_key(local.resolved.name).split()
            if 1 <= len(words) <= 2:
                things.update(words)
            things.update(w for m in local.mentions for w in name_key(m.text).split()[-1:])
    surnames: dict[str, set[int]] = defaultdict(set)
    for number, members in enumerate(groups):
        for m in members:
            surnames[people[m].words[-1]].add(number)
    found: dict[str, frozenset[str]] = {}
    for number, members in enumerate(groups):
        if len(members) < 2:
            continue
        own_surnames = {people[m].words[-1] for m in members}
        found[members[0]] = frozenset(
            w for w in {people[m].words[0] for m in members if len(people[m].words) >= 3}
            if w not in own_surnames and (w in things or surnames.get(w, set()) - {number}))
    return found
