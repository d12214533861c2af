"""Small pure text helpers shared by stages (below every stage, like model.py)."""
from __future__ import annotations

from graphbuild.model import TextSpan


def mask(text: str, spans: tuple[TextSpan, ...]) -> str:
    """Blank out ``spans`` with spaces (line ends ``\\n`` and ``\\r`` kept) so offsets stay valid.

    >>> mask("ab(Photo: X)cd", (TextSpan(2, 12),))
    'ab          cd'
    """
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
