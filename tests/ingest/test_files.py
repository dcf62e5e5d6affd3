"""Which files a list of command-line paths stands for."""

from __future__ import annotations

from pathlib import Path

from crosscheck.ingest.files import find_files


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text")


def names(paths, root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_directory_gives_supported_files_recursively_in_sorted_order(tmp_path):
    touch(tmp_path, "b.txt", "a.md", "sub/z.pdf", "sub/deeper/c.HTML", "sub/a.eml", "c.docx")
    assert names(find_files([tmp_path]), tmp_path) == [
        "a.md",
        "b.txt",
        "c.docx",
        "sub/a.eml",
        "sub/deeper/c.HTML",
        "sub/z.pdf",
    ]


def test_hidden_files_and_folders_and_other_suffixes_are_skipped(tmp_path):
    touch(tmp_path, "keep.txt", ".hidden.txt", ".git/notes.md", "image.png", "notes.txt.bak")
    assert names(find_files([str(tmp_path)]), tmp_path) == ["keep.txt"]


def test_a_file_given_is_yielded_even_with_an_unsupported_suffix(tmp_path):
    touch(tmp_path, "sheet.xlsx")
    # Reading it then says why it is not read, instead of it vanishing from the batch.
    assert list(find_files([tmp_path / "sheet.xlsx"])) == [tmp_path / "sheet.xlsx"]


def test_missing_path_is_yielded_for_read_to_report(tmp_path):
    touch(tmp_path, "a.txt")
    missing = tmp_path / "gone.txt"
    assert list(find_files([missing, tmp_path / "a.txt"])) == [missing, tmp_path / "a.txt"]


def test_paths_keep_the_order_given_and_each_file_comes_once(tmp_path):
    touch(tmp_path, "x/1.txt", "x/2.txt", "y/3.txt")
    given = [tmp_path / "y", tmp_path / "x" / "2.txt", tmp_path / "x", tmp_path / "x" / ".." / "y"]
    assert names(find_files(given), tmp_path) == ["y/3.txt", "x/2.txt", "x/1.txt"]


def test_a_generator_of_paths_is_accepted(tmp_path):
    touch(tmp_path, "a.txt", "b.txt")
    assert names(find_files(p for p in [tmp_path / "b.txt", tmp_path / "a.txt"]), tmp_path) == [
        "b.txt",
        "a.txt",
    ]


def test_empty_directory_gives_nothing(tmp_path):
    assert list(find_files([tmp_path])) == []
