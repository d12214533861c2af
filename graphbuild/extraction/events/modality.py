"""What a sentence claims about an event: held, planned, cancelled or denied.

Read off the trigger's clause with the cues of ``data/event_modality.jsonl``:

* negation of the trigger or its verbs (``did not meet``, ``did not receive``) → denied;
* a cancelling verb over the event (``the summit was called off``, ``postponed a
  visit``, ``a trip …, which was cancelled``) → cancelled;
* ``will``/``shall``, ``is to meet``, a control verb (``is scheduled to meet``,
  ``expected to travel``, ``plans to hold``, ``set to open``, ``due to meet``,
  ``agreed to meet``), a verb that arranges it (``arrange a meeting``) or a modifier
  (``the planned meeting``, ``a future meet``), a journey's programme in the present
  tense (``whose state trip includes meetings with …``) → planned;
* otherwise held (or taking place).

``future`` says the clause speaks of a time after publication (a weekday then
resolves forward): future auxiliaries and present-tense plans (``is scheduled to
meet``), not past ones (``was scheduled to meet``).
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graphbuild.extraction.events.lexicon import ModalityCue, lexicon
from graphbuild.model import EventStatus

_RANK = {EventStatus.HELD: 0, EventStatus.PLANNED: 1, EventStatus.CANCELLED: 2, EventStatus.DENIED: 3}
NEGATIONS = frozenset({"not", "n't", "never", "no"})


def modality(verbs: Iterable[Token], noun: Token | None) -> tuple[EventStatus, bool]:
    """Status and future of an event told by ``verbs`` (the trigger's clause verbs, or
    those of a noun trigger's verb) and, for a noun trigger, the noun itself."""
    cues = lexicon().cues
    by_relation: dict[str, dict[str, ModalityCue]] = {}
    for cue in cues:
        by_relation.setdefault(cue.relation, {})[cue.cue] = cue
    status, future = EventStatus.HELD, False
    verbs = list(verbs)

    def claim(new: EventStatus, new_future: bool) -> None:
        nonlocal status, future
        if _RANK[new] > _RANK[status]:
            status = new
        future = future or new_future

    for position, verb in enumerate(verbs):
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATIONS) for c in verb.children):
            claim(EventStatus.DENIED, False)
        cue = _governor_cue(verb, by_relation.get("governor", {}))
        if cue is not None and position > 0:
            claim(cue.status, _future(cue, verb))
        elif cue is not None and noun is not None and cue.future is None and _future(cue, verb):
            # a noun's own verb that schedules in the present: "During the trip, President Bush is
            # scheduled to meet with U.S. troops" (wikinews:wn4-bush-urges-palestinian-state);
            # "During his National Assembly speech, Trump is expected to talk about …"
            # (Xinhua, http://www.outlookafghanistan.net/international_detail.php?post_id=19188)
            claim(cue.status, True)
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in by_relation.get("aux", {}):
                cue = by_relation["aux"][child.lower_]
                claim(cue.status, bool(cue.future))
        if position > 0 and verb.tag_ == "VBG" and verb.lemma_ in by_relation.get("be-going-to", {}) and any(
                c.dep_ == "xcomp" and c.i == verbs[position - 1].i for c in verb.children):
            # "is going to meet" (a plan), "was going to visit" (a plan of the past)
            cue = by_relation["be-going-to"][verb.lemma_]
            claim(cue.status, _future(cue, verb))
        if verb.lemma_ == "be" and position > 0 and "be" in by_relation.get("be-to", {}) and any(
                c.dep_ == "xcomp" and c.i == verbs[position - 1].i for c in verb.children):
            cue = by_relation["be-to"]["be"]
            claim(cue.status, bool(cue.future))
    if noun is not None:
        for child in noun.children:
            if child.dep_ in {"amod", "compound"} and child.lower_ in by_relation.get("modifier", {}):
                cue = by_relation["modifier"][child.lower_]
                claim(cue.status, bool(cue.future))
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                claim(EventStatus.DENIED, False)
        for governor in _governors(noun):
            cue = _governor_cue(governor, by_relation.get("governor", {}))
            if cue is not None:
                claim(cue.status, _future(cue, governor))
            # "whose state trip includes meetings with …": a programme told in the present is
            # to come; "which also included a meeting" was held
            cue = by_relation.get("present-governor", {}).get(governor.lemma_)
            if cue is not None and _future(cue, governor):
                claim(cue.status, True)
        if noun.dep_ == "nsubj" and noun.head.i != noun.i:  # "the conference will meet", "the summit will open"
            for child in noun.head.children:
                if child.dep_ == "aux" and child.lower_ in by_relation.get("aux", {}):
                    cue = by_relation["aux"][child.lower_]
                    claim(cue.status, bool(cue.future))
    return status, future


def _governor_cue(verb: Token, cues: dict[str, ModalityCue]) -> ModalityCue | None:
    if verb.lemma_ == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return cues.get("call off")
    return cues.get(verb.lemma_) or cues.get(verb.lower_)


def _governors(noun: Token) -> list[Token]:
    """Verbs that act on the event noun: its verb when it is the object or passive
    subject (``arrange a meeting``, ``the summit was called off``), the verb of a
    ``to`` phrase (``agreed to a future meet``), a relative clause on it or on the place
    it goes to (``a trip to Warsaw, which was cancelled``)."""
    found = []
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.i != noun.i:
        found.append(head)
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.i != head.i:
        found.append(head.head)
    for holder in [noun, *[o for p in noun.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]]:
        # not a where-clause: it tells what happened at the event, not the event's fate ("November's
        # conference in Annapolis, Maryland where … Olmert and … Abbas agreed to begin regular talks",
        # wikinews:wn4-bush-urges-palestinian-state; "an AU summit where on Sunday … Buhari … and …
        # Talon signed", wikinews:wn-afcfta-niamey-summit; "the Group of 20 summit in Bali, where
        # negotiators overcame deep divisions … to reach agreement",
        # https://theglobalherald.com/news/biden-xi-meet-at-g-20-in-bali-in-first-in-person-talks-since-pandemic/)
        found.extend(c for c in holder.children if c.dep_ == "relcl" and not _where_clause(c))
    return found


def _where_clause(clause: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)


def _future(cue: ModalityCue, verb: Token) -> bool:
    if cue.future is not None:
        return cue.future
    tokens = [verb, *[c for c in verb.children if c.dep_ in {"aux", "auxpass"}]]
    if any(t.lower_ in {"will", "shall", "'ll"} for t in tokens):
        return True
    tenses = [t.morph.get("Tense") for t in tokens if t.pos_ in {"AUX", "VERB", "ADJ"} and t.morph.get("VerbForm") != ["Part"]]
    if any("Past" in tense for tense in tenses):
        return False
    if verb.pos_ == "ADJ":  # "due to meet": the copula says
        copula = [c for c in verb.head.children if c.dep_ in {"aux", "cop"}] if verb.dep_ != "ROOT" else []
        return not any("Past" in c.morph.get("Tense") for c in copula)
    return any("Pres" in tense for tense in tenses) or verb.tag_ in {"VBP", "VBZ"}
