"""Specify the cache of derived bytes: a copy of what would be computed again, never trusted when damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nbreport import cache


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    return tmp_path / "c"


def test_what_is_stored_is_read_back_under_its_key_only(folder):
    key, other = cache.digest("a", 1), cache.digest("a", 2)
    cache.store("charts", key, b"picture")
    assert cache.load("charts", key) == b"picture"
    assert cache.load("charts", other) is None


def test_digests_keep_apart_parts_that_join_to_the_same_text():
    assert cache.digest("ab", "c") != cache.digest("a", "bc")
    assert cache.digest(b"x") != cache.digest("x")


@pytest.mark.parametrize("damage", [lambda data: data[:-1], lambda data: data[:-1] + b"!", lambda data: b"", lambda data: b"junk" + data])
def test_a_damaged_entry_reads_as_absent(folder, damage):
    key = cache.digest("chart")
    cache.store("charts", key, b"picture bytes")
    (entry,) = (folder / "charts").iterdir()
    entry.write_bytes(damage(entry.read_bytes()))
    assert cache.load("charts", key) is None


def test_an_entry_copied_under_another_key_reads_as_absent(folder):
    key, other = cache.digest(1), cache.digest(2)
    cache.store("charts", key, b"one")
    (folder / "charts" / key).rename(folder / "charts" / other)
    assert cache.load("charts", other) is None


def test_off_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    cache.store("charts", cache.digest(1), b"x")
    assert cache.cache_dir() is None and cache.load("charts", cache.digest(1)) is None


def test_without_the_variable_the_cache_is_in_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "nbreport"


def test_a_cache_path_that_is_a_file_is_no_error(folder):
    folder.parent.mkdir(exist_ok=True)
    folder.write_text("not a folder")
    cache.store("charts", cache.digest(1), b"x")
    assert cache.load("charts", cache.digest(1)) is None


def test_keys_and_kinds_cannot_name_a_path_outside_the_folder(folder):
    cache.store("../x", cache.digest(1), b"x")
    cache.store("charts", "../" * 20 + "etc", b"x")
    assert not (folder.parent / "x").exists() and not folder.exists()


def test_the_folder_keeps_a_bounded_number_of_entries(folder, monkeypatch):
    monkeypatch.setattr(cache, "_KEPT_PER_KIND", 3)
    keys = [cache.digest(n) for n in range(5)]
    for n, key in enumerate(keys):
        cache.store("charts", key, b"x")
        os.utime(folder / "charts" / key, (n, n))
    assert sorted(p.name for p in (folder / "charts").iterdir()) == sorted(keys[2:])


def test_a_temporary_left_by_a_killed_writer_is_removed_once_stale_and_a_fresh_one_kept(folder):
    cache.store("charts", cache.digest(0), b"x")
    stale, fresh = folder / "charts" / ".stale.tmp", folder / "charts" / ".fresh.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    os.utime(stale, (0, 0))
    cache.store("charts", cache.digest(1), b"y")
    assert not stale.exists() and fresh.exists()
