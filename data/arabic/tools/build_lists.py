#!/usr/bin/env python3
"""Rebuilds the derived word lists in data/arabic/ from their sources (see ../README.md).

    apt-get download hunspell-ar && dpkg-deb -x hunspell-ar_*.deb /tmp/hunspell-ar
    python3 data/arabic/tools/build_lists.py --ayaspell /tmp/hunspell-ar/usr/share/hunspell/ar_SA.dic \
        --shared ../shared

Every list is written normalised the way Hadath.Arabic's NormalizationOptions.Lexical normalises
(no diacritics or tatweel, أ إ آ ٱ → ا, ى → ي, Persian letters folded), one entry a line, sorted.
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

def is_diacritic(c):
    o = ord(c)
    return (0x64B <= o <= 0x65F or o == 0x670 or 0x610 <= o <= 0x61A or 0x6D6 <= o <= 0x6DC or
            0x6DF <= o <= 0x6E4 or o in (0x6E7, 0x6E8) or 0x6EA <= o <= 0x6ED or (0x8D3 <= o <= 0x8FF and o != 0x8E2))

FOLD = {'أ': 'ا', 'إ': 'ا', 'آ': 'ا', '\u0671': 'ا', '\u0672': 'ا', '\u0673': 'ا', '\u0675': 'ا', 'ى': 'ي',
        '\u06A9': 'ك', '\u06AA': 'ك', '\u06AF': 'ك', '\u06CC': 'ي', '\u06D0': 'ي', '\u06D2': 'ي', '\u06C1': 'ه',
        '\u06BE': 'ه', '\u06D5': 'ه', '\u06C0': 'ه', '\u06A4': 'ف', '\u067E': 'ب', '\u0686': 'ج', '\u0698': 'ز', '\u06C3': 'ة'}

def norm(w):
    return ''.join(FOLD.get(c, c) for c in w if not is_diacritic(c) and c != '\u0640' and c not in '\u200c\u200d\u200e\u200f')

ARABIC = re.compile(r'^[\u0621-\u064A]+$')

def write(name, lines, header):
    path = os.path.join(OUT, name)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        for h in header:
            f.write('# ' + h + '\n')
        for l in lines:
            f.write(l + '\n')
    print(f'{name}: {len(lines)} entries', file=sys.stderr)

def ayaspell(dic):
    """Stems of the Ayaspell dictionary: nouns and names (N) and verb stems (V). The stop-word and
    tool-word sections, which spell out clitic combinations (وبغير, بالله), are left out: function
    words come from function-words.tsv."""
    tags, section = {}, None
    for line in open(dic, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('::::'):
            continue
        if line.endswith('.dic'):
            section = line
            continue
        if section not in ('names.dic', 'verb.huns.dic') or '/' not in line:
            continue
        w = norm(line.split('/')[0].strip())
        if len(w) < 2 or not ARABIC.match(w):
            continue
        tags.setdefault(w, set()).add('N' if section == 'names.dic' else 'V')
    return [f"{w}\t{''.join(sorted(t))}" for w, t in sorted(tags.items())]

def known_to(stems):
    """Whether a word is an Ayaspell stem, directly, after the article, or with a regular ة / ات ending."""
    def known(w):
        for r in ((w[2:], w) if w.startswith('ال') and len(w) > 3 else (w,)):
            if r in stems or (r.endswith('ة') and r[:-1] in stems) or (r.endswith('ات') and (r[:-2] in stems or r[:-2] + 'ة' in stems)):
                return True
        return False
    return known

def clitic_reading(known):
    """Whether a word reads as و ف ب ك ل + a known word, or a known word + a pronoun: a name list entry like that
    would block real splits (لحلف, بشأن), so it is left to whole-words.txt to protect such names (بوتين)."""
    def reads(tok):
        if tok[0] in 'وفبكل' and len(tok) > 3 and known(tok[1:]):
            return True
        return any(tok.endswith(e) and len(tok) - len(e) >= 3 and known(tok[:-len(e)]) for e in ('ها', 'هم', 'ه'))
    return reads

def names(shared, stems):
    """Words of country and place names (i18n-iso-countries, CLDR territories, GeoNames cities1000), kept where
    they name: a one-word name with a population of 100,000 or more (or a country) is kept; any other word only
    when the Ayaspell stems do not know it and it does not read as a clitic and a known word (so generic parts
    such as المتحدة or الجديدة, and words such as بشأن, are left out)."""
    known = known_to(stems)
    clitic_and_word = clitic_reading(known)
    out = set()
    def add(name, big):
        toks = [t for t in norm(name).split() if len(t) >= 3 and ARABIC.match(t)]
        for tok in toks:
            if (big and len(toks) == 1) or not (known(tok) or clitic_and_word(tok)):
                out.add(tok)
    g = os.path.join(shared, 'data', 'gazetteers')
    for v in json.load(open(os.path.join(g, 'i18n-iso-countries', 'ar.json'), encoding='utf-8'))['countries'].values():
        for n in (v if isinstance(v, list) else [v]):
            add(n, True)
    terr = json.load(open(os.path.join(g, 'cldr-48.2.0', 'ar', 'territories.json'), encoding='utf-8'))
    for v in terr['main']['ar']['localeDisplayNames']['territories'].values():
        add(v, True)
    with open(os.path.join(g, 'geonames-cities1000-arabic', 'cities1000_arabic_script.tsv'), encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        col, pop = head.index('arabic_letters_only_names'), head.index('population')
        for line in f:
            cols = line.rstrip('\n').split('\t')
            big = cols[pop].isdigit() and int(cols[pop]) >= 100_000
            for n in cols[col].split('|'):
                add(n, big)
    return sorted(out)

def people(shared, stems):
    """Words of person names in the UniversalPetrarch Arabic actor dictionary (entries with a date-bounded
    role are people): every word of three or more letters that the Ayaspell stems do not know (titles and
    common words such as رئيس or وزير are left out). Words that are a name glued to a clitic in the dictionary
    (لحلف, لمحمد, وطارق, والاعلام: ل + a known word, و + the article or + another name word) are left out too."""
    known = known_to(stems)
    words = set()
    path = os.path.join(shared, 'data', 'lexicons', 'universalpetrarch-ar', 'actor_dict_ar_v4.txt')
    lines = open(path, encoding='utf-8').read().split('\n')
    for i, line in enumerate(lines):
        if not line.strip() or line.startswith(('\t', ' ', '#', '+')):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ''
        if not re.match(r'\s*\[[A-Z]+ \d{8}-\d{8}\]', nxt):
            continue
        for tok in line.split('[')[0].strip().split('_'):
            tok = norm(tok)
            if len(tok) >= 3 and ARABIC.match(tok) and not tok.startswith('ال'):
                words.add(tok)
    def glued(tok):
        if tok[0] == 'ل' and len(tok) > 3 and known(tok[1:]):
            return True
        return tok[0] == 'و' and (tok[1:3] == 'ال' or tok[1:] in words)
    return sorted(t for t in words if not known(t) and not glued(t))

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--ayaspell', required=True)
    ap.add_argument('--shared', required=True)
    a = ap.parse_args()
    stems_lines = ayaspell(a.ayaspell)
    stems = {l.split('\t')[0] for l in stems_lines}
    write('ayaspell-stems.tsv', stems_lines,
          ['Stems of the Ayaspell Arabic dictionary 3.2 (Debian hunspell-ar), normalised: word<TAB>N (noun, adjective, name) and/or V (verb stem).',
           'Copyright (c) 2006-2008 Mohamed Kebdani. Used under the Mozilla Public License 1.1 (LICENSE-ayaspell-MPL-1.1.txt); see README.md.'])
    write('names-places.txt', names(a.shared, stems),
          ['Words of Arabic country, territory and place names: i18n-iso-countries (MIT), CLDR 48.2 territories (Unicode licence),',
           'GeoNames cities1000 (CC BY 3.0, geonames.org). One-word names of countries and places of 100,000 people or more, and',
           'words of other names that the Ayaspell stems do not know. Normalised, one word a line. See README.md.'])
    write('names-people.txt', people(a.shared, stems),
          ['Words of person names from the UniversalPetrarch Arabic actor dictionary (MIT, Open Event Data Alliance) that the',
           'Ayaspell stems do not know. Normalised. See README.md.'])
