#!/usr/bin/env python3
"""highlight_cells.py - checks that `akhbar --dump --color always
--highlight KW` paints exactly the visual cells of the expected matches.

Usage: highlight_cells.py AKHBAR NAME WIDTH TXT WANT KEYWORD...

TXT is a one-paragraph text file; WANT is the same text with every
expected match between U+27E6 and U+27E7 (in logical order). Prints TAP
lines "ok - ..." / "not ok - ...":

1. stripping the SGR sequences of --color always gives --color never;
2. an independent model of the visual layout (line contents from the
   --color never rows, visual order from the fribidi command line tool,
   cell widths and lam-alef ligatures from the Unicode data) agrees with
   the --color never rows;
3. the columns painted with the highlight SGR are exactly the columns
   the model gives for the expected code points, row by row.
"""
import re
import subprocess
import sys
import unicodedata

HIGHLIGHT = "\x1b[0;30;43m"	# the default theme's highlight
RESET = "\x1b[0m"
SGR = re.compile(r"\x1b\[[0-9;]*m")
OPEN, CLOSE = "\u27e6", "\u27e7"
LAM = "\u0644"
ALEFS = "\u0627\u0622\u0623\u0625"


def width(c):
    if unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def dump(akhbar, path, w, color, keywords):
    cmd = [akhbar, "--dump", "--width", str(w), "--color", color]
    for k in keywords:
        cmd += ["--highlight", k]
    r = subprocess.run(cmd + [path], capture_output=True, check=True)
    return r.stdout.decode("utf-8").split("\n")[:-1]


def painted(rows):
    """{(row, column)} of cells written while the highlight SGR is on;
    a mark counts for the column of the letter it sits on."""
    cells, bad = set(), []
    for r, line in enumerate(rows):
        col, prev, on, pos = 0, 0, False, 0
        for m in list(SGR.finditer(line)) + [None]:
            end = m.start() if m else len(line)
            for c in line[pos:end]:
                w = width(c)
                if unicodedata.category(c) == "Cf":
                    continue
                here = col if w else prev
                if on:
                    cells.add((r, here))
                if w:
                    prev, col = col, col + w
            if m is None:
                break
            seq, pos = m.group(0), m.end()
            if seq == HIGHLIGHT:
                on = True
            elif seq == RESET:
                on = False
            else:
                bad.append(seq)
    return cells, bad


def unmark(want):
    text, hit = [], set()
    inside = False
    for c in want:
        if c == OPEN:
            inside = True
        elif c == CLOSE:
            inside = False
        else:
            if inside:
                hit.add(len(text))
            text.append(c)
    return "".join(text), hit


def base_rtl(text):
    for c in text:
        b = unicodedata.bidirectional(c)
        if b in ("R", "AL"):
            return True
        if b == "L":
            return False
    return False


def ltov(s, rtl):
    r = subprocess.run(["fribidi", "--nopad", "--nobreak", "--novisual",
                        "--reordernsm", "--ltov", "--rtl" if rtl else "--ltr"],
                       input=s.encode("utf-8"), capture_output=True,
                       check=True)
    return [int(x) for x in r.stdout.decode().split()]


def model_line(s, rtl, pad):
    """Columns of each code point of logical line s, and the visual text
    the model expects (base letters, no marks)."""
    lv = ltov(s, rtl)
    vl = sorted(range(len(s)), key=lambda i: lv[i])
    w = [width(c) for c in s]
    for i in range(1, len(s)):
        if s[i] in ALEFS and s[i - 1] == LAM:
            w[i] = 0		# one ligature cell for lam and alef
    col, cols, vis = pad, {}, []
    for i in vl:
        cols[i] = col
        col += w[i]
        if w[i]:
            vis.append(s[i] + (s[i + 1] if s[i] == LAM and i + 1 < len(s)
                                and s[i + 1] in ALEFS else ""))
    for i in range(len(s)):
        if w[i] == 0 and i > 0 and s[i] in ALEFS and s[i - 1] == LAM:
            cols[i] = cols[i - 1]
        elif w[i] == 0:
            b = i
            while b > 0 and w[b] == 0:
                b -= 1
            cols[i] = cols[b]
    return cols, "".join(vis)


def plain(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if width(c) or c == " ")


def main():
    akhbar, name, w, txt, want = sys.argv[1:6]
    keywords = sys.argv[6:]
    with open(txt, encoding="utf-8") as f:
        text = f.read().rstrip("\n")
    with open(want, encoding="utf-8") as f:
        wtext, hit = unmark(f.read().rstrip("\n"))
    if wtext != text:
        print(f"not ok - {name}: {want} does not mark {txt}")
        return
    always = dump(akhbar, txt, w, "always", keywords)
    never = dump(akhbar, txt, w, "never", keywords)
    stripped = [SGR.sub("", r) for r in always]
    if stripped == never:
        print(f"ok - {name}: --color always without SGR is --color never")
    else:
        print(f"not ok - {name}: --color always without SGR differs")
    rtl = base_rtl(text)
    words, pos, expect, agree = text.split(" "), 0, set(), True
    for r, row in enumerate(never):
        n = len(row.strip(" ").split(" ")) if row.strip(" ") else 0
        line = " ".join(words[:n])
        words = words[n:]
        start = text.index(line, pos) if line else pos
        pos = start + len(line)
        tw = sum(width(c) for c in line) - sum(
            1 for i in range(1, len(line))
            if line[i] in ALEFS and line[i - 1] == LAM)
        pad = sum(width(c) for c in row) - tw
        if not line:
            continue
        cols, vis = model_line(line, rtl, pad)
        if pad < 0 or row[:pad] != " " * pad or \
                plain(vis) != plain(row[pad:]):
            agree = False
            print(f"#   row {r}: model {plain(vis)!r} row {plain(row)!r}")
        for i in range(len(line)):
            if start + i in hit and unicodedata.category(line[i]) != "Cf":
                expect.add((r, cols[i]))
    if words:
        agree = False
    print(("ok" if agree else "not ok") +
          f" - {name}: the layout model agrees with the rows")
    got, bad = painted(always)
    if got == expect and not bad and (expect or not hit):
        print(f"ok - {name}: highlighted cells are exactly the matches "
              f"({len(expect)} cells)")
    else:
        print(f"not ok - {name}: highlighted cells differ")
        print(f"#   expected {sorted(expect)}")
        print(f"#   painted  {sorted(got)} {bad}")
        for row in always:
            print("#   " + row.replace("\x1b", "^["))


if __name__ == "__main__":
    main()
