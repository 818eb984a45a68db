'use strict';
// Shared by the scripts: the card templates in cards/ with their sample data (cards/samples/<name>.data.json).
const fs = require('fs');
const path = require('path');

// CARDS_DIR lets the scripts be tried on another folder (e.g. deliberately broken cards).
const cardsDir = process.env.CARDS_DIR ? path.resolve(process.env.CARDS_DIR) : path.resolve(__dirname, '..', '..', 'cards');

function listCards() {
  return fs
    .readdirSync(cardsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.json'.length);
      const dataFile = path.join(cardsDir, 'samples', `${name}.data.json`);
      if (!fs.existsSync(dataFile)) {
        throw new Error(`cards/${f} has no sample data: expected cards/samples/${name}.data.json`);
      }
      return {
        name,
        file: path.join(cardsDir, f),
        template: JSON.parse(fs.readFileSync(path.join(cardsDir, f), 'utf8')),
        data: JSON.parse(fs.readFileSync(dataFile, 'utf8')),
      };
    });
}

module.exports = { cardsDir, listCards };
