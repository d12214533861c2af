"""Walk an input folder: every regular file once, in sorted order, and a report for
every entry that cannot be read.

- Symbolic links are followed, to files and to folders; a folder reached a second
  time (a link back to an ancestor, or two links to one folder) is walked once, so a
  cycle ends and each real file is met once through the folder.
- Named pipes, sockets and devices are reported and never opened (opening a FIFO
  blocks until someone writes to it); so are dangling links, link loops and folders
  that cannot be listed.
- Hidden entries (names starting with ``.``) are skipped, and so is any folder in
  ``exclude`` (the ``--out`` folder, whose files are this run's outputs).

The walk is depth-first with the entries of each folder sorted by name, which is the
order of the paths sorted part by part (``a/b/c`` before ``a/b-c``). An explicit stack
(not recursion) bounds it by the number of distinct folders, however deep the tree.
"""
from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from graphbuild.errors import InputError

log = logging.getLogger(__name__)

FileKey = tuple[int, int]  # (st_dev, st_ino): one real file or folder, whatever the path to it


def file_key(status: os.stat_result) -> FileKey:
    return status.st_dev, status.st_ino


def entry_kind(mode: int) -> str:
    """What a non-regular, non-folder entry is, for a report.

    >>> entry_kind(stat.S_IFIFO)
    'a named pipe (FIFO)'
    """
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return f"a special file (mode {stat.filemode(mode)})"


def stat_entry(path: Path) -> os.stat_result | InputError:
    """``stat`` through links, or the report of why the entry cannot be reached."""
    try:
        return path.stat()
    except OSError as exc:
        return unreachable(path, exc)


def unreachable(path: Path, exc: OSError) -> InputError:
    where = str(path)
    if path.is_symlink():
        if exc.errno == errno.ELOOP:
            return InputError(where, "a file or a folder", "a symbolic link loop")
        if exc.errno == errno.ENOENT:
            return InputError(where, "a file or a folder", f"a dangling symbolic link (to {os.readlink(path)!r})")
    if exc.errno == errno.ENOENT:
        return InputError(where, "a file or a folder", "no such path")
    return InputError(where, "a file or a folder", f"{type(exc).__name__}: {exc.strerror or exc}")


def walk_folder(root: Path, exclude: Iterable[FileKey] = ()) -> Iterator[Path | InputError]:
    """Regular files under ``root`` (through links) and reports, in sorted order."""
    excluded = set(exclude)
    root_status = stat_entry(root)
    if isinstance(root_status, InputError):
        yield root_status
        return
    seen: set[FileKey] = {file_key(root_status)}
    stack: list[Iterator[Path | InputError]] = [_entries(root)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, InputError):
            yield entry
            continue
        if entry.name.startswith("."):
            continue
        status = stat_entry(entry)
        if isinstance(status, InputError):
            yield status
            continue
        if stat.S_ISDIR(status.st_mode):
            key = file_key(status)
            if key in excluded:
                log.info("%s: the output folder; its files are not read as articles", entry)
            elif key in seen:
                log.info("%s: a folder already walked (a link to it or a cycle); walked once", entry)
            else:
                seen.add(key)
                stack.append(_entries(entry))
        elif stat.S_ISREG(status.st_mode):
            yield entry
        else:
            yield InputError(str(entry), "a regular file or a folder", entry_kind(status.st_mode))


def _entries(folder: Path) -> Iterator[Path | InputError]:
    try:
        with os.scandir(folder) as listing:
            names = sorted(item.name for item in listing)
    except OSError as exc:
        yield InputError(str(folder), "a readable folder", f"{type(exc).__name__}: {exc.strerror or exc}")
        return
    for name in names:
        yield folder / name
