#!/usr/bin/env node
// Validates every card template in cards/ with the official Adaptive Cards libraries:
//   1. binds it with its sample data (cards/samples/<name>.data.json) using adaptivecards-templating 2.3.1;
//   2. parses the result with the official renderer (adaptivecards 3.0.6) for schema 1.5 and runs validateProperties;
//   3. checks the Teams rules of teams-protocol.md §5.1: version "1.5"; every Action.Execute inside an ActionSet with
//      an Action.Submit fallback; every input has a label; required inputs have an errorMessage; refresh.userIds <= 60.
// Exits non-zero listing every error or warning.
//
//   cd tools/cards && npm ci && node validate-cards.js
'use strict';

process.env.TZ = 'UTC';
// Plain require('adaptivecards') fails in Node (its lib/ is broken ES-module output); the bundled dist works.
const AC = require('adaptivecards/dist/adaptivecards.js');
const ACData = require('adaptivecards-templating');
const { listCards } = require('./cards-lib');

function teamsRuleProblems(card) {
  const problems = [];
  if (card.version !== '1.5') problems.push(`version is ${JSON.stringify(card.version)}, not "1.5"`);
  if (card.refresh && Array.isArray(card.refresh.userIds) && card.refresh.userIds.length > 60) {
    problems.push(`refresh.userIds has ${card.refresh.userIds.length} ids, more than 60`);
  }

  const walk = (node, path, parentType) => {
    if (Array.isArray(node)) {
      // Items of an array belong to the object holding it (e.g. ActionSet.actions).
      node.forEach((item, i) => walk(item, `${path}[${i}]`, parentType));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const type = typeof node.type === 'string' ? node.type : undefined;
    if (type === 'Action.Execute' && path !== '$.refresh.action') {
      if (parentType !== 'ActionSet') problems.push(`${path}: Action.Execute is not inside an ActionSet`);
      if (!node.fallback || node.fallback.type !== 'Action.Submit') {
        problems.push(`${path}: Action.Execute has no Action.Submit fallback`);
      }
    }
    if (type && type.startsWith('Input.')) {
      if (typeof node.label !== 'string' || node.label.trim() === '') problems.push(`${path}: ${type} has no label`);
      if (node.isRequired === true && (typeof node.errorMessage !== 'string' || node.errorMessage.trim() === '')) {
        problems.push(`${path}: required ${type} has no errorMessage`);
      }
    }
    for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`, type);
  };
  walk(card, '$', undefined);
  return problems;
}

function rendererProblems(card) {
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event] || e.event}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event] || e.event}: ${e.message}`);
  }
  return problems;
}

let failed = 0;
const cards = listCards();
for (const card of cards) {
  let problems;
  try {
    const template = new ACData.Template(card.template);
    const bound = template.expand({ $root: card.data });
    problems = [
      ...template.getLastTemplateExpansionWarnings().map((w) => `templating: ${w}`),
      ...rendererProblems(bound),
      ...teamsRuleProblems(bound),
    ];
    const size = JSON.stringify(bound).length * 2;
    if (size > 28 * 1024) problems.push(`bound card is ${size} bytes, over 28 KB`);
  } catch (e) {
    problems = [`templating failed: ${e && e.message ? e.message : e}`];
  }
  if (problems.length > 0) {
    failed++;
    console.error(`FAIL cards/${card.name}.json`);
    for (const p of problems) console.error(`  - ${p}`);
  } else {
    console.log(`ok   cards/${card.name}.json`);
  }
}

console.log(`${cards.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
