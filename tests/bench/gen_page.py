#!/usr/bin/env python3
"""A news page of about SIZE bytes (default 300000) as sites serve them:
Arabic article text among menus, a sidebar of related links, share bars,
comments, a footer and the inline scripts and JSON that make up most of
a real page's weight. usage: gen_page.py [SIZE] > page.html"""
import sys

size = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
para = ('قال مسؤولون في وزارة الصحة، يوم الثلاثاء، إن فرق الإغاثة تمكنت '
        'من الوصول إلى القرى المتضررة من الفيضانات في شمال البلاد، وإن '
        'المستشفيات الميدانية استقبلت مئات المصابين خلال الساعات الماضية. '
        'وأضافوا أن الأمطار الغزيرة أدت إلى انهيار عدد من الجسور، مما '
        'أعاق عمليات الإنقاذ في المناطق الجبلية؟ ')
out = ['<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">',
       '<title>فيضانات الشمال: فرق الإغاثة تصل إلى القرى المعزولة | الأخبار</title>',
       '<meta property="og:title" content="فيضانات الشمال: فرق الإغاثة تصل">',
       '<style>body{font-family:sans-serif}.menu li{display:inline}</style>']
blob = ','.join('{"id":%d,"t":"وحدة إعلانية رقم %d","u":"https://ads.example.com/%d"}'
                % (i, i, i) for i in range(40))
n = 0
while sum(map(len, out)) < size * 0.45:
    out.append('<script>window.__DATA_%d__=[%s];</script>' % (n, blob))
    n += 1
out.append('</head><body><header class="site-header"><nav class="menu"><ul>')
out += ['<li><a href="/section/%d">قسم %d</a></li>' % (i, i) for i in range(60)]
out.append('</ul></nav></header><main><article class="article-body">')
out.append('<h1>فيضانات الشمال: فرق الإغاثة تصل إلى القرى المعزولة</h1>')
out.append('<div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>')
for i in range(60):
    out.append('<p>%s</p>' % para)
out.append('</article><aside class="sidebar"><h3>أخبار ذات صلة</h3><ul>')
rest = size - sum(map(len, out)) - 2000
i = 0
while rest > 0:
    s = '<li><a href="/news/%d">عنوان خبر ذي صلة رقم %d عن الطقس والاقتصاد</a></li>' % (i, i)
    out.append(s)
    rest -= len(s.encode())
    i += 1
out.append('</ul></aside><section class="comments"><p>أضف تعليقك</p></section>')
out.append('</main><footer class="site-footer"><p>جميع الحقوق محفوظة</p></footer></body></html>')
sys.stdout.write('\n'.join(out))
