#!/usr/bin/python3
"""Converts the peers' complaint-severity table and answers into plaint's vectors.

    severity_peers.py table PEERS/severity_table.json
        writes severity_table.plaint.json (hit policy first) and
        severity_table_collect.plaint.json (the same rows, hit policy collect)
    severity_peers.py answers PEERS_WORK/out
        writes severity_peers_10000.csv and severity_peers_rows.csv from the peers' outputs
        rules_zen_first.jsonl and rules_zen_collect.jsonl (checked equal to json-rules-engine's)

Everything is written next to this script. See README.md ("severity_*").
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The peer table's vocabulary -> plaint's enumerators (plaint/enums.hpp).
CATEGORY = {'equipment': 'equipment', 'attitude': 'attitude', 'quality': 'quality',
            'emergency': 'sudden_event', 'other': 'other'}
CHANNEL = {c: c for c in ('phone', 'visit', 'letter', 'online', 'authority', 'media')}
NATURE = {'valid': 'valid', 'invalid': 'invalid', 'major': 'major', 'help': 'help_seeking',
          'consult': 'consulting', 'vent': 'venting'}
SEVERITY = {'P1': 'p1', 'P2': 'p2', 'P3': 'p3', 'P4': 'p4'}
ROLE = {'duty': 'duty_staff', 'cs_manager': 'cs_manager', 'general_manager': 'general_manager',
        'company': 'company'}
# Input fields -> plaint's Facts: the token list `keywords` and the flag `vip` both become tags.
NUMERIC = {'reporter_count': 'reporter_count', 'repeat_in_30d': 'repeat_count',
           'hours_since_report': 'hours_since_received'}


def fail(msg):
    sys.exit('severity_peers.py: ' + msg)


def enum_value(names, op, value, field):
    if op == 'eq':
        return names[value]
    if op == 'in':
        return [names[v] for v in value]
    fail('%s: unsupported op %s' % (field, op))


def comparison(op, value):
    if op == 'eq':
        return value
    if op in ('gt', 'gte', 'lt', 'lte'):
        return {op: value}
    if op == 'between':  # inclusive in both
        return {'between': list(value)}
    fail('unsupported numeric op ' + op)


def condition(conds, row_id):
    when = {}
    tags = {}  # mode -> list

    def add_tags(mode, values):
        if mode in tags:
            fail('%s: two tag conditions of mode %s' % (row_id, mode))
        tags[mode] = values

    for c in conds:
        field, op, value = c['field'], c['op'], c['value']
        if field in when:
            fail('%s: two conditions on %s' % (row_id, field))
        if field == 'channel':
            when['channel'] = enum_value(CHANNEL, op, value, field)
        elif field == 'category':
            when['category'] = enum_value(CATEGORY, op, value, field)
        elif field in NUMERIC:
            when[NUMERIC[field]] = comparison(op, value)
        elif field == 'building':
            values = [value] if op == 'eq' else value if op == 'in' else fail('building ' + op)
            for b in values:  # plaint's building patterns are globs: keep them literal
                if '*' in b or '?' in b:
                    fail('%s: building %r has glob characters' % (row_id, b))
            when['building'] = values
        elif field == 'keywords':
            if op != 'contains_any':
                fail('keywords ' + op)
            add_tags('any', list(value))
        elif field == 'vip':
            if op != 'eq' or not isinstance(value, bool):
                fail('vip ' + op)
            add_tags('all' if value else 'none', ['vip'])
        else:
            fail('%s: unknown field %s' % (row_id, field))
    if tags:
        when['tags'] = tags['any'] if list(tags) == ['any'] else tags
    return when


def outputs(then):
    return {'nature': NATURE[then['nature']], 'severity': SEVERITY[then['severity']],
            'sla_policy': then['sla_policy'], 'escalate_to': ROLE[then['escalate_to']]}


def write_table(path):
    with open(path, encoding='utf-8') as f:
        table = json.load(f)
    rows = [{'id': r['id'], 'when': condition(r['when'], r['id']), 'then': outputs(r['then'])}
            for r in table['rows']]
    for hit, name in (('first', 'severity_table.plaint.json'),
                      ('collect', 'severity_table_collect.plaint.json')):
        # One row a line; json.loads of the file is {"sections": [{"name", "hit", "rows"}]}.
        head = json.dumps({'name': table['name'], 'hit': hit})[:-1]
        body = ',\n'.join('  ' + json.dumps(r, ensure_ascii=False) for r in rows)
        with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
            f.write('{"sections": [' + head + ', "rows": [\n' + body + '\n]}]}\n')
        print('wrote', name, len(rows), 'rows')


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def write_answers(out_dir):
    first = read_jsonl(os.path.join(out_dir, 'rules_zen_first.jsonl'))
    collect = read_jsonl(os.path.join(out_dir, 'rules_zen_collect.jsonl'))
    for name, zen in (('first', first), ('collect', collect)):
        jre = read_jsonl(os.path.join(out_dir, 'rules_jre_%s.jsonl' % name))
        if jre != zen:
            fail('ZEN and json-rules-engine differ under ' + name)
    if len(first) != len(collect) or [x[0] for x in first] != list(range(len(first))):
        fail('the first and collect files do not cover the same inputs 0..n-1')
    # Each row's outputs are the same wherever it decides: store them once.
    by_row = {}
    for line in first:
        _, rule_id, *outs = line
        if rule_id is None:
            fail('input %d: no row matched' % line[0])
        if by_row.setdefault(rule_id, outs) != outs:
            fail('row %s gives two different outputs' % rule_id)
    with open(os.path.join(HERE, 'severity_peers_rows.csv'), 'w', encoding='utf-8') as f:
        f.write('rule_id,nature,severity,sla_policy,escalate_to\n')
        for rule_id in sorted(by_row):
            f.write(','.join([rule_id] + by_row[rule_id]) + '\n')
    with open(os.path.join(HERE, 'severity_peers_%d.csv' % len(first)), 'w',
              encoding='utf-8') as f:
        f.write('first,collect\n')
        for a, b in zip(first, collect):
            f.write('%s,%s\n' % (a[1], ' '.join(b[1])))
    print('wrote', len(first), 'answers,', len(by_row), 'distinct first-hit rows')


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('table', 'answers'):
        fail('usage: severity_peers.py table severity_table.json | answers PEERS_WORK/out')
    (write_table if sys.argv[1] == 'table' else write_answers)(sys.argv[2])
