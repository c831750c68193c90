/**
 * How far a Word draft is checked like its typed text, measured on the labelled corpus
 * converted by LibreOffice (test/fixtures/word/corpus-to-docx.sh FOLDER):
 *
 *   node out/scripts/word-corpus.js FOLDER
 *
 * For each document: (1) with the typed front matter given explicitly, do the .docx and the
 * .agreement.md get the same findings (rule, paragraph, words)? (2) without it, which
 * front-matter values does inference state, and are they right (precision) and how many of
 * the typed values does it find (recall), per key?
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { analyzeText, type Finding } from '../server/src/core';
import { loadPacks } from '../server/src/packs/loadPacks';
import { readWordFile } from '../server/src/word/read';

const KEYS = ['标题', '甲方', '乙方', '文种', '类别', '签署日期'];

function signature(text: string, findings: Finding[]): string[] {
  const lines = text.split('\n');
  const bodyLine = lines.indexOf('---', 1) + 1;
  return findings
    .map((f) => (f.range.start.line < bodyLine ? `${f.rule} 文件头 ${f.message}` : `${f.rule} 「${lines[f.range.start.line].replace(/^#+ /, '').trim()}」 「${text.slice(f.span.start, f.span.end)}」`))
    .sort();
}

async function main(folder: string): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const rules = loadPacks().ruleSet;
  const docs = (fs.readdirSync(folder, { recursive: true }) as string[]).filter((f) => f.endsWith('.docx')).sort();
  let same = 0;
  let findingsTyped = 0;
  let findingsMatched = 0;
  const stats = Object.fromEntries(KEYS.map((k) => [k, { stated: 0, right: 0, typed: 0 }]));
  const differences: string[] = [];
  for (const rel of docs) {
    const typedFile = path.join(root, 'test/corpus', rel.replace(/\.docx$/, '.agreement.md'));
    if (!fs.existsSync(typedFile)) continue;
    const typed = fs.readFileSync(typedFile, 'utf8');
    const front = parse(typed.slice(4, typed.indexOf('\n---', 3))) as Record<string, unknown>;
    const bytes = fs.readFileSync(path.join(folder, rel));
    const word = await readWordFile(bytes, rel, { explicit: front });
    const expected = signature(typed, analyzeText(typed, rules));
    const actual = signature(word.text, analyzeText(word.text, rules));
    const left = [...actual];
    let matched = 0;
    for (const s of expected) {
      const at = left.indexOf(s);
      if (at >= 0) {
        left.splice(at, 1);
        matched++;
      } else differences.push(`${rel}: missing ${s}`);
    }
    for (const s of left) differences.push(`${rel}: extra   ${s}`);
    findingsTyped += expected.length;
    findingsMatched += matched;
    if (matched === expected.length && left.length === 0) same++;

    const inferred = (await readWordFile(bytes, rel)).inferred;
    for (const key of KEYS) {
      const truth = front[key] === undefined ? undefined : String(front[key]);
      if (truth !== undefined) stats[key].typed++;
      if (inferred[key] !== undefined) {
        stats[key].stated++;
        if (inferred[key] === truth) stats[key].right++;
        else differences.push(`${rel}: inferred ${key}=${inferred[key]} (typed ${truth ?? '—'})`);
      }
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  console.log(`documents: ${docs.length}; same findings as typed: ${same} (${pct(same, docs.length)}); findings matched ${findingsMatched}/${findingsTyped}`);
  console.log('inference per key: stated / right / typed → precision, recall');
  for (const key of KEYS) {
    const s = stats[key];
    console.log(`  ${key}: ${s.stated} / ${s.right} / ${s.typed} → ${pct(s.right, s.stated)}, ${pct(s.right, s.typed)}`);
  }
  if (differences.length > 0) console.log(`\n${differences.join('\n')}`);
}

void main(process.argv[2] ?? '/tmp/corpus-docx');
