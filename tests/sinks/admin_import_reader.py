"""Read neo4j-admin import CSVs the way the importer does, to rebuild the graph.

Written from Neo4j's documentation of ``neo4j-admin database import`` (Operations
Manual: "CSV header format", the import options) and kept apart from
``graphbuild/sinks/admin_csv.py`` on purpose: it checks the writer, so it follows the
importer's rules, not the writer's code. The rules, for the options our command sets
(``--delimiter=, --array-delimiter=U+001F --multiline-fields=true --trim-strings=false
--ignore-empty-strings=false --legacy-style-quoting=false``):

1. Fields are separated by the delimiter; a record ends at a line break outside quotes.
   The first record of a file is its header.
2. A field that starts with ``"`` is quoted: it runs to the next ``"`` that is not
   doubled; ``""`` inside stands for one ``"``; delimiters and line breaks inside are
   text (multi-line fields). A backslash is an ordinary character (no legacy quoting).
3. Any other field runs to the next delimiter or line break, as it is (no trimming).
4. Header fields are ``name:type``. ``:ID`` (its name, when given, also stores the id
   as that property, a string), ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``;
   otherwise a property of the type ``int``, ``long``, ``boolean``, ``string`` (no type:
   string), an array when it ends in ``[]``.
5. An empty unquoted field is no value: no property is stored. A quoted empty field is
   the empty string for a string property (not ignored: ``--ignore-empty-strings=false``).
6. Arrays are split at the array delimiter; an empty field is an empty array, and an
   empty array stores no property. ``boolean`` is true only for the text ``true``;
   ``long``/``int`` are parsed as integers.
7. ``:LABEL`` holds one or more labels separated by the array delimiter.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DELIMITER = ","
ARRAY_DELIMITER = "\x1f"
QUOTE = '"'
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE"}


@dataclass(frozen=True)
class Field:
    text: str
    quoted: bool


def records(text: str, path: Path) -> Iterator[list[Field]]:
    """Rules 1–3: the records of a file, each a list of fields."""
    i, n, line = 0, len(text), 1
    record: list[Field] = []
    while i < n:
        if text[i] == QUOTE:
            j, parts = i + 1, []
            while True:
                k = text.find(QUOTE, j)
                if k < 0:
                    raise ValueError(f"{path}:{line}: expected a closing quote, found the end of the file")
                parts.append(text[j:k])
                if text.startswith(QUOTE * 2, k):
                    parts.append(QUOTE)
                    j = k + 2
                    continue
                j = k + 1
                break
            value = "".join(parts)
            line += value.count("\n")
            record.append(Field(value, True))
            i = j
            if i < n and text[i] not in (DELIMITER, "\n"):
                raise ValueError(f"{path}:{line}: expected a delimiter after a quoted field, found {text[i]!r}")
        else:
            j = i
            while j < n and text[j] not in (DELIMITER, "\n"):
                j += 1
            record.append(Field(text[i:j], False))
            i = j
        if i < n and text[i] == DELIMITER:
            i += 1
            if i == n or text[i] == "\n":  # a delimiter just before the line end: one more empty field
                record.append(Field("", False))
            continue
        yield record  # a line break or the end of the file
        record = []
        i += 1
        line += 1


def _scalar(kind: str, text: str):
    if kind in ("long", "int"):
        return int(text)
    if kind == "boolean":
        return text == "true"
    if kind == "string":
        return text
    raise ValueError(f"expected a type the export uses, found {kind!r}")


def value(kind: str, cell: Field):
    """Rules 5–6: the stored value of a property field, or None for no property."""
    if kind.endswith("[]"):
        if cell.text == "":
            return None  # an empty array: no property
        return [_scalar(kind[:-2], item) for item in cell.text.split(ARRAY_DELIMITER)]
    if cell.text == "":
        return "" if cell.quoted and kind == "string" else None
    return _scalar(kind, cell.text)


@dataclass
class Imported:
    nodes: dict[str, dict] = field(default_factory=dict)  # id -> {"labels": set, "props": {…}}
    relationships: list[tuple[str, str, str, dict]] = field(default_factory=list)  # (start, type, end, props)


def read_import(folder: Path) -> Imported:
    """Every ``*.csv`` of ``folder`` as the importer would store it."""
    imported = Imported()
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:  # line breaks in values stay as written
            rows = records(handle.read(), path)
        header = [(part.partition(":")[0], part.partition(":")[2] or "string") for part in
                  (cell.text for cell in next(rows))]
        for number, row in enumerate(rows, 2):
            if len(row) != len(header):
                raise ValueError(f"{path}: record {number}: expected {len(header)} fields, found {len(row)}")
            props, labels, ids, rel_type = {}, set(), {}, None
            for (name, kind), cell in zip(header, row):
                if kind == "ID":
                    ids["ID"] = cell.text
                    if name:
                        props[name] = cell.text
                elif kind in ("START_ID", "END_ID"):
                    ids[kind] = cell.text
                elif kind == "LABEL":
                    labels.update(cell.text.split(ARRAY_DELIMITER))
                elif kind == "TYPE":
                    rel_type = cell.text
                else:
                    stored = value(kind, cell)
                    if stored is not None:
                        props[name] = stored
            if "ID" in ids:
                if ids["ID"] in imported.nodes:
                    raise ValueError(f"{path}: record {number}: expected ids unique across files, "
                                     f"found {ids['ID']!r} again")
                imported.nodes[ids["ID"]] = {"labels": labels, "props": props}
            else:
                imported.relationships.append((ids["START_ID"], rel_type, ids["END_ID"], props))
    return imported
