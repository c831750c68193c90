/**
 * Held-out structure documents (`test/corpus/blind/documents/s*.agreement.md`): does
 * the checker find the sections a reader sees? Each document's `*.expect.yaml` names
 * its category and the sections present (canonical names of the category's pack).
 * A present section reported by `section/missing` is a miss; a `section/missing` for
 * a section not listed is counted apart (it may be right: the section is absent).
 *
 *   node out/scripts/structureEval.js      (also printed by `npm run eval`)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyze, parseDocument, type RuleSet } from '../server/src/core';
import { loadPacks } from '../server/src/packs/loadPacks';
import { packageRoot } from '../server/src/packs/packageRoot';

export interface StructureExpectation {
  category: string;
  sectionsPresent: string[];
  headingStyle: string;
}

export interface StructureDocumentResult {
  file: string;
  headingStyle: string;
  expected: number;
  /** Present sections not reported missing. */
  found: string[];
  /** Present sections reported by section/missing. */
  missed: string[];
  /** section/missing findings for sections not in the expectation. */
  otherMissing: string[];
  problems: string[];
}

export interface StructureResult {
  documents: StructureDocumentResult[];
  expected: number;
  found: number;
}

export function structureDir(root = packageRoot()): string {
  return path.join(root, 'test', 'corpus', 'blind', 'documents');
}

export function structureFiles(dir = structureDir()): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^s.*\.agreement\.md$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

export function readExpectation(file: string): StructureExpectation {
  const data = parseYaml(fs.readFileSync(file.replace(/\.agreement\.md$/, '.expect.yaml'), 'utf8')) as Record<string, unknown>;
  const list = data.sections_present;
  return {
    category: String(data.category ?? ''),
    sectionsPresent: Array.isArray(list) ? list.map(String) : [],
    headingStyle: String(data.heading_style ?? ''),
  };
}

/** The section names a section/missing finding reports: `缺少“名称”…`. */
function missingName(message: string): string | null {
  const m = /^缺少“([^”]+)”/.exec(message);
  return m ? m[1] : null;
}

export function evaluateStructure(files: string[] = structureFiles(), rules: RuleSet = loadPacks().ruleSet): StructureResult {
  const documents: StructureDocumentResult[] = [];
  for (const file of files) {
    const expect = readExpectation(file);
    const text = fs.readFileSync(file, 'utf8');
    const doc = parseDocument(text);
    const problems: string[] = [];
    const category = rules.categories.get(expect.category);
    if (!category) problems.push(`unknown category ${expect.category}`);
    if (doc.frontMatter.data['类别'] !== expect.category) problems.push(`类别 in the document is ${String(doc.frontMatter.data['类别'])}`);
    for (const name of expect.sectionsPresent) {
      if (category && !category.sections.some((s) => s.name === name)) problems.push(`${name} is not a section of ${expect.category}`);
    }
    const missing = analyze(doc, rules)
      .filter((f) => f.rule === 'section/missing')
      .map((f) => missingName(f.message))
      .filter((n): n is string => n !== null);
    const present = new Set(expect.sectionsPresent);
    documents.push({
      file: path.basename(file),
      headingStyle: expect.headingStyle,
      expected: expect.sectionsPresent.length,
      found: expect.sectionsPresent.filter((n) => !missing.includes(n)),
      missed: expect.sectionsPresent.filter((n) => missing.includes(n)),
      otherMissing: missing.filter((n) => !present.has(n)),
      problems,
    });
  }
  return {
    documents,
    expected: documents.reduce((n, d) => n + d.expected, 0),
    found: documents.reduce((n, d) => n + d.found.length, 0),
  };
}

export function formatStructure(result: StructureResult): string {
  if (result.documents.length === 0) return 'held-out structure documents: none';
  const width = Math.max(...result.documents.map((d) => d.file.length)) + 2;
  const lines = [`held-out structure documents (test/corpus/blind/documents): sections found / present`, ''];
  for (const d of result.documents) {
    const figure = `${d.found.length}/${d.expected}`.padStart(6);
    const notes = [
      d.missed.length > 0 ? `reported missing: ${d.missed.join('、')}` : '',
      d.otherMissing.length > 0 ? `also missing (not listed): ${d.otherMissing.join('、')}` : '',
      ...d.problems,
    ].filter(Boolean);
    lines.push(`${d.file.padEnd(width)}${figure}  ${d.headingStyle.split('#')[0].trim()}${notes.length > 0 ? `  — ${notes.join('; ')}` : ''}`);
  }
  const share = result.expected === 0 ? 1 : result.found / result.expected;
  lines.push('', `${'overall'.padEnd(width)}${`${result.found}/${result.expected}`.padStart(6)}  ${(share * 100).toFixed(1)}% of present sections found`);
  return lines.join('\n');
}

if (require.main === module) {
  process.stdout.write(formatStructure(evaluateStructure()) + '\n');
}
