#!/usr/bin/env python3
"""gen_articles.py KIND MB OUT: a large article for the memory tests and
benchmarks, in Persian and English news prose. KIND: html (paragraphs
with links and bold words), html-one (one paragraph), html-tags (tiny
inline elements), html-small (tiny paragraphs of a word or two),
html-pre (one <pre> of many short lines), text (paragraphs), text-line
(one line)."""
import random
import sys

FA = ("خبرگزاری ایرنا گزارش داد که بانک مرکزی هفته\u200cی گذشته اعلام کرد "
      "نرخ تورم کاهش یافت و پیش\u200cبینی می\u200cشود این روند ادامه یابد").split()
EN = ("the central bank said on Monday that inflation fell last week and "
      "that the trend is expected to continue into the next quarter").split()


def words(n):
    w = FA if random.random() < 0.5 else EN
    return " ".join(random.choice(w) for _ in range(n))


def main():
    kind, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    size = int(mb * (1 << 20))
    random.seed(16)
    parts, n = [], 0
    if kind.startswith("html"):
        parts.append("<html><head><title>گزارش هفته\u200cی اقتصاد</title>"
                     "</head><body>")
    if kind in ("html-one", "html-tags"):
        parts.append("<p>")
    if kind == "html-pre":
        parts.append("<pre>")
    while n < size:
        if kind == "html":
            p = "<p>%s <a href=\"https://example.org/%d\">%s</a> <b>%s</b>" \
                "</p>\n" % (words(50), n, words(3), words(2))
        elif kind == "html-one":
            p = words(200) + " "
        elif kind == "html-tags":
            # Numbered: no two screen rows alike.
            p = "<b>خبر</b><i>news%d</i> " % (n % 997)
        elif kind == "html-pre":
            p = "%d %s\n" % (n, words(random.randint(1, 8)))
        elif kind == "html-small":
            p = "<p>%s</p>\n" % words(random.choice((1, 2)))
        elif kind == "text":
            p = words(60) + "\n\n"
        else:
            p = words(200) + " "
        parts.append(p)
        n += len(p.encode())
    if kind.startswith("html"):
        parts.append("</pre></body></html>\n" if kind == "html-pre"
                     else "</p></body></html>\n" if kind != "html"
                     else "</body></html>\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(parts))


main()
