'use strict';
// Draws the two Teams icons (spec §7): color 192×192 (symbol in the central 96×96, solid background) and
// outline 32×32 (white on fully transparent). The symbol is a woven pattern: three warp and three weft threads.
const fs = require('fs');
const path = require('path');
const { encode } = require('./png');

function canvas(size, fill) {
  const px = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) px.set(fill, i * 4);
  return { size, px, set(x, y, c) { if (x >= 0 && y >= 0 && x < size && y < size) this.px.set(c, (y * size + x) * 4); } };
}

function weave(cv, origin, thread, gap, weft, warp, edge) {
  // Three weft (horizontal) and three warp (vertical) threads crossing over and under in a plain weave.
  // Where a warp thread goes under, the weft is drawn on top with an edge so the crossing reads even at 32 px.
  const pitch = thread + gap;
  const span = 3 * thread + 2 * gap;
  for (let t = 0; t < 3; t++) {
    for (let a = origin; a < origin + span; a++) {
      for (let w = 0; w < thread; w++) cv.set(a, origin + t * pitch + w, weft);
    }
  }
  for (let v = 0; v < 3; v++) {
    const x0 = origin + v * pitch;
    for (let y = origin; y < origin + span; y++) {
      const h = Math.floor((y - origin) / pitch);
      const inWeft = (y - origin) % pitch < thread;
      const warpOver = (v + h) % 2 === 0;
      if (inWeft && !warpOver) {
        if (edge) { cv.set(x0, y, edge); cv.set(x0 + thread - 1, y, edge); }
        continue;
      }
      for (let w = 0; w < thread; w++) cv.set(x0 + w, y, warp);
      if (inWeft && edge) {
        for (let w = 0; w < thread; w++) {
          if ((y - origin) % pitch === 0) cv.set(x0 + w, y, edge);
          if ((y - origin) % pitch === thread - 1) cv.set(x0 + w, y, edge);
        }
      }
    }
  }
}

const out = path.resolve(__dirname, '../../manifest');
const color = canvas(192, [0x1f, 0x6f, 0x8b, 255]);
weave(color, 48, 24, 12, [255, 255, 255, 255], [0xd2, 0xec, 0xf4, 255], [0x1f, 0x6f, 0x8b, 255]);
fs.writeFileSync(path.join(out, 'color.png'), encode(192, 192, color.px));

const outline = canvas(32, [0, 0, 0, 0]);
weave(outline, 2, 8, 3, [255, 255, 255, 255], [255, 255, 255, 255], [0, 0, 0, 0]);
fs.writeFileSync(path.join(out, 'outline.png'), encode(32, 32, outline.px));
console.log(`wrote ${path.join(out, 'color.png')} and ${path.join(out, 'outline.png')}`);
