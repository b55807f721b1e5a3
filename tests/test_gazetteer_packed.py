"""The gazetteer's stored form (places/packed.py) answers as the lists and dict it replaces."""

from __future__ import annotations

import marshal
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from according.places import gazetteer as gz
from according.places.gazetteer import Gazetteer, Rec
from according.places.packed import NameIndex, Strings

names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(names, max_size=40))
def test_strings_column_gives_back_every_item(items):
    col = Strings.of(items)
    assert len(col) == len(items)
    assert [col[i] for i in range(len(items))] == items
    if items:
        assert col[-1] == items[-1]


@settings(max_examples=60)
@given(st.dictionaries(names, st.lists(st.integers(0, 10**6), min_size=1, max_size=4), max_size=60), names)
def test_name_index_answers_like_a_dict(mapping, probe):
    keys = Strings.of(mapping)
    off, post = array("q", [0]), array("q")
    for v in mapping.values():
        post.extend(v)
        off.append(len(post))
    index = NameIndex(keys, off, post, NameIndex.hash_table(keys))
    for key, v in mapping.items():
        assert list(index.get(key)) == v
        assert key in index
    assert (index.get(probe) is None) == (probe not in mapping)
    assert len(index) == len(mapping)
    assert {k: list(v) for k, v in index.items()} == mapping


def _small() -> Gazetteer:
    g = Gazetteer()
    g.add(Rec(1, "Rafah", 31.29, 34.24, "PS", "GZ", 150000, "city", False, None), alternates=["Rafiah"])
    g.add(Rec(2, "Rafah", 31.28, 34.25, "EG", None, 20000, "city"))
    g.add(Rec(None, "Jilib District", None, None, "SO", "MJ", 0, "admin2", False, "JL"))
    g.add(Rec(3, "Kabul", 34.53, 69.17, "AF", "13", 4_400_000, "city", True, None))
    return g


def test_a_stored_gazetteer_loads_with_the_same_records_and_names():
    built = _small()
    loaded = gz._undump(marshal.loads(marshal.dumps(gz._dump(built))))
    assert len(loaded) == len(built)
    for i in range(len(built)):
        assert loaded.rec(i) == built.rec(i)
    for name in ("Rafah", "rafah", "Rafiah", "Jilib District", "Kabul", "Nowhere"):
        assert loaded.lookup(name) == built.lookup(name)
    assert loaded.lookup("Rafiah") == [(0, True)]
    assert loaded.rec(2).lat is None and loaded.rec(2).gid is None
    assert loaded.rec(3).capital and not loaded.rec(0).capital


def test_a_stale_stored_index_is_refused():
    d = gz._dump(_small())
    d["version"] = gz.INDEX_VERSION - 1
    with pytest.raises(ValueError):
        gz._undump(d)


def test_the_cache_keeps_the_most_recently_used_indexes(tmp_path):
    # another checkout's index must survive this one's rebuild, or two versions rebuild in turn
    import os

    paths = [tmp_path / f"gazetteer-{i}.marshal" for i in range(5)]
    for age, path in enumerate(paths):
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 - age * 100, 1_000_000 - age * 100))  # paths[0] newest
    (tmp_path / "unrelated.txt").write_text("kept")
    current = paths[4]  # just written, though its mtime is old here
    gz.prune_cache(current, keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "gazetteer-0.marshal",
        "gazetteer-1.marshal",
        "gazetteer-4.marshal",
        "unrelated.txt",
    ]
    gz.prune_cache(current, keep=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-4.marshal", "unrelated.txt"]


def test_a_name_with_an_arabic_article_is_found_without_it_built_or_loaded():
    from according.places.lookup import lookup_text

    built = Gazetteer()
    built.add(Rec(5, "Al Mukalla", 14.54, 49.12, "YE", "HD", 300000, "city"), alternates=["El-Mukalla"])
    built.add(Rec(6, "Ash Shihr", 14.76, 49.61, "YE", "HD", 50000, "city"))
    built.add(Rec(7, "Zaragoza", 41.65, -0.88, "ES", "AR", 650000, "city"))
    built.add(Rec(8, "Al Sørvåg", 62.07, -7.3, "FO", None, 1000, "city"))
    loaded = gz._undump(marshal.loads(marshal.dumps(gz._dump(built))))
    for g in (built, loaded):
        assert lookup_text(g, "Mukalla") == ([0], {0: False}, False)  # "al mukalla" (before "el mukalla")
        assert lookup_text(g, "Shihr") == ([1], {1: False}, False)
        assert lookup_text(g, "Muka") == ([], {}, False)
        assert lookup_text(g, "Mukallá") == ([0], {0: False}, False)  # accents folded: an ASCII key
        assert lookup_text(g, "Sørvåg") == ([3], {3: False}, False)  # a non-ASCII key: through norm
