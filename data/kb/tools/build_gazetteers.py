#!/usr/bin/env python3
"""Builds data/kb/countries.tsv and data/kb/places.tsv from the third-party gazetteers in ../shared.

Run from the repository root:  python3 data/kb/tools/build_gazetteers.py ../shared/data/gazetteers
The outputs are ordinary analyst-editable TSV files: after generation they are curated by hand
(the CURATED tables below are the curation, kept here so a rebuild keeps it).
Standard library only.
"""
import csv, json, os, re, sys, unicodedata

SRC = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/gazetteers'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DIAC = re.compile('[\u064B-\u065F\u0670\u0640]')

def clean(name):
    name = DIAC.sub('', unicodedata.normalize('NFC', name)).strip()
    name = re.sub(r'\s+', ' ', name)
    return name

def arabic_only(name):
    return bool(name) and all(c == ' ' or '\u0621' <= c <= '\u064A' for c in name)

# CAMEO country codes that differ from ISO 3166 alpha-3
CAMEO = {'ROU': 'ROM', 'TLS': 'TMP', 'UNK': 'KSV', 'COD': 'COD', 'MNE': 'MNE', 'SRB': 'SRB', 'SSD': 'SSD'}
ISO_FIX = {'UNK': 'XKX'}  # world-countries writes Kosovo as UNK

# Arabic names and spellings that news uses and the sources lack (curated)
CURATED = {
    'USA': ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية', 'أمريكا', 'أميركا', 'امريكا', 'اميركا'],
    'GBR': ['بريطانيا', 'المملكة المتحدة', 'بريطانيا العظمى', 'إنجلترا', 'إنكلترا', 'انجلترا'],
    'RUS': ['روسيا', 'روسيا الاتحادية', 'الاتحاد الروسي'],
    'PSE': ['فلسطين', 'دولة فلسطين', 'الأراضي الفلسطينية', 'الأراضي الفلسطينية المحتلة'],
    'SAU': ['السعودية', 'المملكة العربية السعودية', 'المملكة السعودية'],
    'ARE': ['الإمارات', 'الإمارات العربية المتحدة', 'دولة الإمارات'],
    'SYR': ['سوريا', 'سورية', 'الجمهورية العربية السورية'],
    'PRK': ['كوريا الشمالية', 'كوريا الديمقراطية', 'جمهورية كوريا الديمقراطية الشعبية'],
    'KOR': ['كوريا الجنوبية', 'جمهورية كوريا'],
    'CHN': ['الصين', 'جمهورية الصين الشعبية', 'الصين الشعبية'],
    'TWN': ['تايوان'],
    'IRN': ['إيران', 'الجمهورية الإسلامية الإيرانية', 'الجمهورية الإسلامية'],
    'TUR': ['تركيا', 'الجمهورية التركية', 'تركية'],
    'EGY': ['مصر', 'جمهورية مصر العربية'],
    'MAR': ['المغرب', 'المملكة المغربية'],
    'JOR': ['الأردن', 'المملكة الأردنية الهاشمية', 'المملكة الأردنية'],
    'DZA': ['الجزائر'],
    'LBY': ['ليبيا'],
    'TUN': ['تونس'],
    'SDN': ['السودان'],
    'SSD': ['جنوب السودان'],
    'YEM': ['اليمن'],
    'IRQ': ['العراق'],
    'LBN': ['لبنان'],
    'KWT': ['الكويت'],
    'QAT': ['قطر'],
    'BHR': ['البحرين'],
    'OMN': ['عمان', 'سلطنة عمان', 'سلطنة عُمان'],
    'MRT': ['موريتانيا'],
    'SOM': ['الصومال'],
    'DJI': ['جيبوتي'],
    'COM': ['جزر القمر'],
    'AFG': ['أفغانستان'],
    'PAK': ['باكستان'],
    'IND': ['الهند'],
    'MEX': ['المكسيك'],
    'DEU': ['ألمانيا', 'المانيا'],
    'FRA': ['فرنسا'],
    'ITA': ['إيطاليا', 'ايطاليا'],
    'ESP': ['إسبانيا', 'اسبانيا'],
    'UKR': ['أوكرانيا', 'اوكرانيا'],
    'BLR': ['بيلاروسيا', 'روسيا البيضاء', 'بيلاروس'],
    'ISR': ['إسرائيل', 'اسرائيل', 'دولة إسرائيل'],
    'NLD': ['هولندا'],
    'CZE': ['التشيك', 'جمهورية التشيك', 'تشيكيا'],
    'ETH': ['إثيوبيا', 'اثيوبيا', 'أثيوبيا'],
    'ZAF': ['جنوب أفريقيا', 'جنوب إفريقيا', 'جمهورية جنوب أفريقيا'],
    'CAF': ['أفريقيا الوسطى', 'إفريقيا الوسطى', 'جمهورية أفريقيا الوسطى'],
    'COD': ['الكونغو الديمقراطية', 'جمهورية الكونغو الديمقراطية'],
    'COG': ['الكونغو برازافيل', 'جمهورية الكونغو'],
    'CIV': ['ساحل العاج', 'كوت ديفوار'],
    'MMR': ['ميانمار', 'بورما'],
    'VEN': ['فنزويلا'],
    'BRA': ['البرازيل'],
    'ARG': ['الأرجنتين'],
    'JPN': ['اليابان'],
    'GEO': ['جورجيا'],
    'AZE': ['أذربيجان', 'أذربيجيان'],
    'ARM': ['أرمينيا', 'أرمينيا'],
    'KAZ': ['كازاخستان'],
    'UZB': ['أوزبكستان'],
    'TKM': ['تركمانستان'],
    'TJK': ['طاجيكستان'],
    'KGZ': ['قرغيزستان', 'قيرغيزستان'],
    'MDA': ['مولدوفا', 'مولدافيا'],
    'MKD': ['مقدونيا الشمالية', 'مقدونيا', 'شمال مقدونيا'],
    'BIH': ['البوسنة والهرسك', 'البوسنة'],
    'XKX': ['كوسوفو'],
    'VAT': ['الفاتيكان', 'حاضرة الفاتيكان'],
    'NZL': ['نيوزيلندا', 'نيوزيلاندا'],
    'PHL': ['الفلبين'],
    'ESH': ['الصحراء الغربية'],
    'ERI': ['إريتريا', 'إرتريا', 'اريتريا'],
    'NGA': ['نيجيريا'],
    'NER': ['النيجر'],
    'TCD': ['تشاد'],
    'MLI': ['مالي'],
    'BFA': ['بوركينا فاسو'],
    'SEN': ['السنغال'],
    'CUB': ['كوبا'],
    'GRC': ['اليونان'],
    'CYP': ['قبرص'],
    'HUN': ['المجر', 'هنغاريا'],
    'POL': ['بولندا', 'بولونيا'],
    'SWE': ['السويد'],
    'NOR': ['النرويج'],
    'FIN': ['فنلندا'],
    'DNK': ['الدنمارك', 'الدانمارك'],
    'CHE': ['سويسرا'],
    'AUT': ['النمسا'],
    'BEL': ['بلجيكا'],
    'IRL': ['أيرلندا', 'ايرلندا', 'إيرلندا'],
    'AUS': ['أستراليا', 'استراليا'],
    'CAN': ['كندا'],
    'IDN': ['إندونيسيا', 'اندونيسيا'],
    'MYS': ['ماليزيا'],
    'BGD': ['بنغلاديش', 'بنجلاديش'],
    'LKA': ['سريلانكا'],
    'VNM': ['فيتنام'],
    'THA': ['تايلاند'],
}
# places and cities that GeoNames spells differently from the news, or lacks (curated)
PLACE_CURATED = {
    'Jerusalem': ['القدس', 'القدس الشرقية', 'القدس المحتلة', 'أورشليم'],
    'Gaza': ['غزة'],
    'Washington, D.C.': ['واشنطن', 'واشنطن العاصمة'],
    'Moscow': ['موسكو'],
    'Kyiv': ['كييف'],
    'Beijing': ['بكين'],
    'Tehran': ['طهران'],
    'Tel Aviv': ['تل أبيب', 'تل ابيب'],
    'Riyadh': ['الرياض'],
    'Damascus': ['دمشق'],
    'Beirut': ['بيروت'],
    'Baghdad': ['بغداد'],
    'Cairo': ['القاهرة'],
    'Amman': ['عمان', 'عمّان'],
    'Ankara': ['أنقرة'],
    'Istanbul': ['إسطنبول', 'اسطنبول', 'إستانبول'],
    'Doha': ['الدوحة'],
    'Sanaa': ['صنعاء'],
    'Khartoum': ['الخرطوم'],
    'Tripoli': ['طرابلس'],
    'Algiers': ['الجزائر العاصمة'],
    'Rabat': ['الرباط'],
    'Tunis': ['تونس العاصمة'],
    'Muscat': ['مسقط'],
    'Abu Dhabi': ['أبوظبي', 'أبو ظبي'],
    'Dubai': ['دبي'],
    'Kuwait City': ['مدينة الكويت'],
    'Manama': ['المنامة'],
    'Paris': ['باريس'],
    'London': ['لندن'],
    'Berlin': ['برلين'],
    'Brussels': ['بروكسل'],
    'Geneva': ['جنيف'],
    'Vienna': ['فيينا'],
    'Rome': ['روما'],
    'Madrid': ['مدريد'],
    'Tokyo': ['طوكيو'],
    'New Delhi': ['نيودلهي', 'نيودلهى'],
    'Islamabad': ['إسلام آباد', 'إسلام اباد'],
    'Kabul': ['كابول', 'كابل'],
    'Addis Ababa': ['أديس أبابا', 'أديس ابابا'],
    'Ramallah': ['رام الله'],
    'Pyongyang': ['بيونغ يانغ', 'بيونغيانغ', 'بيونج يانج'],
    'Seoul': ['سول', 'سيول'],
    'Minsk': ['مينسك'],
    'Warsaw': ['وارسو'],
    'Aleppo': ['حلب'],
    'Mosul': ['الموصل'],
    'Basrah': ['البصرة'],
    'Aden': ['عدن'],
    'Benghazi': ['بنغازي'],
    'Jeddah': ['جدة'],
    'Mecca': ['مكة', 'مكة المكرمة'],
    'Medina': ['المدينة المنورة'],
    'Khan Yunis': ['خان يونس', 'خانيونس'],
    'Rafah': ['رفح'],
    'Nablus': ['نابلس'],
    'Jenin': ['جنين'],
    'Hebron': ['الخليل'],
    'Bethlehem': ['بيت لحم'],
    'Erbil': ['أربيل', 'اربيل'],
    'Kharkiv': ['خاركيف', 'خاركوف'],
    'Odesa': ['أوديسا'],
    'Donetsk': ['دونيتسك'],
    'Luhansk': ['لوغانسك', 'لوهانسك'],
    'Saint Petersburg': ['سانت بطرسبرغ', 'سان بطرسبورغ', 'بطرسبورغ'],
    'New York City': ['نيويورك'],
    'Ottawa': ['أوتاوا'],
    'Caracas': ['كاراكاس'],
    'Havana': ['هافانا'],
    'Quetta': ['كويتا', 'كويته'],
}
# cities news names often that the GeoNames Arabic-script extract lacks (curated; coordinates from GeoNames)
EXTRA_PLACES = [
    ('Washington, D.C.', 'USA', 38.89511, -77.03637, 689545, ['واشنطن', 'واشنطن العاصمة']),
    ('Kyiv', 'UKR', 50.45466, 30.5238, 2797553, ['كييف']),
    ('Tehran', 'IRN', 35.69439, 51.42151, 7153309, ['طهران']),
    ('Istanbul', 'TUR', 41.01384, 28.94966, 14804116, ['إسطنبول', 'اسطنبول', 'إستانبول']),
    ('Odesa', 'UKR', 46.47747, 30.73262, 1015826, ['أوديسا', 'أوديسا']),
    ('Donetsk', 'UKR', 48.023, 37.80224, 988000, ['دونيتسك']),
    ('Luhansk', 'UKR', 48.56705, 39.31706, 452000, ['لوغانسك', 'لوهانسك']),
    ('Zaporizhzhia', 'UKR', 47.82289, 35.19031, 710052, ['زابوريجيا', 'زاباروجيا']),
    ('Kherson', 'UKR', 46.65581, 32.6178, 320477, ['خيرسون']),
    ('Mariupol', 'UKR', 47.09514, 37.54131, 481626, ['ماريوبول']),
    ('Bakhmut', 'UKR', 48.5956, 38.0003, 72310, ['باخموت']),
    ('Kursk', 'RUS', 51.73733, 36.18735, 450000, ['كورسك']),
    ('Belgorod', 'RUS', 50.61074, 36.58015, 391554, ['بيلغورود']),
    ('Basrah', 'IRQ', 30.50852, 47.7804, 2600000, ['البصرة']),
    ('Kirkuk', 'IRQ', 35.46806, 44.39222, 601433, ['كركوك']),
    ('Fallujah', 'IRQ', 33.34913, 43.78599, 190159, ['الفلوجة']),
    ('Najaf', 'IRQ', 32.02594, 44.34625, 482576, ['النجف']),
    ('Karbala', 'IRQ', 32.61603, 44.02488, 434450, ['كربلاء']),
    ('Idlib', 'SYR', 35.93062, 36.63393, 128840, ['إدلب', 'ادلب']),
    ('Deir ez-Zor', 'SYR', 35.33588, 40.14084, 242565, ['دير الزور']),
    ('Raqqa', 'SYR', 35.95283, 39.00788, 177636, ['الرقة']),
    ('Latakia', 'SYR', 35.53168, 35.79011, 340181, ['اللاذقية']),
    ('Hodeidah', 'YEM', 14.79781, 42.95452, 617871, ['الحديدة']),
    ('Marib', 'YEM', 15.46253, 45.32581, 16794, ['مأرب']),
    ('Mukalla', 'YEM', 14.54248, 49.12424, 258132, ['المكلا']),
    ('El Fasher', 'SDN', 13.62793, 25.34936, 264734, ['الفاشر']),
    ('Omdurman', 'SDN', 15.64453, 32.47773, 1200000, ['أم درمان']),
    ('Port Sudan', 'SDN', 19.61745, 37.21644, 489725, ['بورتسودان', 'بور سودان']),
    ('Misrata', 'LBY', 32.37535, 15.09254, 386120, ['مصراتة']),
    ('Sirte', 'LBY', 31.20892, 16.58866, 128123, ['سرت']),
    ('Tulkarm', 'PSE', 32.31037, 35.02862, 61800, ['طولكرم']),
    ('Qalqilya', 'PSE', 32.18966, 34.97063, 41739, ['قلقيلية']),
    ('Deir al-Balah', 'PSE', 31.41834, 34.35088, 59504, ['دير البلح']),
    ('Jabalia', 'PSE', 31.5272, 34.48347, 168568, ['جباليا']),
    ('Beit Lahia', 'PSE', 31.54642, 34.49514, 89838, ['بيت لاهيا']),
    ('Beit Hanoun', 'PSE', 31.53806, 34.53694, 52237, ['بيت حانون']),
    ('Haifa', 'ISR', 32.81841, 34.9885, 267300, ['حيفا']),
    ('Eilat', 'ISR', 29.55805, 34.94821, 45588, ['إيلات']),
    ('Ashkelon', 'ISR', 31.66926, 34.57149, 105995, ['عسقلان', 'أشكلون']),
    ('Sderot', 'ISR', 31.525, 34.59693, 19700, ['سديروت']),
    ('Sidon', 'LBN', 33.55751, 35.37148, 163554, ['صيدا']),
    ('Tyre', 'LBN', 33.27333, 35.19389, 117100, ['صور']),
    ('Baalbek', 'LBN', 34.00583, 36.21806, 82608, ['بعلبك']),
    ('Strasbourg', 'FRA', 48.58392, 7.74553, 274845, ['ستراسبورغ']),
    ('Davos', 'CHE', 46.80429, 9.83723, 11156, ['دافوس']),
    ('Sochi', 'RUS', 43.59917, 39.72569, 343334, ['سوتشي']),
    ('Anchorage', 'USA', 61.21806, -149.90028, 291826, ['أنكوريج', 'ألاسكا']),
    ('Sharm El Sheikh', 'EGY', 27.91582, 34.32995, 73000, ['شرم الشيخ']),
    ('Mogadishu', 'SOM', 2.03711, 45.34375, 2587183, ['مقديشو']),
    ('Naypyidaw', 'MMR', 19.745, 96.12972, 925000, ['نايبيداو']),
    ('Yangon', 'MMR', 16.80528, 96.15611, 4477638, ['يانغون', 'يانجون', 'رانغون']),
    ('Vienna', 'AUT', 48.20849, 16.37208, 1691468, ['فيينا']),
    ('Juba', 'SSD', 4.85165, 31.58247, 300000, ['جوبا']),
    ('Taipei', 'TWN', 25.04776, 121.53185, 7871900, ['تايبيه', 'تايبي']),
    ('Conakry', 'GIN', 9.53795, -13.67729, 1767200, ['كوناكري']),
    ('Bangui', 'CAF', 4.36122, 18.55496, 542393, ['بانغي']),
    ('Guantanamo', 'CUB', 20.14444, -75.20917, 272801, ['غوانتانامو', 'جوانتانامو']),
    ('Zurich', 'CHE', 47.36667, 8.55, 341730, ['زيورخ', 'زيوريخ']),
    ('Houston', 'USA', 29.76328, -95.36327, 2296224, ['هيوستن', 'هيوستون']),
    ('Hong Kong', 'HKG', 22.27832, 114.17469, 7012738, ['هونغ كونغ', 'هونج كونج']),
    # Pakistani and Afghan cities the extract names only in Urdu or Persian letters (پشاور)
    ('Peshawar', 'PAK', 34.008, 71.57849, 1218773, ['بيشاور']),
    ('Rawalpindi', 'PAK', 33.6007, 73.0679, 1743101, ['راولبندي', 'روالبندي']),
    ('Multan', 'PAK', 30.19679, 71.47824, 1437230, ['ملتان']),
    ('Kandahar', 'AFG', 31.61332, 65.71013, 391190, ['قندهار']),
    ('Herat', 'AFG', 34.34817, 62.19967, 272806, ['هرات']),
    ('Mazar-e Sharif', 'AFG', 36.70904, 67.11087, 303282, ['مزار شريف']),
    ('Jalalabad', 'AFG', 34.42647, 70.45153, 200331, ['جلال آباد', 'جلال اباد']),
]
# capitals' English names in world-countries that differ from GeoNames
CAPITAL_ALIASES = {'Washington D.C.': 'Washington, D.C.', 'Kyiv': 'Kyiv', 'Kiev': 'Kyiv', 'Sana\'a': 'Sanaa',
                   'Jerusalem': 'Jerusalem', 'Ulan Bator': 'Ulaanbaatar', 'Kuwait City': 'Kuwait City'}
# single words that are GeoNames place names but far more often common words in news (curated)
STOP = set('''الم هام تور كيل الش بن بون باري فورت سانتا ليون البسيط سوسة رن رين تل بيت دير عين قرية مدينة بلدة
الجديدة الحرية السلام النصر الأمل النور الوحدة الثورة الاستقلال العروبة الشهداء الفتح الشرق الغرب الوسط المركز
السوق الجامعة الميناء المطار المحطة الجسر الخط الحدود الجبل البحر النهر الوادي الساحل القلعة البرج البلد
الخير الأمير الملك الشيخ الحي الشمال الجنوب الغربية الشرقية الوسطى الكبرى الصغرى العليا السفلى الشمالية الجنوبية
الجزيره الجزيرة الحمراء الخضراء البيضاء الزرقاء الصفراء السوداء حماة كفر قصر برج جسر سوق باب رأس بئر تلة نهر
منصورة منصوره قاهره طور سوريا لبنان مصر بنان لورد طيبة الرابية المنارة الرحمة الصالحية المحمدية العباسية
حمص تعز المدينة مدينه وان ميدان كيف'''.split())
KEEP_SINGLE = {'حمص', 'تعز', 'حماة'}  # well-known cities whose names STOP would otherwise catch
# country names that are also common words: matched only after a locative cue or a first full mention
WEAK_NAMES = {'مالي', 'بنين', 'الجبل الأسود', 'الجبل الاسود', 'صور'}
LARGE_CITY = 200000  # a city this large keeps the names the spelling dictionary also lists
COMMON_CITY_NAMES = {'الزاوية', 'العماره', 'العمارة', 'مىلان', 'ميلان'}  # large cities' names read far more often as common words (or as a club, a given name: ميلان)
ARAB = set('AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE MR SO DJ KM'.split())


def common_words(path):
    """Normalised Ayaspell noun and verb stems (data/arabic/ayaspell-stems.tsv, MPL 1.1): a single-word place name
    spelt like a common word is only read as a place after a locative cue (tier 2)."""
    words = set()
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            words.add(norm(line.split('\t')[0]))
    return words


def norm(w):
    w = DIAC.sub('', w)
    return re.sub('[أإآٱ]', 'ا', w).replace('ى', 'ي').replace('ة', 'ه')


def main():
    common = common_words(os.path.join(OUT, '..', 'arabic', 'ayaspell-stems.tsv'))
    countries = list(csv.DictReader(open(os.path.join(SRC, 'world-countries/countries_ar.tsv'), encoding='utf-8'), delimiter='\t'))
    i18n = json.load(open(os.path.join(SRC, 'i18n-iso-countries/ar.json'), encoding='utf-8'))['countries']
    cldr = {}
    for loc in sorted(os.listdir(os.path.join(SRC, 'cldr-48.2.0'))):
        p = os.path.join(SRC, 'cldr-48.2.0', loc, 'territories.json')
        if os.path.exists(p):
            t = json.load(open(p, encoding='utf-8'))['main'][loc]['localeDisplayNames']['territories']
            for k, v in t.items():
                cldr.setdefault(k.split('-')[0], []).append(v)
    iso2to3 = {}
    rows = []
    for c in countries:
        iso3 = ISO_FIX.get(c['cca3'], c['cca3'])
        iso2to3[c['cca2']] = iso3
        names = []
        for n in CURATED.get(iso3, []) + [c['name_ar_common'], c['name_ar_official']] + \
                ([i18n[c['cca2']]] if isinstance(i18n.get(c['cca2']), str) else list(i18n.get(c['cca2']) or [])) + cldr.get(c['cca2'], []):
            n = clean(n)
            if arabic_only(n) and n not in names and 'ففانستان' not in n and n != 'المسكيك' and not n.startswith('دولة '):
                names.append(n)
        names = ['?' + n if n in WEAK_NAMES else n for n in names]
        rows.append((iso3, c['cca2'], CAMEO.get(iso3, iso3), c['name_en_common'], CAPITAL_ALIASES.get(c['capital_en'], c['capital_en']).split(';')[0],
                     c['lat'], c['lng'], '|'.join(names)))
    with open(os.path.join(OUT, 'countries.tsv'), 'w', encoding='utf-8') as f:
        f.write('# iso3\tiso2\tcameo\tname_en\tcapital_en\tlat\tlon\tnames_ar (| separated; the first is the canonical Arabic name)\n')
        for r in sorted(rows):
            f.write('\t'.join(r) + '\n')
    capitals = {(r[0], r[4]) for r in rows}

    geo = list(csv.DictReader(open(os.path.join(SRC, 'geonames-cities1000-arabic/cities1000_arabic_script.tsv'), encoding='utf-8'), delimiter='\t'))
    out = []
    seen_en = set()
    for g in geo:
        iso3 = iso2to3.get(g['country'])
        if not iso3:
            continue
        names = []
        for n in PLACE_CURATED.get(g['name']) or g['arabic_letters_only_names'].split('|'):
            n = clean(n)
            if not arabic_only(n) or len(n.replace(' ', '')) < 3 or n in names:
                continue
            if ' ' not in n and n in STOP and n not in KEEP_SINGLE and n not in PLACE_CURATED.get(g['name'], []):
                continue
            names.append(n)
        if not names:
            continue
        names = ['?' + n if n in WEAK_NAMES else n for n in names]
        pop = int(g['population'] or 0)
        capital = g['feature_code'] == 'PPLC' or (iso3, g['name']) in capitals
        if g['name'] in PLACE_CURATED:
            if g['name'] in seen_en and not capital:
                continue
            seen_en.add(g['name'])
        # tier 1: anywhere; 2: after a locative cue (في, من, إلى, قرية …); 3: after a place noun (مدينة, بلدة, قرية …)
        big = pop >= 100000 if g['country'] in ARAB else pop >= 500000
        tier = 1 if capital or big or g['name'] in PLACE_CURATED or (g['country'] in ARAB and pop >= 20000) else 2
        # a one-word variant spelt like a common word (دوله, سنه, السلمية) is dropped when the place has other names;
        # a place known only by such a name needs a place noun before it, unless it is a large city (مراكش, فاس)
        def is_common(n):
            k = norm(n).removeprefix('ال')
            return ' ' not in n and (norm(n) in common or k in common or (k.endswith('ه') and k[:-1] in common))
        # a large city's own names of five letters or more stay even when the spelling dictionary lists them (it lists
        # many proper nouns: برشلونة, إشبيلية, غرناطة); STOP and COMMON_CITY_NAMES still drop the mostly common words
        def keeps(n):
            k = norm(n).removeprefix('ال')
            return pop >= LARGE_CITY and len(k) >= 5 and n not in COMMON_CITY_NAMES
        if not capital and g['name'] not in PLACE_CURATED:
            kept = [n for n in names if not is_common(n.lstrip('?')) or keeps(n.lstrip('?'))]
            if kept:
                names = kept
            elif pop < 500000:
                tier = 3
        out.append((g['geonameid'], g['name'], iso3, g['feature_code'], str(pop), g['lat'], g['lon'], str(tier), '|'.join(names)))
    for i, (en, iso3, lat, lon, pop, names) in enumerate(EXTRA_PLACES):
        out.append((f'hk{i + 1}', en, iso3, 'PPLC' if (iso3, en) in capitals else 'PPL', str(pop), str(lat), str(lon), '1', '|'.join(names)))
    with open(os.path.join(OUT, 'places.tsv'), 'w', encoding='utf-8') as f:
        f.write('# geonameid\tname_en\tcountry\tfeature\tpopulation\tlat\tlon\ttier\tnames_ar (| separated)\n')
        for r in out:
            f.write('\t'.join(r) + '\n')
    print(len(rows), 'countries;', len(out), 'places')


if __name__ == '__main__':
    main()
