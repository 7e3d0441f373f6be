#!/usr/bin/env python3
"""Converts wordfreq's English frequency list into kotoba-terms' background list.

Usage: wordfreq_en.py WHEEL OUT [N]

WHEEL is the wordfreq wheel (`pip download --no-deps wordfreq`); OUT gets the
N (default 100000) most frequent alphabetic words of `large_en.msgpack.gz`, one
`word<TAB>zipf` line each (Zipf = log10 of frequency per billion words).
Standard library only: the msgpack subset wordfreq uses is decoded here.
"""

import gzip
import struct
import sys
import zipfile


def unpack(buf, at=0):
    """Decodes one msgpack value at `at`; returns (value, next offset)."""
    b = buf[at]
    at += 1
    if b <= 0x7F:
        return b, at
    if 0x80 <= b <= 0x8F:
        return unpack_map(buf, at, b & 0x0F)
    if 0x90 <= b <= 0x9F:
        return unpack_array(buf, at, b & 0x0F)
    if 0xA0 <= b <= 0xBF:
        n = b & 0x1F
        return buf[at:at + n].decode("utf-8"), at + n
    if b >= 0xE0:
        return b - 0x100, at
    fixed = {
        0xC0: (None, 0), 0xC2: (False, 0), 0xC3: (True, 0),
    }
    if b in fixed:
        return fixed[b][0], at
    ints = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q",
            0xD0: ">b", 0xD1: ">h", 0xD2: ">i", 0xD3: ">q",
            0xCA: ">f", 0xCB: ">d"}
    if b in ints:
        fmt = ints[b]
        size = struct.calcsize(fmt)
        return struct.unpack_from(fmt, buf, at)[0], at + size
    strs = {0xD9: ">B", 0xDA: ">H", 0xDB: ">I", 0xC4: ">B", 0xC5: ">H", 0xC6: ">I"}
    if b in strs:
        fmt = strs[b]
        size = struct.calcsize(fmt)
        n = struct.unpack_from(fmt, buf, at)[0]
        at += size
        raw = buf[at:at + n]
        return (raw.decode("utf-8") if b >= 0xD9 else raw), at + n
    if b in (0xDC, 0xDD):
        fmt = ">H" if b == 0xDC else ">I"
        n = struct.unpack_from(fmt, buf, at)[0]
        return unpack_array(buf, at + struct.calcsize(fmt), n)
    if b in (0xDE, 0xDF):
        fmt = ">H" if b == 0xDE else ">I"
        n = struct.unpack_from(fmt, buf, at)[0]
        return unpack_map(buf, at + struct.calcsize(fmt), n)
    raise ValueError(f"unsupported msgpack byte 0x{b:02x} at {at - 1}")


def unpack_array(buf, at, n):
    out = []
    for _ in range(n):
        v, at = unpack(buf, at)
        out.append(v)
    return out, at


def unpack_map(buf, at, n):
    out = {}
    for _ in range(n):
        k, at = unpack(buf, at)
        v, at = unpack(buf, at)
        out[k] = v
    return out, at


def main():
    wheel, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    with zipfile.ZipFile(wheel) as z:
        version = next(
            n.split("-")[1].removesuffix(".dist") for n in z.namelist() if n.endswith(".dist-info/METADATA")
        )
        data = gzip.decompress(z.read("wordfreq/data/large_en.msgpack.gz"))
    buckets, _ = unpack(data)
    header, buckets = buckets[0], buckets[1:]
    if header.get("format") != "cB":
        raise SystemExit(f"unexpected wordfreq header {header}")
    rows = []
    for centibels, words in enumerate(buckets):
        # Bucket i holds words of frequency 10^(-i/100); Zipf = 9 + log10(freq).
        zipf = 9.0 - centibels / 100.0
        for w in words:
            if w and all(c.isalpha() or c in "'-." for c in w) and any(c.isalpha() for c in w):
                rows.append((w, zipf))
        if len(rows) >= limit:
            break
    rows = rows[:limit]
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# English word frequencies: the {len(rows)} most frequent alphabetic words of\n")
        f.write(f"# wordfreq {version} (large_en), by Robyn Speer, https://github.com/rspeer/wordfreq\n")
        f.write("# Data licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);\n")
        f.write("# wordfreq's sources include SUBTLEX (Brysbaert et al.; freely available data),\n")
        f.write("# Google Books Ngrams, Wikipedia, OpenSubtitles, ParaCrawl and the Leeds Internet Corpus.\n")
        f.write("# Made by xtask/scripts/wordfreq_en.py (cargo xtask eval-terms wordfreq).\n")
        f.write("# word<TAB>Zipf frequency (log10 occurrences per billion words)\n")
        f.write("# Lines sorted by word (UTF-8 bytes): kotoba-terms looks words up in place.\n")
        # Sorted, not in frequency order: the crate binary-searches the text.
        for w, z in sorted(rows, key=lambda r: r[0].encode("utf-8")):
            f.write(f"{w}\t{z:.2f}\n")


if __name__ == "__main__":
    main()
