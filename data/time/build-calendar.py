#!/usr/bin/env python3
"""Builds calendar.tsv (month, weekday and season names) from CLDR 48.2 plus the spelling variants listed below.

Usage: python3 data/time/build-calendar.py ../shared/data/gazetteers/cldr-48.2.0 > data/time/calendar.tsv
"""
import json
import os
import sys

cldr = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../../shared/data/gazetteers/cldr-48.2.0')
rows = {}  # (name, calendar) -> [number, flags, source]

# names that are also common words or personal names: only read as months with a day, a year, شهر or a preposition
AMBIGUOUS = {'مارس', 'ماي', 'جوان', 'آب', 'نيسان', 'أوت', 'محرم', 'صفر', 'رجب', 'شعبان', 'رمضان', 'شوال'}


def add(name, calendar, number, source):
    name = ' '.join(name.replace('\u00a0', ' ').split())
    key = (name, calendar)
    if key in rows:
        if source not in rows[key][2].split(','):
            rows[key][2] += ',' + source
        return
    flags = 'ambiguous' if name in AMBIGUOUS else ''
    rows[key] = [number, flags, source]


for loc in sorted(os.listdir(cldr)):
    path = os.path.join(cldr, loc, 'ca-gregorian.json')
    if not os.path.exists(path):
        continue
    g = json.load(open(path, encoding='utf-8'))['main'][loc]['dates']['calendars']['gregorian']
    for ctx in ('format', 'stand-alone'):
        for width in ('wide', 'abbreviated'):
            for n, name in g['months'].get(ctx, {}).get(width, {}).items():
                add(name, 'gregorian', int(n), 'cldr:' + loc)
    iso = {'mon': 1, 'tue': 2, 'wed': 3, 'thu': 4, 'fri': 5, 'sat': 6, 'sun': 7}
    for d, name in g['days']['format']['wide'].items():
        add(name, 'weekday', iso[d], 'cldr:' + loc)

ar = os.path.join(cldr, 'ar', 'ca-islamic-umalqura.json')
h = json.load(open(ar, encoding='utf-8'))['main']['ar']['dates']['calendars']['islamic-umalqura']
for n, name in h['months']['format']['wide'].items():
    add(name, 'hijri', int(n), 'cldr:ar')

# spellings in common use that CLDR does not list
for name, n in [('إبريل', 4), ('ابريل', 4), ('يونيه', 6), ('يوليه', 7), ('أغسطس', 8), ('اغسطس', 8), ('أغشت', 8),
                ('سبتمر', 9), ('نوفمير', 11), ('دجنبر', 12), ('ديسيمبر', 12), ('فيفرى', 2), ('جانفى', 1),
                ('كانون ثاني', 1), ('تشرين أول', 10), ('تشرين ثاني', 11), ('كانون أول', 12)]:
    add(name, 'gregorian', n, 'hadath')
for name, n in [('الإثنين', 1), ('الاثنين', 1)]:
    add(name, 'weekday', n, 'hadath')
for name, n in [('المحرم', 1), ('ربيع الثاني', 4), ('ربيع الأخير', 4), ('جمادى الأول', 5), ('جمادى الثاني', 6),
                ('جمادى الثانية', 6), ('جمادى الآخر', 6), ('ذي القعدة', 11), ('ذي الحجة', 12), ('ذى القعدة', 11),
                ('ذى الحجة', 12)]:
    add(name, 'hijri', n, 'hadath')
for name, n in [('الربيع', 1), ('الصيف', 2), ('الخريف', 3), ('الشتاء', 4), ('ربيع', 1), ('صيف', 2), ('خريف', 3),
                ('شتاء', 4)]:
    add(name, 'season', n, 'hadath')

print('# name\tcalendar\tnumber\tflags\tsource')
print('# calendar: gregorian | hijri (months 1-12), weekday (ISO 1 = Monday … 7 = Sunday), season (1 spring, 2 summer, 3 autumn, 4 winter)')
for (name, cal), (n, flags, src) in sorted(rows.items(), key=lambda kv: ({'gregorian': 0, 'hijri': 1, 'weekday': 2, 'season': 3}[kv[0][1]], kv[1][0], kv[0][0])):
    print(f'{name}\t{cal}\t{n}\t{flags}\t{src}')
