"""The gazetteer's stored form: columns and a name index that load without making an object per item.

The index (288k records, 595k name keys) used to be stored as lists and a dict rebuilt at load:
splitting 1.4M strings and hashing 595k keys cost 1.1 s of CPU per process (2.7-5 s wall on the
shared machine). Here a string column is one string and an offsets array (:class:`Strings`), and
the name index a prebuilt open-addressing hash table over the keys (:class:`NameIndex`), all
stored as a few large strings and byte arrays: loading them is a read and a copy (0.25 s CPU
for marshal and unpacking, measured 2026-12 at load 13), and a lookup costs a CRC-32 and a
probe or two (10 us per name with its normalisation, against 7 us for the dict).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Sequence


class Strings(Sequence[str]):
    """A column of strings kept as one string and the offsets of its items, so that loading the
    index makes no per-item object (splitting 1.4M names cost most of the old 1.4 s load)."""

    __slots__ = ("blob", "off")

    def __init__(self, blob: str, off: array) -> None:
        self.blob, self.off = blob, off

    @classmethod
    def of(cls, items: Iterable[str]) -> Strings:
        parts, off, n = [], array("q", [0]), 0
        for x in items:
            parts.append(x)
            n += len(x)
            off.append(n)
        return cls("".join(parts), off)

    def __len__(self) -> int:
        return len(self.off) - 1

    def __getitem__(self, i):  # ints only: no slices
        if i < 0:
            i += len(self)
        return self.blob[self.off[i] : self.off[i + 1]]


def _slot(key: str, mask: int) -> int:
    # a hash that is the same in every process (str's hash is salted per process)
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) & mask


class NameIndex:
    """The name index of a loaded gazetteer: key ``k`` is ``keys[k]``, its postings are
    ``post[off[k]:off[k + 1]]``, and ``table`` is an open-addressing hash table (linear probing,
    CRC-32 of the key) holding ``k + 1`` per used slot. Built at set-up, stored as arrays, so a
    load makes no dict of 600k keys; a lookup costs a CRC and a probe or two. Read-only; answers
    ``get`` like the dict it replaces."""

    __slots__ = ("keys", "off", "post", "table", "mask")

    def __init__(self, keys: Strings, off: array, post: array, table: array) -> None:
        self.keys, self.off, self.post, self.table = keys, off, post, table
        self.mask = len(table) - 1

    @staticmethod
    def hash_table(keys: Sequence[str]) -> array:
        size = 1 << max(4, (2 * len(keys)).bit_length())  # at most half full
        table = array("i", bytes(4 * size))
        mask = size - 1
        for k, key in enumerate(keys):
            i = _slot(key, mask)
            while table[i]:
                i = (i + 1) & mask
            table[i] = k + 1
        return table

    def get(self, key: str, default=None):
        # (the key column read inline, not through Strings.__getitem__, and a slot's key compared
        # only when its length matches: the unknown words of a first-seen article probe 14 Arabic
        # article forms each, so this is the places stage's most frequent call)
        table, mask = self.table, self.mask
        blob, koff = self.keys.blob, self.keys.off
        size = len(key)
        i = zlib.crc32(key.encode("utf-8", "surrogatepass")) & mask  # _slot, inline
        while True:
            k = table[i] - 1
            if k < 0:
                return default
            a = koff[k]
            if koff[k + 1] - a == size and blob[a : a + size] == key:
                return self.post[self.off[k] : self.off[k + 1]]
            i = (i + 1) & mask

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return len(self.keys)

    def items(self):
        for k in range(len(self.keys)):
            yield self.keys[k], self.post[self.off[k] : self.off[k + 1]]
