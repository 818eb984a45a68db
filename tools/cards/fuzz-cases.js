#!/usr/bin/env node
// Differential fuzzing of the C# templating engine against the official one (a manual check, not part of CI):
//   node fuzz-cases.js ../../tests/HiTechTex.Bot.Tests/Cards/Oracle/cases <seed> <count> && npm run oracle
//   (cd ../.. && dotnet test tests/HiTechTex.Bot.Tests)   # then delete cases/fuzz-*.json and run npm run oracle again
// It writes random expressions over a fixed data set as cases named fuzz-<n>.
'use strict';
const fs = require('fs'); const path = require('path');
let seed = Number(process.argv[3] || 1);
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
function pick(a) { return a[Math.floor(rnd() * a.length)]; }
const paths = ['title', 'count', 'ratio', 'active', 'nothing', 'missing', 'owner.name', 'owner.address.city', 'items[0].name', 'items[1].age', 'items[0].tags', 'items', 'owner', '$root.count', 'zero', 'empty', 'neg', 'big', 'ts', 'tz', 'Title', "owner['name']", 'items[idx].name', 'items[5]', 'items.length'];
const lits = ["'abc'", "'A b'", "''", '0', '1', '2.5', '-3', '1000', 'true', 'false', 'null', "'2026-01-02T03:04:05.000Z'", "'Europe/Berlin'", "'dd.MM.yyyy HH:mm'", "'de-DE'", "'fr-FR'", '0.1'];
const fns = {
  if: 3, equals: 2, not: 1, and: 2, or: 2, count: 1, empty: 1, exists: 1, formatNumber: [2, 3], concat: [1, 3], length: 1, toUpper: 1, toLower: 1,
  join: [2, 3], string: 1, int: 1, float: 1, add: [2, 3], sub: 2, mul: 2, div: 2, mod: 2, greater: 2, less: 2, greaterOrEquals: 2, lessOrEquals: 2,
  formatDateTime: [1, 3], convertFromUTC: [2, 3], first: 1, last: 1, contains: 2, coalesce: 2, createArray: [0, 3], max: [1, 3], min: 2, round: [1, 2],
  substring: [2, 3], replace: 3, trim: 1, startsWith: 2, endsWith: 2, bool: 1,
};
const ops = ['==', '!=', '<', '>', '<=', '>=', '&&', '||', '+', '-', '*', '/', '&', '%', '??'];
function expr(d) {
  const r = rnd();
  if (d <= 0 || r < 0.25) return pick(paths);
  if (r < 0.4) return pick(lits);
  if (r < 0.75) {
    const f = pick(Object.keys(fns)); const ar = fns[f]; const n = Array.isArray(ar) ? ar[0] + Math.floor(rnd() * (ar[1] - ar[0] + 1)) : ar;
    return `${f}(${Array.from({ length: n }, () => expr(d - 1)).join(', ')})`;
  }
  if (r < 0.9) return `${expr(d - 1)} ${pick(ops)} ${expr(d - 1)}`;
  if (r < 0.95) return `!${expr(d - 1)}`;
  return `(${expr(d - 1)})`;
}
const data = { title: 'Team', count: 3, ratio: 0.25, active: true, nothing: null, zero: 0, empty: '', neg: -2, big: 1234567.891, idx: 1,
  ts: '2026-10-25T13:05:09.123Z', tz: 'America/New_York', owner: { name: 'Ann', address: { city: 'Ghent' } },
  items: [{ name: 'Anna', age: 31, tags: ['a', 'b'] }, { name: 'Bo', age: 17, tags: [] }, { name: 'Cy', age: 45, tags: ['c'] }] };
const out = process.argv[2]; fs.mkdirSync(out, { recursive: true });
for (let i = 0; i < Number(process.argv[4] || 300); i++) {
  const kind = rnd();
  let body;
  if (kind < 0.35) body = [{ type: 'TextBlock', text: '${' + expr(3) + '}' }];
  else if (kind < 0.7) body = [{ type: 'TextBlock', text: 'a ${' + expr(3) + '} b ${' + expr(2) + '}' }];
  else body = [{ type: 'TextBlock', $data: '${items}', $when: '${' + expr(2) + '}', text: '${$index}: ${' + expr(2) + '}', v: '${' + expr(2) + '}' }];
  const name = `fuzz-${i}`;
  fs.writeFileSync(path.join(out, name + '.json'), JSON.stringify({ name, template: { type: 'AdaptiveCard', body }, data }, null, 1));
}
