#!/usr/bin/env python3
"""Agreement of `akhbar --extract` with a set of expected articles, by the
measure of scrapinghub's article-extraction-benchmark: 4-token shingles
(tokens are \\w+ runs), true/false positives and negatives per page
normalised to sum to 1, precision and recall over their sums, F1 of
those; the mean of per-page F1 is printed too.

usage: extract_f1.py [--cmd CMD] [--html] [--worst N] [--list] DIR

DIR holds one folder per page with source.html and expected.html (the
layout of Mozilla Readability's test pages). CMD (default: ./akhbar
--extract) is run with the page's path appended; its output is plain text
whose first line is the title (dropped), or with --html the article as
HTML (as tests/bench/readability.js prints it).  Never run by the tests:
the development set is not part of the repository."""
import argparse
import collections
import html.parser
import os
import re
import shlex
import subprocess
import sys

TOKEN = re.compile(r'\w+', re.UNICODE)
BLOCKS = {'p', 'div', 'section', 'article', 'li', 'ul', 'ol', 'h1', 'h2',
          'h3', 'h4', 'h5', 'h6', 'br', 'tr', 'td', 'th', 'table',
          'blockquote', 'pre', 'figcaption', 'dd', 'dt', 'hr'}


class Text(html.parser.HTMLParser):
    """The text of an HTML fragment, blocks set apart by newlines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style'):
            self.skip += 1
        if tag in BLOCKS:
            self.parts.append('\n')

    def handle_endtag(self, tag):
        if tag in ('script', 'style') and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.parts.append('\n')

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(s):
    p = Text()
    p.feed(s)
    p.close()
    return ''.join(p.parts)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or '')
    grams = [tuple(tokens[i:i + n])
             for i in range(max(1, len(tokens) - n + 1))]
    return collections.Counter(g for g in grams if g)


def match(true, pred):
    """Normalised (tp, fp, fn) of one page."""
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for k in set(t) | set(p):
        tc, pc = t.get(k, 0), p.get(k, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (0.0, 0.0, 0.0)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp > 0 else 0.0
    r = tp / (tp + fn) if tp + fn > 0 else 0.0
    return p, r, (2 * p * r / (p + r) if p + r > 0 else 0.0)


def extracted(cmd, path, as_html):
    try:
        out = subprocess.run(cmd + [path], capture_output=True,
                             timeout=60).stdout.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired:
        return ''
    if as_html:
        return html_text(out)
    return out.split('\n', 2)[2] if out.count('\n') >= 2 else ''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cmd', default='./akhbar --extract')
    ap.add_argument('--html', action='store_true')
    ap.add_argument('--worst', type=int, default=10)
    ap.add_argument('--list', action='store_true', help='every page')
    ap.add_argument('dir')
    a = ap.parse_args()
    cmd = shlex.split(a.cmd)
    rows = []
    for name in sorted(os.listdir(a.dir)):
        src = os.path.join(a.dir, name, 'source.html')
        exp = os.path.join(a.dir, name, 'expected.html')
        if not (os.path.exists(src) and os.path.exists(exp)):
            continue
        with open(exp, encoding='utf-8', errors='replace') as f:
            true = html_text(f.read())
        tp, fp, fn = match(true, extracted(cmd, src, a.html))
        rows.append((name, tp, fp, fn, prf(tp, fp, fn)))
    if not rows:
        sys.exit('extract_f1: no pages in ' + a.dir)
    tp, fp, fn = (sum(r[i] for r in rows) for i in (1, 2, 3))
    p, r, f = prf(tp, fp, fn)
    mean = sum(x[4][2] for x in rows) / len(rows)
    shown = rows if a.list else sorted(rows, key=lambda x: x[4][2])[:a.worst]
    for name, _, _, _, (pp, rr, ff) in shown:
        print(f'{name:40s} P {pp:.3f} R {rr:.3f} F1 {ff:.3f}')
    print(f'{len(rows)} pages: precision {p:.3f} recall {r:.3f} '
          f'F1 {f:.3f}; mean per-page F1 {mean:.3f}')


if __name__ == '__main__':
    main()
