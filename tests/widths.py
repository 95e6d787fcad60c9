#!/usr/bin/env python3
"""Check --dump output: no line wider than the width (in terminal cells),
no trailing spaces, no control characters. Usage: widths.py WIDTH < dump.
Prints one line per problem and exits 1 if there was any."""
import sys
import unicodedata

def cells(s):
    n = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ('Mn', 'Me', 'Cf'):
            continue
        n += 2 if unicodedata.east_asian_width(c) in 'WF' else 1
    return n

width = int(sys.argv[1])
bad = 0
for i, line in enumerate(sys.stdin.buffer.read().decode('utf-8').split('\n')):
    if cells(line) > width:
        print(f'line {i + 1}: {cells(line)} cells > {width}')
        bad = 1
    if line != line.rstrip(' '):
        print(f'line {i + 1}: trailing space')
        bad = 1
    if any(unicodedata.category(c) == 'Cc' for c in line):
        print(f'line {i + 1}: control character')
        bad = 1
sys.exit(bad)
