// The floor for a Node.js pattern scan: read every file and run the phrase list as one
// regular expression, counting matches. No parsing, no rules: a reference, not a peer.
//   node regex-scan.cjs PHRASES_FILE DIR
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [phrasesFile, dir] = process.argv.slice(2);
const phrases = fs.readFileSync(phrasesFile, 'utf8').split('\n').filter(Boolean);
const re = new RegExp(phrases.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
let count = 0;
for (const name of fs.readdirSync(dir)) {
  if (!name.endsWith('.md')) continue;
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  re.lastIndex = 0;
  while (re.exec(text)) count++;
}
process.stdout.write(`${count}\n`);
