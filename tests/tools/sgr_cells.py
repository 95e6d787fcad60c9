#!/usr/bin/env python3
"""sgr_cells.py - which cells of a screen capture (tmux capture-pane -p -e)
or of `akhbar --dump --color always` output have a given style.

Usage: sgr_cells.py FILE COL0 WIDTH ROW0 NROWS FG BG [chars]

Follows the SGR state through each line (0, 1, 2, 3, 4, 7, 22-27, 30-37,
39, 40-47, 49, 90-97, 100-107, 38;5;N, 48;5;N) and prints, for each of
the NROWS rows from ROW0, the columns (relative to COL0, within WIDTH)
whose foreground is FG and background is BG (numbers as in SGR: 30-37,
40-47, "-" for any), one row a line: "row: c1 c2 ...". With "chars" it
prints the characters of those cells instead, in screen order.
"""
import re
import sys
import unicodedata

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def cells(line):
    fg, bg = 39, 49
    col, out, i = 0, [], 0
    while i < len(line):
        m = SGR.match(line, i)
        if m:
            codes = [int(c) if c else 0 for c in m.group(1).split(";")]
            k = 0
            while k < len(codes):
                c = codes[k]
                if c == 0:
                    fg, bg = 39, 49
                elif c in (38, 48) and k + 2 < len(codes) and codes[k + 1] == 5:
                    if c == 38:
                        fg = 1000 + codes[k + 2]
                    else:
                        bg = 1000 + codes[k + 2]
                    k += 2
                elif 30 <= c <= 37 or c == 39 or 90 <= c <= 97:
                    fg = c
                elif 40 <= c <= 47 or c == 49 or 100 <= c <= 107:
                    bg = c
                k += 1
            i = m.end()
            continue
        ch = line[i]
        i += 1
        w = width(ch)
        if w == 0:
            if out:
                out[-1] = (out[-1][0], out[-1][1] + ch, out[-1][2], out[-1][3])
            continue
        out.append((col, ch, fg, bg))
        col += w
    return out


def main():
    f, c0, w, r0, n, fg, bg = sys.argv[1:8]
    chars = len(sys.argv) > 8
    c0, w, r0, n = int(c0), int(w), int(r0), int(n)
    lines = open(f, encoding="utf-8").read().split("\n")
    for r, line in enumerate(lines[r0:r0 + n]):
        hit = [(col - c0, ch) for col, ch, f_, b_ in cells(line)
               if c0 <= col < c0 + w and (fg == "-" or f_ == int(fg))
               and (bg == "-" or b_ == int(bg))]
        if chars:
            print("".join(ch for _, ch in hit))
        else:
            print("%d: %s" % (r, " ".join(str(c) for c, _ in hit)))


main()
