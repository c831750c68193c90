/**
 * WordprocessingML through @xmldom/xmldom: parsing that reports instead of throwing, and
 * the few element helpers the readers need. Elements are matched by qualified name
 * (`w:p`), as every producer we know (Word, WPS, LibreOffice) writes the `w` prefix.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export type XmlResult = { ok: true; doc: Document } | { ok: false; message: string };

export function parseXml(text: string): XmlResult {
  let fatal: string | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'fatalError' && fatal === null) fatal = message;
      },
    }).parseFromString(text, 'application/xml');
    if (fatal !== null) return { ok: false, message: fatal };
    return { ok: true, doc };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

export const isElement = (node: Node | null): node is Element => node !== null && node.nodeType === 1;

/** Direct children with the given qualified name. */
export function children(parent: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && (name === undefined || node.nodeName === name)) out.push(node);
  }
  return out;
}

export function child(parent: Element | null | undefined, name: string): Element | null {
  if (!parent) return null;
  for (let node = parent.firstChild; node; node = node.nextSibling) if (isElement(node) && node.nodeName === name) return node;
  return null;
}

/** `w:val` (or another attribute) of the named child, or null. */
export function childVal(parent: Element | null | undefined, name: string, attribute = 'w:val'): string | null {
  const found = child(parent, name);
  return found && found.hasAttribute(attribute) ? found.getAttribute(attribute) : null;
}

/** A toggle property (`<w:vanish/>`, `<w:vanish w:val="false"/>`): null when absent. */
export function toggle(parent: Element | null | undefined, name: string): boolean | null {
  const found = child(parent, name);
  if (!found) return null;
  const val = found.getAttribute('w:val');
  return !(val === 'false' || val === '0' || val === 'off');
}

export function intVal(value: string | null): number | null {
  if (value === null || !/^-?\d{1,9}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** The nearest ancestor (excluding `node`) with one of the names, stopping at `stop`. */
export function ancestorNamed(node: Node, names: ReadonlySet<string>, stop: Node): Element | null {
  for (let p = node.parentNode; p && p !== stop; p = p.parentNode) if (isElement(p) && names.has(p.nodeName)) return p;
  return null;
}
