"""Parse-hostile article shapes: ordinary words in shapes that stress the parser and
every walk over its output (noun and colon roots, huge coordinations, thousands of
paragraphs, text without sentence ends, mixed scripts, chains of relative clauses).

Each shape is a function of a size (its unit is in ``SHAPES``) returning the article
text; ``FULL`` gives the sizes the test suite runs (tests/hostile/test_parse_hostile.py)
and bench/bench_scaling.py times each shape at N and 4N. Names are made up from
common given names and surnames, so every one is distinct and looks like a name.
"""
from __future__ import annotations

from collections.abc import Callable

GIVEN = ("James Maria Wei Ahmed Olga Kenji Amara Lucas Fatima Ivan Sofia Hiroshi Chen Aisha Pedro Anna Omar "
         "Elena Raj Ingrid Tomas Mei Yusuf Clara Dmitri Leila Marco Nadia Felix Priya Jonas Hana Diego Zara "
         "Pavel Lina Kwame Rosa Arjun Freya Mateo Yuki Samir Alma Viktor Noor Bruno Ines Tariq Greta").split()
SURNAMES = ("Smith Garcia Wang Khan Petrova Tanaka Okafor Silva Haddad Ivanov Rossi Sato Li Rahman Costa "
            "Berg Mansour Novak Patel Larsen Horvat Zhang Demir Moreau Volkov Nasser Bianchi Kowalski Meyer "
            "Sharma Lindqvist Kim Alvarez Osei Nilsson Santos Ito Aziz Fischer Popescu Suzuki Farah Dubois "
            "Jensen Ortiz Weber Yilmaz Mendes Park Hansen").split()


def name(index: int) -> str:
    """The ``index``-th made-up name, all distinct (a middle initial after the first
    len(GIVEN) * len(SURNAMES))."""
    given, rest = index % len(GIVEN), index // len(GIVEN)
    surname, middle = rest % len(SURNAMES), rest // len(SURNAMES)
    initial = f" {chr(ord('A') + middle % 26)}." if middle else ""
    return f"{GIVEN[given]}{initial} {SURNAMES[surname]}"


def noun_roots(sentences: int) -> str:
    """Sentences whose root is a noun, with dates and names under it (the shape that
    looped forever when a walk up the heads waited for a token to be its own head)."""
    forms = ("A day of talks with {a} and {b}: golf on Friday.", "Talks between {a} and {b} in Tokyo on Monday.",
             "Another round of negotiations with {a} on June 12.", "{a} and {b}: a summit in Geneva next week.",
             "A meeting of {a}, {b} and their advisers, on Tuesday, in Seoul.")
    return " ".join(forms[i % len(forms)].format(a=name(2 * i), b=name(2 * i + 1)) for i in range(sentences))


def colons(count: int) -> str:
    """One sentence of ``count`` colon-separated fragments: names, places, dates."""
    parts = [name(i) if i % 3 == 0 else ("talks in Tokyo" if i % 3 == 1 else "Friday") for i in range(count)]
    return ": ".join(parts) + "."


def name_list(count: int) -> str:
    """One sentence naming ``count`` people."""
    return "The meeting on Friday was attended by " + ", ".join(name(i) for i in range(count)) + "."


def one_line_paragraphs(count: int) -> str:
    """``count`` one-line paragraphs."""
    return "\n\n".join(f"{name(i)} met {name(i + 1)} in Tokyo on Friday." for i in range(count)) + "\n"


def no_punctuation(characters: int) -> str:
    """About ``characters`` characters of words in one paragraph with no sentence end."""
    unit = "minister {a} met {b} in Tokyo and the two discussed trade and the alliance "
    parts, length, i = [], 0, 0
    while length < characters:
        part = unit.format(a=name(i % 2_000), b=name((i + 1) % 2_000))
        parts.append(part)
        length += len(part)
        i += 1
    return "".join(parts)


def mixed_scripts(sentences: int) -> str:
    """News sentences mixed with other scripts, emoji and unusual separators."""
    extras = ("習近平", "김정은", "Путин", "محمد بن سلمان", "नरेन्द्र मोदी", "🇺🇸🤝🇯🇵", "e\u0301", "\u200b", "\u00a0")
    separators = ("\u2028", "\u2029", "\x0b", "\x0c", "\r", "\r\n", "\x85", " ", "\t")
    return "".join(f"{name(i)} met {extras[i % len(extras)]} {name(i + 1)} in Tokyo on Friday."
                   f"{separators[i % len(separators)]}" for i in range(sentences))


def met_chain(links: int) -> str:
    """"A met with B, who met with C, who met with D, …" in one sentence."""
    return name(0) + "".join(f" met with {name(i)}, who" for i in range(1, links)) + f" met with {name(links)}."


def meeting_sentences(count: int) -> str:
    """The issue's scaling article: two sentences per meeting, many meetings."""
    return " ".join(f"{name(i)} met {name(i + 1)} in London on Friday. The two discussed trade and they agreed "
                    f"to meet again." for i in range(count))


#: name → (shape, unit of its size, the size the test suite runs)
SHAPES: dict[str, tuple[Callable[[int], str], str, int]] = {
    "noun roots": (noun_roots, "sentences", 500),
    "colons": (colons, "fragments", 2_000),
    "5,000 names in one sentence": (name_list, "names", 5_000),
    "10,000 one-line paragraphs": (one_line_paragraphs, "paragraphs", 10_000),
    "1 MB without punctuation": (no_punctuation, "characters", 1_000_000),
    "mixed scripts and separators": (mixed_scripts, "sentences", 1_000),
    "a met-with chain": (met_chain, "links", 2_000),
    "meeting sentences": (meeting_sentences, "meetings", 2_000),
}
