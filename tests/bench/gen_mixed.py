#!/usr/bin/env python3
"""gen_mixed.py - feeds of the shape real news sites publish, made without
looking at akhbar's parser (issue 17's "independent" data):

  * even-numbered feeds RSS 2.0, odd-numbered Atom 1.0;
  * half Arabic, half English (feeds 0,1 Arabic, 2,3 English, ...), so
    both formats carry both languages;
  * titles of 40-120 characters;
  * HTML descriptions of 0.5-5 KB, triangular with the peak near 1.2 KB,
    made of <p>, <a href>, <strong> and <img src>;
  * half of the descriptions as CDATA, half entity-escaped (&lt;p&gt;),
    chosen item by item.

Usage:
  gen_mixed.py feeds DIR N ITEMS   N feeds of ITEMS items: DIR/fI.xml
  gen_mixed.py one FILE FORMAT MB  one feed (rss or atom) of about MB
                                   megabytes (its items alternate Arabic
                                   and English)
Deterministic: the same arguments give the same bytes.
"""
import os
import random
import sys

AR_SENTENCES = [
    'عقد مجلس الأمن الدولي جلسة طارئة لمناقشة الأوضاع الإنسانية المتدهورة'
    ' في المنطقة، وطالب عدد من الأعضاء بوقف فوري لإطلاق النار.',
    'قال المتحدث باسم وزارة الصحة إن المستشفيات تعمل بأكثر من طاقتها'
    ' الاستيعابية منذ أسابيع، وإن مخزون الأدوية يكفي لأيام قليلة فقط.',
    'وأضاف أن فرق الإسعاف نقلت عشرات الجرحى إلى المراكز الطبية القريبة،'
    ' بينهم أطفال ونساء، وسط صعوبات كبيرة في الوصول إلى بعض الأحياء.',
    'أعلن البنك المركزي إبقاء أسعار الفائدة دون تغيير للمرة الثالثة على'
    ' التوالي، مشيرا إلى استمرار الضغوط التضخمية في الأسواق المحلية.',
    'وارتفعت أسعار الخبز والطحين بنسبة 18 بالمئة خلال الشهر الماضي، وفق'
    ' بيانات الجهاز المركزي للإحصاء التي نشرت صباح الثلاثاء.',
    'ويرى محللون أن الاتفاق الجديد قد يفتح الباب أمام مفاوضات أوسع حول'
    ' ملفات الحدود والمياه والطاقة خلال الأشهر المقبلة.',
    'وشهدت العاصمة مظاهرات حاشدة للمطالبة بتحسين الخدمات العامة ومحاربة'
    ' الفساد، فيما انتشرت قوات الأمن بكثافة في الشوارع الرئيسية.',
    'من جهتها، أكدت وزارة الخارجية أن الوفد سيزور القاهرة وعمّان الأسبوع'
    ' المقبل لبحث سبل تعزيز التعاون الاقتصادي والأمني.',
    'وتوقعت هيئة الأرصاد الجوية هطول أمطار غزيرة على المناطق الساحلية'
    ' وانخفاضا ملحوظا في درجات الحرارة حتى نهاية الأسبوع.',
    'وأشار التقرير إلى أن أكثر من مليوني شخص يحتاجون إلى مساعدات غذائية'
    ' عاجلة، وأن نصفهم تقريبا من الأطفال دون سن الخامسة.',
]
EN_SENTENCES = [
    'The central bank kept interest rates unchanged on Tuesday, citing'
    ' persistent inflation and a labour market that remains tight.',
    'Officials said the talks would resume next week in Geneva, where'
    ' negotiators hope to agree on a timetable for the ceasefire.',
    'Hospitals in the region have been operating beyond capacity for weeks,'
    ' and medical supplies are expected to run out within days.',
    'The ministry said more than 2,000 families had been moved to temporary'
    ' shelters after the river burst its banks overnight.',
    'Analysts expect the agreement to open the way for broader negotiations'
    ' on borders, water rights and energy in the coming months.',
    'Prices of bread and flour rose by 18 percent last month, according to'
    ' figures published by the statistics office on Tuesday morning.',
    'Thousands of people marched through the capital demanding better'
    ' public services and an end to corruption in state companies.',
    'The new kernel release brings faster file systems, better support for'
    ' recent hardware and a long list of security fixes.',
    'Forecasters warned of heavy rain along the coast and a sharp drop in'
    ' temperatures until the end of the week.',
    'The report said more than two million people need urgent food aid,'
    ' almost half of them children under the age of five.',
]
AR_TITLES = [
    'مجلس الأمن يعقد جلسة طارئة بشأن الأوضاع الإنسانية',
    'البنك المركزي يبقي أسعار الفائدة دون تغيير للمرة الثالثة',
    'ارتفاع أسعار الطحين في الأسواق المحلية للأسبوع الثالث على التوالي',
    'وزير الخارجية يبحث مع نظيره الأردني سبل تعزيز التعاون',
    'الأرصاد تتوقع أمطارا غزيرة وانخفاضا في درجات الحرارة',
    'تقرير أممي: مليونا شخص بحاجة إلى مساعدات غذائية عاجلة في المنطقة',
    'مظاهرات حاشدة في العاصمة للمطالبة بتحسين الخدمات العامة',
]
EN_TITLES = [
    'Central bank holds interest rates steady amid inflation worries',
    'UN envoy calls for an immediate ceasefire and humanitarian corridors',
    'Flour prices climb for a third week as supply problems persist',
    'Foreign ministers meet in Amman to discuss regional cooperation',
    'Heavy rain and falling temperatures expected along the coast',
    'Report: two million people in urgent need of food aid in the region',
    'Thousands march in the capital demanding better public services',
]
AR_FEEDS = ['الجزيرة نت - أخبار', 'بي بي سي عربي', 'سكاي نيوز عربية',
            'اليوم السابع', 'العربي الجديد']
EN_FEEDS = ['Reuters World News', 'The Guardian - Middle East',
            'Al-Monitor', 'AP Top News', 'LWN.net']
DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
          'Oct', 'Nov', 'Dec']


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def title(r, arabic, n):
    """A title of 40-120 characters."""
    pool = AR_TITLES if arabic else EN_TITLES
    want = r.randint(40, 120)
    t = r.choice(pool)
    while len(t) < want:
        t += (' - ' if arabic else ': ') + r.choice(pool)
    t = t[:want].rstrip()
    return '%s (%d)' % (t, n) if len(t) + 8 <= 120 else t


def inline(r, arabic, s, host, n):
    """A sentence with, now and then, a <strong> or an <a>."""
    words = s.split(' ')
    k = r.random()
    if k < 0.25 and len(words) > 6:
        i = r.randint(0, len(words) - 3)
        words[i] = '<strong>' + words[i]
        words[i + 1] += '</strong>'
    elif k < 0.5 and len(words) > 6:
        i = r.randint(0, len(words) - 4)
        words[i] = '<a href="https://%s/%s/%d">%s' % (
            host, 'ar' if arabic else 'en', n, words[i])
        words[i + 2] += '</a>'
    return ' '.join(words)


def html_body(r, arabic, host, n):
    """HTML of 0.5-5 KB, triangular with its peak near 1.2 KB."""
    want = int(r.triangular(500, 5000, 1200))
    pool = AR_SENTENCES if arabic else EN_SENTENCES
    out = []
    size = 0
    if r.random() < 0.6:
        img = '<p><img src="https://%s/img/%d.jpg" alt="%s" ' \
              'width="640" height="360"></p>' % (
                  host, n, 'صورة' if arabic else 'photo')
        out.append(img)
        size += len(img.encode())
    while size < want:
        para = []
        for _ in range(r.randint(1, 3)):
            para.append(inline(r, arabic, r.choice(pool), host, n))
        p = '<p>' + ' '.join(para) + '</p>'
        out.append(p)
        size += len(p.encode()) + 1
    return '\n'.join(out)


def date(r, n):
    d = 1 + n % 28
    return (r.choice(DAYS), d, MONTHS[n % 12], 2026, n % 24, n % 60)


def body_field(r, html):
    """Half CDATA, half entity-escaped, item by item."""
    if r.random() < 0.5:
        return '<![CDATA[' + html + ']]>'
    return esc(html)


def rss_item(r, arabic, f, j, host):
    t = title(r, arabic, j)
    dd = date(r, f * 131 + j)
    return ('<item><title>%s</title><link>https://%s/news/%d/%d</link>'
            '<guid isPermaLink="false">%s-%d-%d</guid>'
            '<pubDate>%s, %02d %s %d %02d:%02d:00 +0000</pubDate>'
            '<description>%s</description></item>\n' % (
                esc(t), host, f, j, host, f, j, *dd,
                body_field(r, html_body(r, arabic, host, j))))


def atom_entry(r, arabic, f, j, host):
    t = title(r, arabic, j)
    _, d, mon, y, h, mi = date(r, f * 131 + j)
    stamp = '%d-%02d-%02dT%02d:%02d:00Z' % (y, MONTHS.index(mon) + 1, d,
                                           h, mi)
    return ('<entry><title>%s</title>'
            '<link rel="alternate" href="https://%s/news/%d/%d"/>'
            '<id>tag:%s,2026:%d-%d</id><updated>%s</updated>'
            '<published>%s</published><author><name>%s</name></author>'
            '<summary type="html">%s</summary></entry>\n' % (
                esc(t), host, f, j, host, f, j, stamp, stamp,
                'مراسلنا' if arabic else 'Staff reporter',
                body_field(r, html_body(r, arabic, host, j))))


def head(fmt, name, host):
    if fmt == 'rss':
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<rss version="2.0"><channel><title>%s</title>'
                '<link>https://%s/</link><description>%s</description>\n'
                % (esc(name), host, esc(name)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>%s</title>'
            '<link href="https://%s/"/><id>https://%s/</id>'
            '<updated>2026-11-30T10:00:00Z</updated>\n'
            % (esc(name), host, host))


def tail(fmt):
    return '</channel></rss>\n' if fmt == 'rss' else '</feed>\n'


def write_feed(path, f, fmt, nitems, arabic_of):
    r = random.Random(1000 + f)
    ar = arabic_of(0)
    host = 'news%d.example' % f
    name = '%s %d' % ((AR_FEEDS if ar else EN_FEEDS)[f % 5], f)
    item = rss_item if fmt == 'rss' else atom_entry
    with open(path, 'w', encoding='utf-8') as out:
        out.write(head(fmt, name, host))
        j = 0
        while nitems(j, out):
            out.write(item(r, arabic_of(j), f, j, host))
            j += 1
        out.write(tail(fmt))


def main():
    if len(sys.argv) == 5 and sys.argv[1] == 'feeds':
        d, n, items = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        os.makedirs(d, exist_ok=True)
        for f in range(n):
            fmt = 'rss' if f % 2 == 0 else 'atom'
            ar = f % 4 < 2
            write_feed(os.path.join(d, 'f%d.xml' % f), f, fmt,
                       lambda j, out: j < items, lambda j: ar)
    elif len(sys.argv) == 5 and sys.argv[1] == 'one':
        path, fmt, mb = sys.argv[2], sys.argv[3], float(sys.argv[4])
        limit = int(mb * 1048576)
        write_feed(path, 0 if fmt == 'rss' else 1, fmt,
                   lambda j, out: out.tell() < limit, lambda j: j % 2 == 0)
    else:
        sys.exit(__doc__)


main()
