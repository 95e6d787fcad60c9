#!/usr/bin/env python3
# Compare `akhbar --feed-tsv` with sfeed(1) field by field on one feed:
#   tests/tools/cmp_sfeed.py FEED [BASEURL]
# A development aid (not run by make check); differences we keep on
# purpose are listed in doc/feeds.md.
import subprocess, sys
names = ["timestamp", "title", "link", "content", "type", "id", "author",
         "enclosure", "categories"]
feed = sys.argv[1]
base = sys.argv[2:3]
with open(feed, "rb") as f:
    data = f.read()
sf = subprocess.run(["sfeed"] + base, input=data, capture_output=True).stdout
ak = subprocess.run(["./akhbar", "--feed-tsv", feed] +
                    (["--base-url", base[0]] if base else []),
                    capture_output=True).stdout
sl = sf.decode("utf-8", "replace").split("\n")
al = ak.decode("utf-8", "replace").split("\n")
if len(sl) != len(al):
    print(f"{feed}: {len(al)-1} items, sfeed {len(sl)-1}")
for i, (a, s) in enumerate(zip(al, sl)):
    af, sff = a.split("\t"), s.split("\t")
    for j, n in enumerate(names):
        x = af[j] if j < len(af) else None
        y = sff[j] if j < len(sff) else None
        if x != y:
            print(f"{feed}: item {i+1} {n}:\n  akhbar {x!r:.300}\n  sfeed  {y!r:.300}")
