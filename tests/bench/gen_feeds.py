#!/usr/bin/env python3
"""Write N small RSS feeds (20 items each) into DIR as fN.xml, with a urls
file listing their paths: feed titles and item titles mix Arabic, Persian,
Hebrew and English news headlines of realistic length, as a reader's
subscription list does. Usage: gen_feeds.py DIR N. Deterministic."""
import os
import random
import sys

FEEDS = ['الجزيرة نت - أخبار', 'بي بي سي عربي', 'سكاي نيوز عربية',
         'خبرگزاری ایسنا', 'هاآرتص - חדשות', 'Reuters World News',
         'The Guardian - Middle East', 'Al-Monitor', 'ynet - מבזקים',
         'Hacker News', 'LWN.net', 'اليوم السابع', 'همشهری آنلاین']
HEADLINES = [
    'وزارة الصحة تطلق حملة تطعيم واسعة في المدن الكبرى',
    'الحكومة تعلن خطة جديدة لدعم الاقتصاد الوطني بقيمة 250 مليون دولار',
    'ارتفاع أسعار الطحين في الأسواق المحلية للأسبوع الثالث',
    'وزیر امور خارجه با همتای خود در تهران دیدار کرد',
    'הממשלה אישרה את תקציב המדינה לשנת 2027',
    'Central bank holds interest rates steady amid inflation worries',
    'UN envoy calls for an immediate ceasefire and aid corridors',
    'New Linux kernel release brings faster file systems',
    'مؤتمر COP28 يختتم أعماله باتفاق حول التمويل المناخي',
]

def main():
    d, n = sys.argv[1], int(sys.argv[2])
    r = random.Random(7)
    urls = []
    for i in range(n):
        title = '%s %d' % (FEEDS[i % len(FEEDS)], i + 1)
        items = []
        for j in range(20):
            t = r.choice(HEADLINES)
            items.append('<item><title>%s</title><link>https://news%d.'
                         'example/%d</link><pubDate>%s, %02d Nov 2026 '
                         '10:%02d:00 GMT</pubDate><description>%s'
                         '</description></item>' % (t, i, j, 'Sun',
                         1 + j % 28, j, t))
        path = os.path.join(d, 'f%d.xml' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss '
                    'version="2.0"><channel><title>%s</title><link>'
                    'https://news%d.example/</link>%s</channel></rss>\n'
                    % (title, i, ''.join(items)))
        urls.append(path)
    with open(os.path.join(d, 'urls'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(urls) + '\n')

main()
