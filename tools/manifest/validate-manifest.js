'use strict';
// Validates a Teams app package (zip) against the official Teams manifest JSON schema shipped offline by
// @microsoft/app-manifest, plus what the schema cannot say (spec §7, §9 item 38): files at the zip root,
// $schema and manifestVersion naming the same version, botId = app id, bot scopes, icon sizes and the
// outline icon being white on a transparent background.
// Usage: node tools/manifest/validate-manifest.js manifest/build/hitechtex-bot.zip
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const zip = require('./zip');
const png = require('./png');

const errors = [];
const zipPath = process.argv[2] || path.resolve(__dirname, '../../manifest/build/hitechtex-bot.zip');
const entries = new Map(zip.read(fs.readFileSync(zipPath)).map((e) => [e.name, e.data]));

for (const name of entries.keys()) if (name.includes('/')) errors.push(`zip entry '${name}' is not at the zip root`);
const manifestBuf = entries.get('manifest.json');
if (!manifestBuf) { console.error('manifest.json is missing from the zip root'); process.exit(1); }
const manifest = JSON.parse(manifestBuf.toString('utf8'));

const version = manifest.manifestVersion;
const schemaVersion = (manifest.$schema || '').match(/\/v([0-9.]+|DevPreview)\/MicrosoftTeams\.schema\.json$/);
if (!schemaVersion || schemaVersion[1] !== version) errors.push(`$schema (${manifest.$schema}) and manifestVersion (${version}) name different versions`);
const schemaFile = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
let schemaText = fs.readFileSync(schemaFile, 'utf8');
// Some official schema versions contain a "\a" regex escape that JavaScript regexes reject; it means BEL.
schemaText = schemaText.replace(/\\\\a/g, '\\\\x07');
const schema = JSON.parse(schemaText);
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(manifest)) for (const e of validate.errors) errors.push(`schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

const bot = (manifest.bots || [])[0];
if (!bot) errors.push('no bot in bots[]');
else {
  if (bot.botId !== manifest.id) errors.push(`bots[0].botId (${bot.botId}) differs from the app id (${manifest.id})`);
  for (const s of bot.scopes) if (!['personal', 'team', 'groupChat'].includes(s)) errors.push(`bot scope '${s}' is not personal/team/groupChat`);
}
for (const ext of manifest.composeExtensions || []) if (ext.botId !== manifest.id) errors.push('composeExtensions botId differs from the app id');
if (manifest.webApplicationInfo && manifest.webApplicationInfo.id !== manifest.id) errors.push('webApplicationInfo.id differs from the app id');

function icon(name, size, check) {
  const buf = entries.get(name);
  if (!buf) { errors.push(`icon '${name}' is missing from the zip root`); return; }
  const img = png.decode(buf);
  if (img.width !== size || img.height !== size) errors.push(`icon '${name}' is ${img.width}x${img.height}, expected ${size}x${size}`);
  if (check) check(img);
}
icon(manifest.icons.color, 192, null);
icon(manifest.icons.outline, 32, (img) => {
  if (!img.rgba || img.colorType !== 6) { errors.push('outline icon must be an 8-bit RGBA PNG (white on transparent)'); return; }
  let bad = 0; let transparent = 0; let white = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    const [r, g, b, a] = img.rgba.subarray(i * 4, i * 4 + 4);
    if (a === 0) transparent++;
    else if (r === 255 && g === 255 && b === 255) white++;
    else bad++;
  }
  if (bad) errors.push(`outline icon has ${bad} pixel(s) that are neither white nor fully transparent`);
  if (!transparent) errors.push('outline icon has no transparent background');
  if (!white) errors.push('outline icon has no white pixels');
});

if (errors.length) { for (const e of errors) console.error(`manifest: ${e}`); process.exit(1); }
console.log(`manifest OK: ${zipPath} (schema v${version}, ${entries.size} files at the root)`);
