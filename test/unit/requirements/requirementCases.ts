/**
 * Requirement cases: for each checkable requirement of the regulations, a document that
 * breaks it and one that keeps it. A case names the rule that must fire on the first and
 * must stay silent on the second. Documents are written inline or derived from a corpus
 * document by small, checked edits (an edit whose target is absent fails the case).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument as parseYaml, parse as parseYamlValue } from 'yaml';
import { parseDocument } from '../../../server/src/core';

export interface DocumentEdit {
  /** A corpus document (path under test/corpus) to start from; defaults to the case's `base`. */
  from?: string;
  /** Whole document text instead of a corpus document. */
  text?: string;
  /** Sections (by heading text, without numbering) to delete with everything under them. */
  removeSection?: string | string[];
  /** Literal replacements, each of which must find its target. */
  replace?: [string, string][];
  /** Front-matter keys to set (a value) or delete (null). */
  frontMatter?: Record<string, unknown>;
  /** Text appended to the end of the document. */
  append?: string;
}

export interface RequirementCase {
  requirement: string;
  rule: string;
  /** The finding's message must contain this (tells which section or element it is about). */
  mentions?: string;
  base?: string;
  /** Reference date for date checks (`YYYY-MM-DD`). */
  asOf?: string;
  breaks: string | DocumentEdit;
  keeps: string | DocumentEdit;
}

const ROOT = path.resolve(__dirname, '../../../..');
const CORPUS = path.join(ROOT, 'test/corpus');
export const CASES_DIR = path.join(ROOT, 'test/unit/requirements/cases');
const LABEL = /[ \t\u3000]*<!--\s*expect(-frontmatter)?\s*[:：][^>]*?-->/g;

export function loadCases(): { file: string; cases: RequirementCase[] }[] {
  return fs
    .readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, cases: (parseYamlValue(fs.readFileSync(path.join(CASES_DIR, f), 'utf8')) ?? []) as RequirementCase[] }));
}

/** The document a case describes, or an error saying which edit did not apply. */
export function buildDocument(spec: string | DocumentEdit, base: string | undefined): string {
  if (typeof spec === 'string') return spec;
  let text = spec.text ?? readCorpus(spec.from ?? base);
  if (spec.frontMatter) text = editFrontMatter(text, spec.frontMatter);
  for (const name of asList(spec.removeSection)) text = removeSection(text, name);
  for (const [from, to] of spec.replace ?? []) {
    if (!text.includes(from)) throw new Error(`replace: 「${from}」 not found`);
    text = text.split(from).join(to);
  }
  if (spec.append) text = text.replace(/\n*$/, '\n') + spec.append;
  return text;
}

function readCorpus(file: string | undefined): string {
  if (!file) throw new Error('no document: give text, from or base');
  return fs.readFileSync(path.join(CORPUS, file), 'utf8').replace(LABEL, '');
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function editFrontMatter(text: string, edits: Record<string, unknown>): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) throw new Error('frontMatter: the document has no front matter');
  const doc = parseYaml(match[1]);
  for (const [key, value] of Object.entries(edits)) {
    if (value === null) {
      if (!doc.has(key)) throw new Error(`frontMatter: key ${key} is absent`);
      doc.delete(key);
    } else doc.set(key, value);
  }
  return `---\n${doc.toString().replace(/\n$/, '')}\n---\n` + text.slice(match[0].length);
}

function removeSection(text: string, name: string): string {
  const section = parseDocument(text).sections.find((s) => s.name.replace(/\s/g, '') === name);
  if (!section) throw new Error(`removeSection: no section 「${name}」`);
  return text.slice(0, section.span.start) + text.slice(section.span.end);
}
