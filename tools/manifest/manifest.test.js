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
  assert.deepStrictEqual(icons.map((i) => i.name).sort(), ['color.png', 'cs.json', 'es.json', 'it.json', 'outline.png', 'pt.json', 'tr.json']);
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

const editLocalization = (file, fn) => tampered((e) => {
  const entry = e.find((x) => x.name === file);
  const strings = JSON.parse(entry.data);
  fn(strings);
  entry.data = Buffer.from(JSON.stringify(strings));
});

test('the package carries a translation of the name, description and every command for the five other languages', () => {
  const entries = zip.read(fs.readFileSync(zipPath));
  const m = JSON.parse(entries[0].data);
  assert.deepStrictEqual(m.localizationInfo.additionalLanguages.map((l) => l.languageTag), ['pt', 'es', 'it', 'tr', 'cs']);
  for (const language of m.localizationInfo.additionalLanguages) {
    const strings = JSON.parse(entries.find((x) => x.name === language.file).data);
    assert.notStrictEqual(strings['description.short'], m.description.short, language.languageTag);
    m.bots[0].commandLists.forEach((list, li) => list.commands.forEach((c, ci) => {
      assert.ok(strings[`bots[0].commandLists[${li}].commands[${ci}].title`], `${language.file}: command ${li}/${ci}`);
    }));
  }
});

test('a localization key that names nothing in the manifest is rejected', () => {
  const r = validate(editLocalization('pt.json', (s) => { s['bots[0].commandLists[2].commands[0].title'] = 'ajuda'; }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /pt\.json: 'bots\[0\]\.commandLists\[2\]\.commands\[0\]\.title' names no string/);
});

test('a command left untranslated is rejected', () => {
  const r = validate(editLocalization('es.json', (s) => { delete s['bots[0].commandLists[0].commands[3].title']; }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /es\.json: 'bots\[0\]\.commandLists\[0\]\.commands\[3\]\.title' is not translated/);
});

test('a translation over the official length limit fails the localization schema', () => {
  const r = validate(editLocalization('it.json', (s) => { s['composeExtensions[0].commands[0].title'] = 'x'.repeat(33); }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /localization it\.json: .*must NOT have more than 32 characters/);
});

test('a localization file missing from the package is rejected', () => {
  const r = validate(tampered((e) => { e.splice(e.findIndex((x) => x.name === 'tr.json'), 1); }));
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /'tr\.json' \(tr\) is missing from the zip root/);
});
