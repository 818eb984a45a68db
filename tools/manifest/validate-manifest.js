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

// Localization (localizationInfo): each file at the zip root, valid against the official localization schema of the
// same version, every key naming a string the manifest has, and every command title and description translated — a
// menu half in English is what a Portuguese user would see otherwise.
const localization = manifest.localizationInfo;
if (localization) {
  const localizationSchemaFile = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`);
  const validateLocalization = ajv.compile(JSON.parse(fs.readFileSync(localizationSchemaFile, 'utf8').replace(/\\\\a/g, '\\\\x07')));
  const resolve = (key) => key.split('.').reduce((node, part) => {
    if (node === undefined) return undefined;
    const m = part.match(/^([^[]+)((?:\[\d+\])*)$/);
    if (!m) return undefined;
    let value = node[m[1]];
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) value = value === undefined ? undefined : value[Number(index[1])];
    return value;
  }, manifest);
  const translatable = [];
  (manifest.bots || []).forEach((b, bi) => (b.commandLists || []).forEach((list, li) => list.commands.forEach((c, ci) => {
    translatable.push(`bots[${bi}].commandLists[${li}].commands[${ci}].title`, `bots[${bi}].commandLists[${li}].commands[${ci}].description`);
  })));
  const tags = new Set();
  for (const language of localization.additionalLanguages || []) {
    const tag = language.languageTag;
    if (tags.has(tag.toLowerCase())) errors.push(`localization: language '${tag}' is listed twice`);
    tags.add(tag.toLowerCase());
    const buf = entries.get(language.file);
    if (!buf) { errors.push(`localization file '${language.file}' (${tag}) is missing from the zip root`); continue; }
    let strings;
    try { strings = JSON.parse(buf.toString('utf8')); } catch (e) { errors.push(`localization file '${language.file}' is not JSON: ${e.message}`); continue; }
    if (!validateLocalization(strings)) for (const e of validateLocalization.errors) errors.push(`localization ${language.file}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    const fileVersion = (strings.$schema || '').match(/\/v([0-9.]+|DevPreview)\/MicrosoftTeams\.Localization\.schema\.json$/);
    if (!fileVersion || fileVersion[1] !== version) errors.push(`localization ${language.file}: $schema (${strings.$schema}) is not the localization schema v${version}`);
    for (const [key, value] of Object.entries(strings)) {
      if (key === '$schema') continue;
      if (typeof resolve(key) !== 'string') errors.push(`localization ${language.file}: '${key}' names no string of the manifest`);
      else if (typeof value !== 'string' || !value.trim()) errors.push(`localization ${language.file}: '${key}' is empty`);
    }
    for (const key of translatable) if (!(key in strings)) errors.push(`localization ${language.file}: '${key}' is not translated`);
  }
}

if (errors.length) { for (const e of errors) console.error(`manifest: ${e}`); process.exit(1); }
console.log(`manifest OK: ${zipPath} (schema v${version}, ${entries.size} files at the root)`);
