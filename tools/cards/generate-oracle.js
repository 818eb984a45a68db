#!/usr/bin/env node
// Runs the official Adaptive Cards templating engine (adaptivecards-templating 2.3.1) over the oracle corpus and the
// sample data of every card in cards/, and writes what it produces. The C# engine's tests compare against these files.
//
//   cd tools/cards && npm ci && npm run oracle
//
// Each case in tests/HiTechTex.Bot.Tests/Cards/Oracle/cases/*.json is { "name", "template", "data" }. For each, the
// file expected/<name>.json is { "output": <expanded template> } or, when the engine throws,
// { "error": "<message>", "phase": "parse" | "expand" }.
// Cards are written as expected/card-<template>.json.
'use strict';

const fs = require('fs');
const path = require('path');

// The engine formats with the machine's locale and (for some date inputs) time zone: pin both so that the output
// does not depend on who runs it. The C# engine uses the same defaults.
process.env.TZ = 'UTC';
const ACData = require('adaptivecards-templating');
const { listCards } = require('./cards-lib');

const repoRoot = path.resolve(__dirname, '..', '..');
const oracleDir = path.join(repoRoot, 'tests', 'HiTechTex.Bot.Tests', 'Cards', 'Oracle');
const casesDir = path.join(oracleDir, 'cases');
const expectedDir = path.join(oracleDir, 'expected');

const locale = Intl.DateTimeFormat().resolvedOptions().locale;
if (locale !== 'en-US') {
  console.error(`The default locale is ${locale}; run with LANG=en_US.UTF-8 (npm run oracle does).`);
  process.exit(2);
}

// The engine throws either when the template is parsed (new Template: a syntax or type error in an expression) or
// while expanding it with the data; "phase" says which.
function expand(template, data) {
  const message = (e) => String(e && e.message ? e.message : e);
  let parsed;
  try {
    parsed = new ACData.Template(template);
  } catch (e) {
    return { error: message(e), phase: 'parse' };
  }
  try {
    return { output: parsed.expand({ $root: data }) };
  } catch (e) {
    return { error: message(e), phase: 'expand' };
  }
}

function write(name, result) {
  fs.writeFileSync(path.join(expectedDir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
}

fs.mkdirSync(expectedDir, { recursive: true });
for (const f of fs.readdirSync(expectedDir)) {
  if (f.endsWith('.json')) fs.unlinkSync(path.join(expectedDir, f));
}

let count = 0;
for (const file of fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort()) {
  const testCase = JSON.parse(fs.readFileSync(path.join(casesDir, file), 'utf8'));
  if (`${testCase.name}.json` !== file) {
    console.error(`${file}: "name" must equal the file name`);
    process.exit(1);
  }
  write(testCase.name, expand(testCase.template, testCase.data));
  count++;
}

for (const card of listCards()) {
  write(`card-${card.name}`, expand(card.template, card.data));
  count++;
}

console.log(`Wrote ${count} expected outputs to ${path.relative(repoRoot, expectedDir)}`);
