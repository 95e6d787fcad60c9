#!/usr/bin/env python3
"""Write N generated saved articles (akhbar's saved format, Arabic titles
and HTML bodies) into ROOT, 100 subfolders. Usage: gen_saved.py ROOT N.
Deterministic; used by bench_folder.sh and bench_folder_tui.sh."""
import os, sys, random
root, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
words = "قمة عربية الرياض أسعار النفط مجلس الأمن غزة الاقتصاد الانتخابات".split()
body = "<p>" + "انطلقت اليوم أعمال القمة العربية في الرياض. " * 30 + "</p>\n"
for i in range(n):
    d = os.path.join(root, "%02d" % (i % 100))
    os.makedirs(d, exist_ok=True)
    day = 1 + i % 28
    title = " ".join(random.choice(words) for _ in range(6)) + " %d" % i
    name = "2024-%02d-%02d-%s.txt" % (1 + i % 12, day, title.replace(" ", "-"))
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write("akhbar-article: 1\nTitle: %s\nFeed: الجزيرة نت\n"
                "Date: 2024-%02d-%02dT10:00:00Z\nLink: https://example.com/%d\n"
                "Content-Type: text/html; charset=utf-8\n\n%s"
                % (title, 1 + i % 12, day, i, body))
