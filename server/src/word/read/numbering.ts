/**
 * Word's automatic numbering (word/numbering.xml): `w:num` → `w:abstractNum` → `w:lvl`
 * (start, numFmt, lvlText, lvlRestart, isLgl, suff), `w:lvlOverride` / `w:startOverride`,
 * `w:numStyleLink`. `Numbering.next` is called once per numbered paragraph, in document
 * order, and returns the number as Word renders it (一、 （一） 1. （1）).
 */
import type { Document, Element } from '@xmldom/xmldom';
import { formatNumber } from './numberFormats';
import type { Styles } from './styles';
import { child, childVal, children, intVal, toggle } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  /** null: restart after any shallower level; 0: never; n: after levels shallower than n (1-based). */
  restart: number | null;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** Paragraph style bound to this level (w:pStyle). */
  style: string | null;
}

interface Instance {
  /** Counters are shared by every w:num of one abstractNum, unless the num overrides its start. */
  counterKey: string;
  levels: Level[];
  startOverrides: Map<number, number>;
}

const MAX_LEVELS = 9;

function readLevel(lvl: Element): Level {
  const suff = childVal(lvl, 'w:suff');
  return {
    start: intVal(childVal(lvl, 'w:start')) ?? 0,
    format: childVal(lvl, 'w:numFmt') ?? 'decimal',
    text: childVal(lvl, 'w:lvlText') ?? '',
    restart: intVal(childVal(lvl, 'w:lvlRestart')),
    legal: toggle(lvl, 'w:isLgl') ?? false,
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    style: childVal(lvl, 'w:pStyle'),
  };
}

const DEFAULT_LEVEL: Level = { start: 1, format: 'decimal', text: '', restart: null, legal: false, suffix: 'tab', style: null };

export interface Numbered {
  /** The rendered number with what follows it (、 ） . kept; a tab or space after a Latin mark as one space). */
  prefix: string;
  ilvl: number;
}

export class Numbering {
  private readonly abstracts = new Map<string, { levels: Level[]; styleLink: string | null }>();
  private readonly instances = new Map<number, Instance | null>();
  private readonly nums = new Map<number, Element>();
  private readonly counters = new Map<string, number[]>();

  constructor(doc: Document | null, private readonly styles: Styles) {
    const root = doc?.documentElement;
    if (!root) return;
    for (const abstract of children(root, 'w:abstractNum')) {
      const levels: Level[] = Array.from({ length: MAX_LEVELS }, () => ({ ...DEFAULT_LEVEL }));
      for (const lvl of children(abstract, 'w:lvl')) {
        const ilvl = intVal(lvl.getAttribute('w:ilvl'));
        if (ilvl !== null && ilvl >= 0 && ilvl < MAX_LEVELS) levels[ilvl] = readLevel(lvl);
      }
      this.abstracts.set(abstract.getAttribute('w:abstractNumId') ?? '', { levels, styleLink: childVal(abstract, 'w:numStyleLink') });
    }
    for (const num of children(root, 'w:num')) {
      const id = intVal(num.getAttribute('w:numId'));
      if (id !== null) this.nums.set(id, num);
    }
  }

  private instance(numId: number, depth = 0): Instance | null {
    if (this.instances.has(numId)) return this.instances.get(numId)!;
    this.instances.set(numId, null);
    const num = this.nums.get(numId);
    const abstractId = childVal(num, 'w:abstractNumId');
    let abstract = abstractId === null ? undefined : this.abstracts.get(abstractId);
    let counterKey = `a${abstractId}`;
    // A numbering style: the abstractNum points (numStyleLink) to a style whose numPr names the real num.
    if (abstract?.styleLink && depth < 4) {
      const linked = this.styles.get(abstract.styleLink)?.numbering;
      const target = linked && linked.numId !== numId ? this.instance(linked.numId, depth + 1) : null;
      if (target) {
        abstract = { levels: target.levels, styleLink: null };
        counterKey = target.counterKey;
      }
    }
    if (!abstract || !num) return null;
    const levels = abstract.levels.map((l) => ({ ...l }));
    const startOverrides = new Map<number, number>();
    for (const override of children(num, 'w:lvlOverride')) {
      const ilvl = intVal(override.getAttribute('w:ilvl'));
      if (ilvl === null || ilvl < 0 || ilvl >= MAX_LEVELS) continue;
      const lvl = child(override, 'w:lvl');
      if (lvl) levels[ilvl] = readLevel(lvl);
      const start = intVal(childVal(override, 'w:startOverride'));
      if (start !== null) startOverrides.set(ilvl, start);
    }
    if (startOverrides.size > 0 || children(num, 'w:lvlOverride').some((o) => child(o, 'w:lvl'))) counterKey = `n${numId}`;
    const instance: Instance = { counterKey, levels, startOverrides };
    this.instances.set(numId, instance);
    return instance;
  }

  /** The level a paragraph of `styleId` takes in `numId` when neither it nor its style gives w:ilvl. */
  private levelOfStyle(instance: Instance, styleId: string | null): number {
    const found = styleId === null ? -1 : instance.levels.findIndex((l) => l.style === styleId);
    return found >= 0 ? found : 0;
  }

  /** Advance the counters for one numbered paragraph; null when it shows no number. */
  next(numId: number, ilvl: number | null, styleId: string | null): Numbered | null {
    if (numId <= 0) return null;
    const instance = this.instance(numId);
    if (!instance) return null;
    const level = ilvl !== null && ilvl >= 0 && ilvl < MAX_LEVELS ? ilvl : this.levelOfStyle(instance, styleId);
    let counters = this.counters.get(instance.counterKey);
    if (!counters) {
      counters = new Array<number>(MAX_LEVELS).fill(NaN);
      this.counters.set(instance.counterKey, counters);
    }
    const startOf = (l: number) => instance.startOverrides.get(l) ?? instance.levels[l].start;
    counters[level] = Number.isNaN(counters[level]) ? startOf(level) : counters[level] + 1;
    for (let deeper = level + 1; deeper < MAX_LEVELS; deeper++) {
      const restart = instance.levels[deeper].restart;
      // lvlRestart n: restart only when a level shallower than n (1-based) is used.
      if (restart === null || (restart > 0 && level < restart)) counters[deeper] = NaN;
    }
    const def = instance.levels[level];
    if (def.format === 'bullet') return null;
    const rendered = def.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = Number.isNaN(counters![l]) ? startOf(l) : counters![l];
      return formatNumber(value, def.legal ? 'decimal' : instance.levels[l].format);
    });
    if (rendered.trim() === '') return null;
    const latinEnd = /[0-9A-Za-z.)\]]$/.test(rendered);
    return { prefix: rendered + (def.suffix !== 'nothing' && latinEnd && !/\.$/.test(rendered) ? ' ' : ''), ilvl: level };
  }
}
