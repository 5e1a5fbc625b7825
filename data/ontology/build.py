#!/usr/bin/env python3
"""Regenerates the ontology tables in this folder from ../shared/data/ontology (build time only).

    python3 data/ontology/build.py [SHARED_ONTOLOGY_DIR]

Reads the PLOVER tables (CC BY-SA 4.0) and the ICEWS CAMEO table (MIT, Latin-1 with double-encoded
punctuation) and writes UTF-8 TSV files. Every repair and every project convention applied here is
listed in README.md; the product never reads ../shared at run time.
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'ontology')

QUAD = {'verbal_cooperation': 1, 'material_cooperation': 2, 'verbal_conflict': 3, 'material_conflict': 4}

# Modes used in CAMEO2PLOVER-2021.txt that the PLOVER modes table does not define, mapped to a defined one
# ('' = no mode). Keyed by (type, draft mode).
MODE_REPAIRS = {
    ('RETREAT', 'return'): 'release',      # 0842 return property
    ('RETREAT', 'ease'): '',               # 085: the table itself says "ease" is no longer a mode
    ('THREATEN', 'ban'): 'restrict',       # 132, 1322
    ('THREATEN', 'political'): 'restrict',  # 1321
    ('COERCE', 'ban'): 'restrict',         # 1722
    ('ASSAULT', 'assassinate'): 'targeted',  # 185, 186
    ('ASSAULT', 'seize'): 'destroy',       # 1712 destroy property
    ('ASSAULT', 'pro_autocracy'): '',      # 175: a context written in the mode column
    ('ASSAULT', 'cleansing'): '',          # 201, 203
    ('ASSAULT', 'massacre'): '',           # 200, 202
}
# Contexts used in the mapping that are not among the 37 PLOVER contexts.
CONTEXT_REPAIRS = {'humanitarian': 'human_security', 'democracy': 'pro_democracy'}

# Where this project's annotation guidelines (the realnews gold, ../shared/data/eval/realnews/README.md)
# code a CAMEO category differently from CAMEO2PLOVER-2021. (type, mode, contexts, reason)
PROJECT = {
    '057': ('AGREE', '', 'diplomatic', 'signing or ratifying an agreement is coded AGREE'),
    '084': ('CONCEDE', '', '', 'releases and returns are coded CONCEDE'),
    '0841': ('CONCEDE', '', 'legal', 'releases of persons are coded CONCEDE'),
    '0842': ('CONCEDE', '', 'legal', 'returns of property are coded CONCEDE'),
    '086': ('CONCEDE', '', 'diplomatic', 'allowing access is coded CONCEDE'),
    '0861': ('CONCEDE', '', 'peacekeeping', 'allowing access is coded CONCEDE'),
    '0862': ('CONCEDE', '', 'diplomatic', 'allowing access is coded CONCEDE'),
    '0863': ('CONCEDE', '', 'human_security', 'allowing aid deliveries is coded CONCEDE'),
    '163': ('SANCTION', 'discontinue', 'economic', 'imposing sanctions/embargoes is coded SANCTION (PLOVER mode "international sanctions")'),
}
# Appeals (CAMEO 02) are coded REQUEST like demands (10): mode by the analogous 10x code.
APPEAL_MODE = {'020': '', '021': 'assist', '022': 'assist', '023': 'assist', '024': 'change', '025': 'yield',
               '026': 'meet', '027': 'meet', '028': 'meet'}
APPEAL_CONTEXT = {'0211': 'economic', '0212': 'military', '0213': 'legal', '0214': 'intelligence', '022': 'diplomatic',
                  '0231': 'economic', '0232': 'military', '0233': 'human_security', '0234': 'peacekeeping',
                  '024': 'political_institutions', '0241': 'executive', '0242': 'executive', '0243': 'rights_freedoms',
                  '0244': 'political_institutions', '0251': 'legal', '0252': 'legal', '0253': 'legal', '0254': 'economic',
                  '0255': 'diplomatic', '0256': 'military', '026': 'diplomatic', '027': 'diplomatic', '028': 'diplomatic'}


def clean(s):
    """The ICEWS file is UTF-8 text decoded as Mac Roman and saved as Windows-1252; undo that."""
    if s in ('NA', None):
        return ''
    out = []
    for part in re.split(r'([^\x00-\x7f]+)', s):
        if part and ord(part[0]) > 127:
            try:
                part = part.encode('mac_roman').decode('utf-8')
            except (UnicodeEncodeError, UnicodeDecodeError):
                part = {'\u00ac': '\u00c7'}.get(part, part)  # "C¬? ankaya": a lost Ç
        out.append(part)
    s = ''.join(out).replace('C\u00c7? ankaya', '\u00c7ankaya')
    return re.sub(r'\s+', ' ', s).strip()


def write(name, header, rows):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8', newline='\n') as f:
        f.write('# ' + '\t'.join(header) + '\n')
        for r in rows:
            assert all('\t' not in str(x) and '\n' not in str(x) for x in r), r
            f.write('\t'.join(str(x) for x in r) + '\n')


def main():
    # PLOVER types and modes
    types, modes = {}, []
    with open(os.path.join(SRC, 'plover', 'plover_event_types_modes.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            t = r['event_type']
            if not r['mode']:
                types[t] = (QUAD[r['quad_class']], r['quad_class'], {'yes': 'yes', 'no': 'no'}.get(r['requires_recipient'], 'conditional'),
                            r['plover_score'], r['mode_definition'])
            else:
                modes.append((t, r['mode'], r['plover_score'], r['mode_definition']))
    assert len(types) == 16, len(types)
    # ACCUSE base score is printed +3 in the manual table (a sign typo: its modes score -2 to -3.5)
    q, qn, rr, score, note = types['ACCUSE']
    types['ACCUSE'] = (q, qn, rr, '-3', 'manual table prints +3 (sign typo); corrected')
    write('plover_types.tsv', ['type', 'quad_class', 'quad_name', 'requires_recipient', 'score', 'note'],
          [(t, *v) for t, v in types.items()])
    write('plover_modes.tsv', ['type', 'mode', 'score', 'definition'], modes)
    mode_set = {(t, m) for t, m, _, _ in modes}

    with open(os.path.join(SRC, 'plover', 'plover_contexts.txt'), encoding='utf-8') as f:
        contexts = [l.strip() for l in f if l.strip()]
    assert len(contexts) == 37
    write('plover_contexts.tsv', ['context'], [(c,) for c in contexts])

    # CAMEO codes (ICEWS Goldstein values)
    with open(os.path.join(SRC, 'cameo', 'cameo_codes_goldstein_icews.latin1.csv'), encoding='cp1252') as f:
        icews = list(csv.DictReader(f))
    codes = {}
    for r in icews:
        g = float(r['goldstein'])
        codes[r['code']] = (r['root_code'], clean(r['name']), ('%g' % g), clean(r['description']), 'icews')

    # CAMEO -> PLOVER
    mapping = {}
    names = {}
    with open(os.path.join(SRC, 'plover', 'CAMEO2PLOVER-2021.txt'), encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#?(.*)$', line.rstrip('\n'))
            if not m:
                continue
            code, t, mode, ctx, comment = m.group(1), m.group(2), m.group(3).strip(), m.group(4), m.group(5).strip()
            if code in mapping:
                continue  # 175 is listed twice with the same coding
            mode = MODE_REPAIRS.get((t, mode), mode)
            cs = [CONTEXT_REPAIRS.get(c.strip(), c.strip()) for c in ctx.split(';') if c.strip()]
            if code == '175':
                cs = ['repression', 'military']
            mapping[code] = [t, mode, cs, 'CAMEO2PLOVER-2021']
            names[code] = comment
    for code, (t, mode, ctx, why) in PROJECT.items():
        mapping[code] = [t, mode, [c for c in ctx.split(';') if c], 'hadath: ' + why]
    for code in codes:
        if code.startswith('02') and len(code) >= 3:
            base = code[:3]
            mapping[code] = ['REQUEST', APPEAL_MODE[base], [APPEAL_CONTEXT[code]] if code in APPEAL_CONTEXT else [],
                             'hadath: appeals (CAMEO 02) are coded REQUEST like demands (10)']
    # codes the mapping has but ICEWS lacks (1214): name from the mapping, Goldstein of the parent
    for code in mapping:
        if code not in codes:
            parent = code[:-1]
            codes[code] = (code[:2], names.get(code, ''), codes[parent][2], '', 'plover (Goldstein of %s)' % parent)
    # root codes take the mapping of their x0 code; 01 (statements) has no PLOVER type
    for code in list(codes):
        if len(code) == 2 and code not in mapping and code != '01':
            base = mapping[code + '0']
            mapping[code] = [base[0], base[1], list(base[2]), 'root: as %s0' % code]
    # every mode and context must now be a defined one
    for code, (t, mode, cs, _) in mapping.items():
        assert t in types, (code, t)
        assert mode == '' or (t, mode) in mode_set, (code, t, mode)
        for c in cs:
            assert c in contexts, (code, c)
    order = sorted(codes, key=lambda c: (c[:2], c.ljust(4, '0'), len(c)))
    write('cameo_codes.tsv', ['code', 'root', 'name', 'goldstein', 'description', 'source'],
          [(c, *codes[c]) for c in order])
    write('cameo_plover.tsv', ['code', 'type', 'mode', 'contexts', 'source'],
          [(c, mapping[c][0], mapping[c][1], ';'.join(mapping[c][2]), mapping[c][3]) for c in order if c in mapping])


if __name__ == '__main__':
    main()
