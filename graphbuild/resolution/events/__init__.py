"""Event coreference: event mentions → one event per article → one node per real event.

:mod:`.within_article` resolves one article's mentions (spans → entities through
:mod:`.actors`, back-references, the article's claim), :mod:`.across_articles` groups
the articles' events under a :mod:`.policy` (named and swappable; ``"compatible"`` by
default) into nodes with :mod:`.naming` ids.
"""
from graphbuild.resolution.events.across_articles import bind_policy, group_events, merge_events, resolve_events
from graphbuild.resolution.events.naming import event_id, event_name
from graphbuild.resolution.events.policy import (
    DEFAULT_POLICY,
    POLICIES,
    CompatiblePolicy,
    SameEventPolicy,
    StrictPolicy,
    same_event_policy,
)
from graphbuild.resolution.events.within_article import resolve_article_events

__all__ = ["DEFAULT_POLICY", "POLICIES", "CompatiblePolicy", "SameEventPolicy", "StrictPolicy", "bind_policy", "event_id",
           "event_name", "group_events", "merge_events", "resolve_article_events", "resolve_events",
           "same_event_policy"]
