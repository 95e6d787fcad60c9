#!/usr/bin/python3
"""Render a `tmux capture-pane -p -e` capture to a PNG, cell by cell.

usage: screenshot.py CAPTURE.txt OUT.png [--cols N] [--rows N]
                     [--size PX] [--margin PX]

The capture holds the screen in VISUAL order (akhbar reorders and shapes
right-to-left text itself), so nothing here shapes or reorders: every
character is drawn on its own at x = column * cell width. Combining marks
(harakat, niqqud) are drawn over the previous cell; characters of East
Asian width W/F take two cells. SGR colours (16, 256 and direct colour),
bold, underline and reverse are honoured. Box-drawing lines are drawn as
lines so that they meet across rows.

Needs Pillow (Debian: python3-pil) and fontTools (python3-fonttools).
"""

import argparse
import re
import sys
import unicodedata

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
NOTO = "/usr/share/fonts/truetype/noto/"
# Tried in order for a character; the first font whose cmap has it wins.
REGULAR = [DEJAVU + "DejaVuSansMono.ttf", DEJAVU + "DejaVuSans.ttf",
           NOTO + "NotoSansArabic-Regular.ttf",
           NOTO + "NotoSansHebrew-Regular.ttf"]
BOLD = [DEJAVU + "DejaVuSansMono-Bold.ttf", DEJAVU + "DejaVuSans-Bold.ttf",
        NOTO + "NotoSansArabic-Bold.ttf", NOTO + "NotoSansHebrew-Bold.ttf"]

# Dark palette: xterm's 16 colours, the 6x6x6 cube, the grey ramp.
BASE16 = [(0x00, 0x00, 0x00), (0xcd, 0x00, 0x00), (0x00, 0xcd, 0x00),
          (0xcd, 0xcd, 0x00), (0x00, 0x00, 0xee), (0xcd, 0x00, 0xcd),
          (0x00, 0xcd, 0xcd), (0xe5, 0xe5, 0xe5), (0x7f, 0x7f, 0x7f),
          (0xff, 0x00, 0x00), (0x00, 0xff, 0x00), (0xff, 0xff, 0x00),
          (0x5c, 0x5c, 0xff), (0xff, 0x00, 0xff), (0x00, 0xff, 0xff),
          (0xff, 0xff, 0xff)]
LEVELS = [0, 95, 135, 175, 215, 255]
PALETTE = BASE16 + [(LEVELS[i // 36], LEVELS[i // 6 % 6], LEVELS[i % 6])
                    for i in range(216)] + \
    [(8 + 10 * i,) * 3 for i in range(24)]
DEFAULT_FG = (0xd0, 0xd0, 0xd0)
DEFAULT_BG = (0x1c, 0x1c, 0x1c)

SGR = re.compile(r"\x1b\[([0-9;:]*)m")


class Cell:
    __slots__ = ("ch", "marks", "fg", "bg", "bold", "ul", "rev", "cont")

    def __init__(self, ch=" ", fg=None, bg=None, bold=False, ul=False,
                 rev=False):
        self.ch, self.marks = ch, []
        self.fg, self.bg = fg, bg
        self.bold, self.ul, self.rev = bold, ul, rev
        self.cont = False       # right half of a wide character


def width(ch):
    if unicodedata.combining(ch) or \
            unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def sgr(params, st):
    """Apply one SGR parameter string to the state dict st."""
    ps = [p for p in re.split(r"[;:]", params)] if params else ["0"]
    vals = [int(p) if p.isdigit() else 0 for p in ps]
    i = 0
    while i < len(vals):
        v = vals[i]
        if v == 0:
            st.update(fg=None, bg=None, bold=False, ul=False, rev=False)
        elif v == 1:
            st["bold"] = True
        elif v == 22:
            st["bold"] = False
        elif v == 4:
            st["ul"] = True
        elif v == 24:
            st["ul"] = False
        elif v == 7:
            st["rev"] = True
        elif v == 27:
            st["rev"] = False
        elif 30 <= v <= 37:
            st["fg"] = PALETTE[v - 30]
        elif 90 <= v <= 97:
            st["fg"] = PALETTE[v - 90 + 8]
        elif 40 <= v <= 47:
            st["bg"] = PALETTE[v - 40]
        elif 100 <= v <= 107:
            st["bg"] = PALETTE[v - 100 + 8]
        elif v == 39:
            st["fg"] = None
        elif v == 49:
            st["bg"] = None
        elif v in (38, 48) and i + 1 < len(vals):
            key = "fg" if v == 38 else "bg"
            if vals[i + 1] == 5 and i + 2 < len(vals):
                st[key] = PALETTE[vals[i + 2] % 256]
                i += 2
            elif vals[i + 1] == 2 and i + 4 < len(vals):
                st[key] = tuple(x % 256 for x in vals[i + 2:i + 5])
                i += 4
        i += 1


def parse(text, cols, rows):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    grid = []
    st = dict(fg=None, bg=None, bold=False, ul=False, rev=False)
    for line in lines[:rows]:
        row = []
        for m in re.finditer(r"\x1b\[[0-9;:]*m|\x1b[^m]*?[@-~]|[^\x1b]",
                             line):
            tok = m.group(0)
            if tok.startswith("\x1b"):
                s = SGR.fullmatch(tok)
                if s:
                    sgr(s.group(1), st)
                continue
            w = width(tok)
            if w == 0:
                # A combining mark belongs to the character before it.
                if row and unicodedata.category(tok) != "Cf":
                    base = row[-1] if not row[-1].cont else row[-2]
                    base.marks.append(tok)
                continue
            row.append(Cell(tok, **st))
            if w == 2:
                c = Cell(" ", **st)
                c.cont = True
                row.append(c)
        # Cells past the end of a capture line: the colours in force.
        while len(row) < cols:
            row.append(Cell(" ", fg=st["fg"], bg=st["bg"]))
        grid.append(row[:cols])
    while len(grid) < rows:
        grid.append([Cell() for _ in range(cols)])
    return grid


class Fonts:
    def __init__(self, size):
        self.size = size
        self.faces = {}
        self.cmaps = {}
        for lst in (REGULAR, BOLD):
            for path in lst:
                try:
                    self.cmaps[path] = TTFont(path, lazy=True).getBestCmap()
                    # BASIC layout: no text shaper (raqm would reorder, re-shape
                    # and put a dotted circle under a lone mark).
                    self.faces[path] = ImageFont.truetype(
                        path, size, layout_engine=ImageFont.Layout.BASIC)
                except OSError:
                    pass
        self.missing = set()

    def pick(self, ch, bold):
        lst = BOLD if bold else REGULAR
        for path in lst + REGULAR:
            if path in self.cmaps and ord(ch) in self.cmaps[path]:
                return path, self.faces[path]
        self.missing.add(ch)
        return REGULAR[0], self.faces[REGULAR[0]]


# Box drawing: (left, right, up, down) arm weights, 1 single, 2 double.
BOX = {"─": (1, 1, 0, 0), "│": (0, 0, 1, 1), "┌": (0, 1, 0, 1),
       "┐": (1, 0, 0, 1), "└": (0, 1, 1, 0), "┘": (1, 0, 1, 0),
       "├": (0, 1, 1, 1), "┤": (1, 0, 1, 1), "┬": (1, 1, 0, 1),
       "┴": (1, 1, 1, 0), "┼": (1, 1, 1, 1), "═": (2, 2, 0, 0),
       "║": (0, 0, 2, 2)}


def draw_box(d, ch, x, y, cw, ch_h, fg):
    left, right, up, down = BOX[ch]
    cx, cy = x + cw // 2, y + ch_h // 2
    t = max(1, cw // 10)

    def hline(x0, x1, yy):
        d.rectangle([x0, yy, x1 - 1, yy + t - 1], fill=fg)

    def vline(xx, y0, y1):
        d.rectangle([xx, y0, xx + t - 1, y1 - 1], fill=fg)

    for arm, fn in ((left, lambda o: hline(x, cx + t, cy + o)),
                    (right, lambda o: hline(cx, x + cw, cy + o)),
                    (up, lambda o: vline(cx + o, y, cy + t)),
                    (down, lambda o: vline(cx + o, cy, y + ch_h))):
        if arm == 1:
            fn(0)
        elif arm == 2:
            fn(-2 * t)
            fn(2 * t)


def render(grid, out, size, margin):
    fonts = Fonts(size)
    mono = fonts.faces[REGULAR[0]]
    # Cell width: the monospace advance, rounded; height: ascent+descent.
    adv = mono.getlength("M")
    cw = round(adv)
    asc, desc = mono.getmetrics()
    ch_h = asc + desc + max(1, size // 9)
    pad_top = (ch_h - asc - desc) // 2
    rows, cols = len(grid), len(grid[0])
    W, H = cols * cw + 2 * margin, rows * ch_h + 2 * margin
    img = Image.new("RGB", (W, H), DEFAULT_BG)
    d = ImageDraw.Draw(img)

    def colours(c):
        fg = c.fg or DEFAULT_FG
        bg = c.bg or DEFAULT_BG
        return (bg, fg) if c.rev else (fg, bg)

    # Backgrounds first, so that glyphs may overhang their cell.
    for r, row in enumerate(grid):
        for col, c in enumerate(row):
            fg, bg = colours(c)
            x, y = margin + col * cw, margin + r * ch_h
            d.rectangle([x, y, x + cw - 1, y + ch_h - 1], fill=bg)
    for r, row in enumerate(grid):
        for col, c in enumerate(row):
            if c.cont:
                continue
            fg, bg = colours(c)
            x, y = margin + col * cw, margin + r * ch_h
            cells = 2 if width(c.ch) == 2 else 1
            if c.ch in BOX:
                draw_box(d, c.ch, x, y, cw, ch_h, fg)
            elif c.ch != " ":
                path, font = fonts.pick(c.ch, c.bold)
                gx = x
                if path != REGULAR[0] and path != BOLD[0]:
                    # A proportional fallback glyph: centre it in its cells.
                    gx = x + (cells * cw - font.getlength(c.ch)) / 2
                d.text((gx, y + pad_top), c.ch, font=font, fill=fg)
            for mk in c.marks:
                path, font = fonts.pick(mk, c.bold)
                l, t_, rr, b = font.getbbox(mk)
                # Centre the mark over the cell(s) of its base letter.
                mx = x + (cells * cw) / 2 - (l + rr) / 2
                d.text((mx, y + pad_top), mk, font=font, fill=fg)
            if c.ul:
                uy = y + pad_top + asc + max(1, size // 10)
                d.rectangle([x, uy, x + cells * cw - 1,
                             uy + max(1, size // 16) - 1], fill=fg)
    img = img.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                       dither=Image.Dither.NONE)
    img.save(out, optimize=True)
    return fonts.missing, (W, H), (cw, ch_h)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("capture")
    ap.add_argument("out")
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=34)
    ap.add_argument("--size", type=int, default=18,
                    help="font size in pixels (default 18: 11x22 cells)")
    ap.add_argument("--margin", type=int, default=10)
    a = ap.parse_args()
    with open(a.capture, encoding="utf-8") as f:
        grid = parse(f.read(), a.cols, a.rows)
    missing, dims, cell = render(grid, a.out, a.size, a.margin)
    print("%s: %dx%d px, cell %dx%d" % ((a.out,) + dims + cell),
          file=sys.stderr)
    if missing:
        print("no font has: " + " ".join("U+%04X" % ord(c)
                                          for c in sorted(missing)),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
