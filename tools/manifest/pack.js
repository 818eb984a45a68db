'use strict';
// Fills the app id and domain into manifest/manifest.json and writes the upload zip with the files at its root.
// Usage: node tools/manifest/pack.js [--app-id GUID] [--domain host] [--out dir]
// Falls back to the environment (MicrosoftAppId, Teams__BotDomain) and then to the top-level appsettings.json
// (MicrosoftAppId, Teams:BotDomain).
const fs = require('fs');
const path = require('path');
const zip = require('./zip');

const root = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const arg = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const settings = JSON.parse(fs.readFileSync(path.join(root, 'appsettings.json'), 'utf8'));

const appId = arg('--app-id') || process.env.MicrosoftAppId || settings.MicrosoftAppId;
const domain = arg('--domain') || process.env.Teams__BotDomain || (settings.Teams && settings.Teams.BotDomain);
const outDir = path.resolve(arg('--out') || path.join(root, 'manifest', 'build'));

const fail = (msg) => { console.error(`pack: ${msg}`); process.exit(2); };
if (!appId || !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(appId)) {
  fail(`MicrosoftAppId must be the bot's Entra app id (a GUID); got '${appId || ''}'. Pass --app-id or set MicrosoftAppId.`);
}
if (!domain || /[/:\s]/.test(domain)) {
  fail(`Teams:BotDomain must be the bot's public host name (e.g. hitechtex-bot.azurewebsites.net); got '${domain || ''}'. Pass --domain or set Teams__BotDomain.`);
}

const template = fs.readFileSync(path.join(root, 'manifest', 'manifest.json'), 'utf8');
const filled = template.replaceAll('${{MicrosoftAppId}}', appId.toLowerCase()).replaceAll('${{BotDomain}}', domain);
const left = filled.match(/\$\{\{[^}]*\}\}/);
if (left) fail(`unknown placeholder ${left[0]} in manifest/manifest.json`);
const manifest = JSON.parse(filled);

fs.mkdirSync(outDir, { recursive: true });
const entries = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) }];
for (const icon of [manifest.icons.color, manifest.icons.outline]) {
  entries.push({ name: path.basename(icon), data: fs.readFileSync(path.join(root, 'manifest', icon)) });
}
// The translations of the app's name, description and command menus (localizationInfo), next to manifest.json.
for (const language of (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || []) {
  const file = path.join(root, 'manifest', language.file);
  if (!fs.existsSync(file)) fail(`localization file ${language.file} (${language.languageTag}) is missing from manifest/`);
  entries.push({ name: path.basename(language.file), data: fs.readFileSync(file) });
}
fs.writeFileSync(path.join(outDir, 'manifest.json'), entries[0].data);
const zipPath = path.join(outDir, 'hitechtex-bot.zip');
fs.writeFileSync(zipPath, zip.write(entries));
console.log(zipPath);
