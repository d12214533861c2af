"""People across the corpus: one node per person, whichever article and spelling names them.

Runs after the within-article pass (which already tied ``Mattis`` to ``Jim Mattis``
inside one article) and before :func:`merge_entities`. Two steps, each a look-up in an
index of keys, never a comparison of all pairs:

1. **Full-name variants** join into one person (union–find over groups that share a
   surname key or its phonetic key):

   * a shorter form whose words appear in order in a longer name with the same surname
     and whose first word is a word of the longer one — a dropped middle name or
     initial ("George Bush" / "George W. Bush", "Javad Zarif" / "Mohammad Javad Zarif",
     "Lula da Silva" / "Luiz Inácio Lula da Silva"); when the shorter form fits two
     longer names that are not themselves one person ("George Bush": "George W. Bush"
     and "George H. W. Bush") it joins neither;
   * generational suffixes are not words of the name ("Jr.", "III"), but two different
     suffixes never join ("Jr." with "Sr.");
   * a nickname of the given name from the maintained ``nicknames`` package, all other
     words equal ("Bob Menendez" / "Robert Menendez");
   * a spelling variant: as many words, each equal or a near spelling (same first
     letter, same Metaphone key, Levenshtein distance ≤ 1, or ≤ 2 for words of six
     letters or more, and not a different ending vowel: Mario ≠ Maria), on names of at
     least ten letters ("Khaled Mashal" / "Khaled Meshaal", "Fawzi Barhum" / "Fawzi
     Barhoum", "Hilary Clinton" / "Hillary Clinton"). Accents never count
     ("Chávez" = "Chavez": the name key drops them).

   A nickname or spelling join needs evidence beyond the two names, since different
   people bear such pairs: the two forms share an article, an office, or an entity
   mentioned in the articles of both other than a country ("Frank Graham", a father in
   ECB+ 19_3ecbplus, is not "Franklin Graham" of Samaritan's Purse in 41_9ecbplus: they
   share no article, office nor entity; "Hilary Clinton" / "Hillary Clinton" across
   Wikinews articles share the United States' offices and people). A shorter form needs
   no such evidence: its words are all words of the longer name.

2. **Single names** ("Obama", "Castro"), which the within-article pass left scoped to
   their article, join the one person of the corpus whose surname they are — or, for
   names written family name first (the article itself used the first word alone, or
   the given name is hyphenated: "Song Young-moo", "Lee Myung-bak"), whose first word
   they are. When two or more persons could be meant, the article decides: an office
   stated there that one candidate holds elsewhere, else clearly more entities in
   common with that candidate's articles (at least two, and half as many again as any other
   candidate); otherwise the name stays scoped to its article. A given name alone
   ("John") joins only with that article evidence too.

Every decision returns a rule (:class:`graphbuild.rules.EntityRule`) and evidence
strings for the merge log.

The modules, in the order the data flow through them (:func:`resolve_people` runs them):

* :mod:`.common_names` — one common full name in unrelated stories is not one person;
* :mod:`.full_names` — the full names of the corpus (:class:`Person`) and their words;
* :mod:`.spellings` — two spellings of one name word (nicknames, transliterations);
* :mod:`.variants` — full-name variants join into one person, and the group's name;
* :mod:`.single_names` — a single name joins the one person of the corpus it can be;
* :mod:`.senses` — a lone word left a person is the organisation or place its article
  or the corpus names instead;
* :mod:`.resolve` — the steps in order, and :class:`PeopleResolution`.
"""
from graphbuild.resolution.people.full_names import split_name
from graphbuild.resolution.people.resolve import PeopleResolution, resolve_people

__all__ = ["PeopleResolution", "resolve_people", "split_name"]
