#!/usr/bin/env python3
"""Write an Arabic news article of about N megabytes to stdout: paragraphs
of 3-8 sentences built from a vocabulary of news words, with Latin names,
numbers, dates, parentheses and quotes, as real reporting mixes them.
Usage: gen_arabic.py MEGABYTES. Deterministic."""
import random
import sys

WORDS = ('أعلنت وزارة الصحة في مدينة غزة صباح الأحد أن عدد الجرحى الذين '
         'وصلوا إلى مستشفى الشفاء خلال الساعات الماضية بلغ وفق بيان نشرته '
         'وكالة وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الحكومة ستعمل '
         'على خفض نسبة البطالة وأضاف أن المشاريع الجديدة في قطاعي الطاقة '
         'والزراعة ستوفر آلاف فرص العمل للشباب من جهته أكد الأمين العام '
         'للأمم المتحدة أن الوضع الإنساني بلغ مستوى غير مسبوق داعيا إلى '
         'وقف فوري لإطلاق النار فيما ارتفع سعر الطحين في الأسواق المحلية '
         'التقى وزير الخارجية نظيره لبحث آليات إدخال المساعدات بعد اجتماع '
         'استمر في مقر الوزارة على كورنيش النيل').split()
LATIN = ['Reuters', 'AFP', 'WHO', 'UNICEF', 'COP28', 'BBC', 'Al Jazeera',
         'iPhone 15', 'NATO', 'IMF']

def sentence(r):
    n = r.randint(8, 22)
    out = []
    for i in range(n):
        k = r.random()
        if k < 0.06:
            out.append(str(r.randint(2, 99999)))
        elif k < 0.09:
            out.append(r.choice(LATIN))
        elif k < 0.11:
            out.append('(' + r.choice(WORDS) + ')')
        elif k < 0.12:
            out.append('«' + r.choice(WORDS) + ' ' + r.choice(WORDS) + '»')
        else:
            out.append(r.choice(WORDS))
    return ' '.join(out) + r.choice(['.', '،', '.', '؟', '.'])

def main():
    target = int(float(sys.argv[1]) * 1024 * 1024)
    r = random.Random(42)
    size = 0
    out = sys.stdout
    while size < target:
        para = ' '.join(sentence(r) for _ in range(r.randint(3, 8)))
        para += '\n\n'
        out.write(para)
        size += len(para.encode('utf-8'))

main()
