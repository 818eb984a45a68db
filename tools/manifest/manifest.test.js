'use strict';
// node --test: the package built by pack.js passes the official schema and the icon/zip checks, and the
// validator rejects packages that Teams would reject.
const test = require('node:test');
const assert = require('node:assert');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zip = require('./zip');

const appId = '6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'htt-manifest-'));
const zipPath = execFileSync('node', [path.join(__dirname, 'pack.js'), '--app-id', appId, '--domain', 'bot.example.org', '--out', out]).toString().trim();
const validate = (file) => spawnSync('node', [path.join(__dirname, 'validate-manifest.js'), file], { encoding: 'utf8' });

function tampered(change) {
  const entries = zip.read(fs.readFileSync(zipPath));
  change(entries);
  const file = path.join(out, `bad-${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(file, zip.write(entries));
  return file;
}
const editManifest = (fn) => tampered((e) => { const m = JSON.parse(e[0].data); fn(m); e[0].data = Buffer.from(JSON.stringify(m)); });

test('pack fills the app id and domain and the package validates', () => {
  const result = validate(zipPath);
  assert.strictEqual(result.status, 0, result.stderr);
  const [manifest, ...icons] = zip.read(fs.readFileSync(zipPath));
  const m = JSON.parse(manifest.data);
  assert.strictEqual(m.id, appId);
  assert.strictEqual(m.bots[0].botId, appId);
  assert.ok(m.validDomains.includes('bot.example.org'));
  assert.deepStrictEqual(icons.map((i) => i.name).sort(), ['color.png', 'outline.png']);
});

test('pack refuses an app id that is not a GUID', () => {
  const r = spawnSync('node', [path.join(__dirname, 'pack.js'), '--app-id', 'not-a-guid', '--domain', 'x.org', '--out', out], { encoding: 'utf8' });
  assert.notStrictEqual(r.status, 0);
  assert.match(r.stderr, /MicrosoftAppId/);
});

test('a manifest missing a required field fails the official schema', () => {
  const r = validate(editManifest((m) => { delete m.description; }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /required property 'description'/);
});

test('a botId different from the app id is rejected', () => {
  const r = validate(editManifest((m) => { m.bots[0].botId = '00000000-0000-0000-0000-000000000001'; }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /botId/);
});

test('mismatched $schema and manifestVersion are rejected', () => {
  const r = validate(editManifest((m) => { m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json'; }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /different versions/);
});

test('files in a folder inside the zip are rejected', () => {
  const r = validate(tampered((e) => { e[1].name = 'icons/color.png'; }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /not at the zip root/);
});

test('an outline icon that is not white on transparent is rejected', () => {
  const r = validate(tampered((e) => { const color = e.find((x) => x.name === 'color.png'); e.find((x) => x.name === 'outline.png').data = color.data; }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /192x192, expected 32x32/);
  assert.match(r.stderr, /neither white nor fully transparent/);
});
