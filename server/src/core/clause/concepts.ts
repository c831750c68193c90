/**
 * Named lexicons (concepts) compiled from the packs. A term is a sequence of pieces:
 * literal text, a gap `…` of at most GAP_LIMIT characters with no clause break, or a
 * reference `{名称}` to another concept. Literals are folded the way document text is
 * (simplified, half-width), so a pack may write either form.
 */
import type { ConceptDef } from '../pack/types';
import { foldForMatch } from './fold';

/** A gap `…` spans at most GAP_LIMIT characters; a long gap `……` anything up to LONG_GAP_LIMIT inside the comma-clause. */
export type Piece = { kind: 'lit'; text: string } | { kind: 'gap'; long?: boolean } | { kind: 'ref'; name: string };

export interface Term {
  source: string;
  pieces: Piece[];
}

export interface Concept {
  name: string;
  terms: Term[];
  /** Longer strings that, covering an occurrence, cancel it (承担保险 ⊃ 担保). */
  except: string[];
}

/** Gap inside a term: 纳税…额 finds 纳税额 and 纳税金额; 不再…同类 finds 不再规划建设同类. */
export const GAP_LIMIT = 10;
/** 占……股份 finds 占合资公司百分之三十一的股份: the whole comma-clause, within this bound. */
export const LONG_GAP_LIMIT = 30;

/** The two concepts a document fills in with its own parties. */
export const GOVERNMENT_SIDE = '政府方';
export const COUNTERPARTY = '对方';

export function parseTerm(source: string): Term {
  const pieces: Piece[] = [];
  let literal = '';
  const flush = () => {
    if (literal.length > 0) pieces.push({ kind: 'lit', text: foldForMatch(literal) });
    literal = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '…' || source.startsWith('...', i)) {
      flush();
      const long = source.startsWith('……', i) || source.startsWith('......', i);
      const last = pieces[pieces.length - 1];
      if (pieces.length > 0 && last.kind !== 'gap') pieces.push(long ? { kind: 'gap', long: true } : { kind: 'gap' });
      else if (last?.kind === 'gap' && long) last.long = true;
      while (source[i + 1] === '…' || (c === '.' && source[i + 1] === '.')) i++;
      continue;
    }
    if (c === '{') {
      const close = source.indexOf('}', i + 1);
      if (close > i + 1) {
        flush();
        pieces.push({ kind: 'ref', name: source.slice(i + 1, close).trim() });
        i = close;
        continue;
      }
    }
    literal += c;
  }
  flush();
  while (pieces.length > 0 && pieces[pieces.length - 1].kind === 'gap') pieces.pop();
  return { source, pieces };
}

/** The first literal of a term: what the scanner looks for before trying the whole term. */
export function anchorOf(term: Term): string | null {
  for (const piece of term.pieces) if (piece.kind === 'lit') return piece.text;
  return null;
}

/** Every literal of a term, in order. */
export function literalsOf(term: Term): string[] {
  return term.pieces.filter((p): p is { kind: 'lit'; text: string } => p.kind === 'lit').map((p) => p.text);
}

/**
 * Merge concept definitions in pack order: a later definition of the same name adds terms.
 * `include` is resolved here (cycles are cut), so a compiled concept lists its terms flat.
 */
export function compileConcepts(defs: ConceptDef[]): Map<string, Concept> {
  const raw = new Map<string, { terms: string[]; include: string[]; except: string[] }>();
  for (const def of defs) {
    const entry = raw.get(def.name) ?? { terms: [], include: [], except: [] };
    entry.terms.push(...(def.terms ?? []));
    entry.include.push(...(def.include ?? []));
    entry.except.push(...(def.except ?? []));
    raw.set(def.name, entry);
  }
  const out = new Map<string, Concept>();
  const resolve = (name: string, seen: Set<string>): { terms: string[]; except: string[] } => {
    const entry = raw.get(name);
    if (!entry || seen.has(name)) return { terms: [], except: [] };
    seen.add(name);
    const terms = [...entry.terms];
    const except = [...entry.except];
    for (const other of entry.include) {
      const sub = resolve(other, seen);
      terms.push(...sub.terms);
      except.push(...sub.except);
    }
    return { terms, except };
  };
  for (const name of raw.keys()) {
    const { terms, except } = resolve(name, new Set());
    const unique = [...new Set(terms.filter((t) => t.trim().length > 0))];
    out.set(name, { name, terms: unique.map(parseTerm).filter((t) => t.pieces.length > 0), except: [...new Set(except)].map(foldForMatch) });
  }
  for (const name of [GOVERNMENT_SIDE, COUNTERPARTY]) if (!out.has(name)) out.set(name, { name, terms: [], except: [] });
  return out;
}

/** An anonymous concept for a rule's own terms (`slots[].terms`, `unless`, and the any/all shorthand). */
export function inlineConcept(name: string, terms: string[]): Concept {
  return { name, terms: [...new Set(terms)].filter((t) => t.length > 0).map(parseTerm).filter((t) => t.pieces.length > 0), except: [] };
}
