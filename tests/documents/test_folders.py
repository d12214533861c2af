"""Folders: links are followed once, whatever cannot be read is reported (never opened
when opening would block), the --out folder is not read, and each real file is read
once with one id."""
from __future__ import annotations

import contextlib
import os
import socket
import tempfile
from pathlib import Path

import pytest

from graphbuild.documents import Reader
from graphbuild.errors import InputError
from graphbuild.model import Document

NOBODY = 65534


def read(paths, **kwargs):
    reader = Reader(**kwargs)
    items = list(reader.read([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def article(path: Path, text: str = "The ministers met in Tokyo.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_a_symlinked_sub_folder_is_followed_and_its_files_get_ids_by_the_link_path(tmp_path):
    article(tmp_path / "elsewhere" / "x.txt")
    root = tmp_path / "in"
    article(root / "a.txt", "First article.")
    (root / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    docs, errors = read([root])
    assert not errors
    assert [d.id for d in docs] == ["a", "linked/x"]


def test_a_link_cycle_ends_and_each_real_file_is_read_once(tmp_path):
    root = tmp_path / "in"
    article(root / "sub" / "x.txt")
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)  # sub/back/sub/back/... forever
    (root / "sub" / "again").symlink_to(root / "sub", target_is_directory=True)
    (root / "alias.txt").symlink_to(root / "sub" / "x.txt")
    docs, errors = read([root])
    assert not errors
    assert [d.id for d in docs] == ["alias"]  # sorted walk: alias.txt comes before sub/x.txt


def test_dangling_links_and_link_loops_are_reported_and_the_rest_is_read(tmp_path):
    root = tmp_path / "in"
    article(root / "good.txt")
    (root / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    docs, errors = read([root])
    assert [d.id for d in docs] == ["good"]
    assert [str(e) for e in errors] == [
        f"{root / 'gone.txt'}: expected a file or a folder, found a dangling symbolic link (to {str(tmp_path / 'deleted.txt')!r})",
        f"{root / 'loop.txt'}: expected a file or a folder, found a symbolic link loop",
    ]


@pytest.mark.timeout(30)  # opening a FIFO blocks until a writer comes: the reader must never open it
def test_fifos_and_sockets_in_a_folder_are_reported_without_being_opened(tmp_path):
    root = tmp_path / "in"
    article(root / "good.txt")
    os.mkfifo(root / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(root / "server.sock"))
        docs, errors = read([root])
    assert [d.id for d in docs] == ["good"]
    assert [str(e) for e in errors] == [
        f"{root / 'pipe.txt'}: expected a regular file or a folder, found a named pipe (FIFO)",
        f"{root / 'server.sock'}: expected a regular file or a folder, found a socket",
    ]


@pytest.mark.timeout(30)
def test_a_fifo_named_on_the_command_line_is_reported_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    docs, errors = read([tmp_path / "pipe.jsonl"])
    assert not docs
    assert [str(e) for e in errors] == [f"{tmp_path / 'pipe.jsonl'}: expected a file or a folder, found a named pipe (FIFO)"]


@contextlib.contextmanager
def unprivileged():
    """Run the body as a user that permissions apply to. Root reads through chmod 000,
    so as root the effective ids switch to nobody for the body (and back)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture()
def open_folder():
    """A folder every user may enter (pytest's tmp_path is private to its owner)."""
    with tempfile.TemporaryDirectory(prefix="graphbuild-perm-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        yield folder
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_unreadable_sub_folders_and_files_are_reported_and_the_rest_is_read(open_folder):
    root = open_folder / "in"
    for path in (article(root / "a.txt"), article(root / "locked" / "x.txt"), article(root / "secret.txt"),
                 article(root / "z.txt")):
        path.chmod(0o644)
    root.chmod(0o755)
    (root / "locked").chmod(0o000)
    (root / "secret.txt").chmod(0o000)
    with unprivileged():
        docs, errors = read([root])
    assert [d.id for d in docs] == ["a", "z"]
    assert [str(e) for e in errors] == [
        f"{root / 'locked'}: expected a readable folder, found PermissionError: Permission denied",
        f"{root / 'secret.txt'}: expected a readable file, found PermissionError: Permission denied",
    ]


def test_the_out_folder_inside_an_input_folder_is_not_read(tmp_path):
    article(tmp_path / "a.txt")
    out = tmp_path / "out"
    article(out / "merge-log.jsonl", '{"id": "x", "text": "a merge log line, not an article"}\n')
    article(out / "notes.txt")
    reader = Reader(exclude=[out])
    docs = list(reader.read([str(tmp_path)]))
    assert [d.id for d in docs] == ["a"]
    # Named by another spelling of its path, or as the input folder itself: still not read.
    reader = Reader(exclude=[tmp_path / "." / "out"])
    assert [d.id for d in reader.read([str(tmp_path)])] == ["a"]
    items = list(Reader(exclude=[out]).read([str(out)]))
    assert [str(i) for i in items] == [f"{out}: expected a folder of articles, found the --out folder "
                                       "(its files are outputs, not articles)"]


def test_a_folder_and_a_file_in_it_read_the_file_once_with_the_id_of_the_first_path(tmp_path):
    root = tmp_path / "in"
    article(root / "sub" / "x.txt")
    docs, errors = read([root, root / "sub" / "x.txt"])
    assert not errors and [d.id for d in docs] == ["sub/x"]
    docs, errors = read([root / "sub" / "x.txt", root])
    assert not errors and [d.id for d in docs] == ["x"]


def test_the_same_file_by_two_paths_is_read_once(tmp_path):
    path = article(tmp_path / "x.txt")
    (tmp_path / "link.txt").symlink_to(path)
    docs, errors = read([path, tmp_path / "." / "x.txt", tmp_path / "link.txt"])
    assert not errors and [(d.id, d.path) for d in docs] == [("x", str(path))]


def test_different_files_with_the_same_text_are_both_read(tmp_path):
    """Two real files are two inputs; the pipeline then keeps one article per id."""
    docs, errors = read([article(tmp_path / "a" / "x.txt"), article(tmp_path / "b" / "x.txt")])
    assert not errors and [d.id for d in docs] == ["x", "x"] and docs[0].sha256 == docs[1].sha256
