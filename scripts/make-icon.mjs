// Draws docs/icon.png (128×128): a page with text lines and a red seal on a blue tile.
// Plain pixels through zlib, so no image tool is needed: node scripts/make-icon.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const N = 128;
const px = Buffer.alloc(N * N * 4);
const inRound = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    let c = [0, 0, 0, 0];
    if (inRound(x, y, 4, 4, 123, 123, 22)) c = [31, 95, 168, 255];
    if (inRound(x, y, 30, 20, 98, 108, 6)) c = [250, 250, 247, 255];
    for (const ly of [36, 48, 60, 72]) if (y >= ly && y < ly + 5 && x >= 40 && x <= (ly === 72 ? 70 : 88)) c = [90, 98, 110, 255];
    if ((x - 80) ** 2 + (y - 90) ** 2 <= 13 ** 2 && (x - 80) ** 2 + (y - 90) ** 2 >= 9 ** 2) c = [200, 30, 36, 255];
    if ((x - 80) ** 2 + (y - 90) ** 2 <= 5 ** 2) c = [200, 30, 36, 255];
    px.set(c, (y * N + x) * 4);
  }
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
