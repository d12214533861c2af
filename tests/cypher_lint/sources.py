"""Where the Cypher the project ships is: saved Browser queries and Markdown blocks.

Saved queries (``neo4j/queries/*.cypher``) are written for the Neo4j Browser's
multi-statement editor: Browser commands such as ``:param event => null;`` come first,
each ended by ``;``, then one Cypher statement. :func:`browser_file` splits them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
QUERIES = REPO / "neo4j" / "queries"
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

_PARAM = re.compile(r":param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+?)\s*;\s*\Z")
_FENCE = re.compile(r"^```(\S*)\s*$")


@dataclass(frozen=True)
class BrowserFile:
    path: Path
    text: str  # as written (Browser commands included)
    parameters: dict[str, str]  # name -> the Cypher literal its :param line sets
    statement: str  # the Cypher statement, Browser command lines removed


def browser_file(path: Path) -> BrowserFile:
    """Read a saved query. Lines starting with ``:`` are Browser commands; only
    ``:param NAME => VALUE;`` is expected there."""
    text = path.read_text("utf-8")
    parameters: dict[str, str] = {}
    kept = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(":"):
            match = _PARAM.match(line)
            if not match:
                raise ValueError(f"{path}:{number}: expected ':param NAME => VALUE;', found {line!r}")
            parameters[match.group(1)] = match.group(2)
        else:
            kept.append(line)
    return BrowserFile(path, text, parameters, "\n".join(kept).strip())


def saved_queries() -> list[BrowserFile]:
    return [browser_file(path) for path in sorted(QUERIES.glob("*.cypher"))]


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # of the opening fence, counted from 1
    text: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"


def cypher_blocks(paths=DOCS) -> list[Block]:
    """Every fenced ```cypher block of the given Markdown files."""
    blocks = []
    for path in paths:
        lines = path.read_text("utf-8").splitlines()
        start, language = None, ""
        for number, line in enumerate(lines, 1):
            fence = _FENCE.match(line)
            if not fence:
                continue
            if start is None:
                start, language = number, fence.group(1)
            else:
                if language == "cypher":
                    blocks.append(Block(path, start, "\n".join(lines[start:number - 1])))
                start = None
    return blocks


def block_statements(block: Block, known_parameters) -> list[tuple[str, dict]]:
    """The statements of a ```cypher block, each with the parameters it may use.

    Statements end with ``;`` at the end of a line (or at the end of the block); comment
    lines are left out. ``:param NAME => VALUE;`` lines declare NAME for the block; a
    statement may also use the loader's parameters (``known_parameters``) it names."""
    declared: dict[str, str] = {}
    statements, lines = [], []
    for line in block.text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        if stripped.startswith(":"):
            match = _PARAM.match(stripped)
            if not match:
                raise ValueError(f"{block.where}: expected ':param NAME => VALUE;', found {line!r}")
            declared[match.group(1)] = match.group(2)
            continue
        lines.append(line)
        if stripped.endswith(";"):
            statements.append("\n".join(lines).strip().removesuffix(";"))
            lines = []
    if lines:
        statements.append("\n".join(lines).strip())
    out = []
    for text in statements:
        used = parameter_names(text)
        names = sorted((used & set(known_parameters)) | set(declared))
        out.append((text, {name: None for name in names}))
    return out


def parameter_names(text: str) -> set[str]:
    """The ``$names`` a statement uses (outside strings: our statements carry no strings)."""
    return set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))
