import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { analyze, applyEdits, parseDocument } from '../../../../server/src/core';
import { readDocx } from '../../../../server/src/word/read';
import { annotateDocx } from '../../../../server/src/word/write/annotate';
import { builtinRules, docxFixtures } from './helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const DATE = new Date('2026-02-01T08:00:00Z');
const NON_BODY = new Set(['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']);

async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('uint8array'));
  return out;
}

const xml = (bytes: Uint8Array): Document => new DOMParser().parseFromString(Buffer.from(bytes).toString('utf8'), 'application/xml');
const all = (doc: Document | Element, tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));

/** Paragraphs as formatting + text, adjacent runs of equal formatting merged, with the given comment ids' anchors removed. */
function structure(doc: Document, dropIds: Set<string>): string[] {
  for (const tag of ['w:commentRangeStart', 'w:commentRangeEnd']) for (const e of all(doc, tag)) if (dropIds.has(e.getAttribute('w:id')!)) e.parentNode!.removeChild(e);
  for (const e of all(doc, 'w:commentReference')) if (dropIds.has(e.getAttribute('w:id')!)) e.parentNode!.parentNode!.removeChild(e.parentNode!);
  const s = new XMLSerializer();
  return all(doc, 'w:p').map((p) => {
    const out: string[] = [];
    let last = '';
    const walk = (node: Element) => {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== 1) continue;
        const e = n as Element;
        if (e.nodeName === 'w:r' && e.parentNode === node) {
          const rPr = all(e, 'w:rPr')[0];
          const format = rPr ? s.serializeToString(rPr) : '';
          const texts = Array.from(e.childNodes).filter((c) => c.nodeType === 1 && c.nodeName !== 'w:rPr').map((c) => (c.nodeName === 'w:t' ? c.textContent : `<${c.nodeName}>`)).join('');
          if (format === last && out.length > 0 && !/^<w:(?!t>)/.test(texts)) out[out.length - 1] += texts;
          else out.push(`${format}|${texts}`);
          last = format;
        } else if (e.nodeName === 'w:pPr') out.push(s.serializeToString(e));
        else {
          out.push(`<${e.nodeName}>`);
          last = '';
          walk(e);
        }
      }
    };
    walk(p);
    return out.join('\n');
  });
}

/** The text inside each comment's range, in document order. */
function anchoredTexts(doc: Document): Map<string, string> {
  const open = new Set<string>();
  const texts = new Map<string, string>();
  const visit = (node: Element) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (e.nodeName === 'w:commentRangeStart') (open.add(e.getAttribute('w:id')!), texts.set(e.getAttribute('w:id')!, ''));
      else if (e.nodeName === 'w:commentRangeEnd') open.delete(e.getAttribute('w:id')!);
      else if (e.nodeName === 'w:t' || e.nodeName === 'w:delText') for (const id of open) texts.set(id, texts.get(id)! + (e.textContent ?? ''));
      else visit(e);
    }
  };
  visit(doc.documentElement!);
  return texts;
}

describe('word/write/annotate', () => {
  const fixtures = docxFixtures();

  it('has LibreOffice-made Word fixtures to annotate', () => {
    assert.ok(fixtures.length >= 2, `expected Word fixtures in test/fixtures/word, found ${fixtures.length}`);
  });

  for (const file of fixtures) {
    describe(file.replace(/.*[\\/]/, ''), () => {
      let original: Buffer;
      let annotated: Awaited<ReturnType<typeof annotateDocx>>;
      let extracted: Awaited<ReturnType<typeof readDocx>>;
      let findings: ReturnType<typeof analyze>;
      before(async () => {
        original = fs.readFileSync(file);
        extracted = await readDocx(original);
        findings = analyze(parseDocument(extracted.text), builtinRules());
        annotated = await annotateDocx(original, extracted, findings, { date: DATE });
      });

      it('writes one comment per finding', () => {
        assert.ok(findings.length > 0);
        assert.equal(annotated.comments, findings.length);
      });

      it('keeps every other part byte for byte', async () => {
        const before = await parts(original);
        const after = await parts(annotated.bytes);
        for (const [name, bytes] of before) {
          assert.ok(after.has(name), `${name} is missing`);
          if (!NON_BODY.has(name)) assert.ok(Buffer.from(bytes).equals(Buffer.from(after.get(name)!)), `${name} changed`);
        }
        const added = [...after.keys()].filter((n) => !before.has(n));
        assert.ok(added.every((n) => n === 'word/comments.xml'), `unexpected new parts: ${added.join(', ')}`);
      });

      it('only adds to the relationships and content types', async () => {
        const before = await parts(original);
        const after = await parts(annotated.bytes);
        for (const name of ['[Content_Types].xml', 'word/_rels/document.xml.rels']) {
          const a = Buffer.from(before.get(name)!).toString('utf8');
          const b = Buffer.from(after.get(name)!).toString('utf8');
          const stripped = b.replace(/<Override PartName="\/word\/comments\.xml"[^>]*\/>|<Relationship Id="[^"]+" Type="[^"]+\/comments" Target="comments\.xml"\/>/g, '');
          assert.equal(/comments\.xml/.test(a) ? b : stripped, a, `${name}: something besides the comments entry changed`);
          assert.match(b, /comments/);
        }
      });

      it('gives back the original text and structure when the inserted anchors are removed', async () => {
        const before = await parts(original);
        const after = await parts(annotated.bytes);
        const ids = new Set(annotated.anchored.map((a) => String(a.id)));
        assert.deepEqual(structure(xml(after.get('word/document.xml')!), ids), structure(xml(before.get('word/document.xml')!), new Set()));
        const reread = await readDocx(annotated.bytes);
        assert.equal(reread.text, extracted.text);
      });

      it('keeps the existing comments', async () => {
        const before = await parts(original);
        const after = await parts(annotated.bytes);
        if (!before.has('word/comments.xml')) return;
        const s = new XMLSerializer();
        const old = all(xml(before.get('word/comments.xml')!), 'w:comment').map((c) => s.serializeToString(c));
        const now = new Set(all(xml(after.get('word/comments.xml')!), 'w:comment').map((c) => s.serializeToString(c)));
        assert.ok(old.length > 0);
        for (const c of old) assert.ok(now.has(c), 'an existing comment was changed or lost');
        const oldIds = new Set(all(xml(before.get('word/comments.xml')!), 'w:comment').map((c) => c.getAttribute('w:id')));
        for (const a of annotated.anchored) assert.ok(!oldIds.has(String(a.id)), 'a new comment reuses an existing id');
      });

      it('anchors each comment on the flagged words, read back from the package', async () => {
        const after = await parts(annotated.bytes);
        const doc = xml(after.get('word/document.xml')!);
        const texts = anchoredTexts(doc);
        const comments = new Map(all(xml(after.get('word/comments.xml')!), 'w:comment').map((c) => [c.getAttribute('w:id')!, c.textContent ?? '']));
        const title = extracted.paragraphs.find((p) => p.kind === 'title') ?? extracted.paragraphs[0];
        annotated.anchored.forEach((a, i) => {
          const finding = findings[i];
          const onText = texts.get(String(a.id));
          assert.equal(onText, a.text, `comment ${a.id} (${a.rule})`);
          const inParagraph = extracted.paragraphs.find((p) => finding.span.start >= p.textStart + p.numberingPrefix.length && finding.span.end <= p.textStart + p.text.length && finding.span.end > finding.span.start);
          if (inParagraph) assert.equal(onText, extracted.text.slice(finding.span.start, finding.span.end), `comment ${a.id} (${a.rule}) is not on its words`);
          else if (finding.span.start < extracted.bodyStart) assert.equal(onText, title.text.slice(title.numberingPrefix.length), `comment ${a.id} (${a.rule}) on front matter belongs on the title`);
          const body = comments.get(String(a.id))!;
          assert.ok(body.includes(finding.message), 'the comment says the message');
          if (finding.citation) assert.ok(body.includes(finding.citation.docNumber || finding.citation.title) && body.includes(finding.citation.article), 'the comment cites 文号 and article');
          assert.match(body, /^【(错误|警告|提示|建议)】/);
        });
      });

      it('proposes rewordings as tracked changes with --track-changes', async () => {
        const tracked = await annotateDocx(original, extracted, findings, { date: DATE, trackChanges: true, author: '区司法局' });
        const reread = await readDocx(tracked.bytes);
        const proposals = findings.map((f) => fixesOf(f).find((x) => x.preferred) ?? fixesOf(f)[0]).filter((f) => f && f.edits.length === 1 && !/\n/.test(f.edits[0].newText));
        if (tracked.revisions === 0) {
          assert.equal(reread.text, extracted.text);
          return;
        }
        assert.ok(proposals.length >= tracked.revisions);
        const doc = xml((await parts(tracked.bytes)).get('word/document.xml')!);
        assert.equal(all(doc, 'w:del').filter((d) => d.getAttribute('w:author') === '区司法局').length, tracked.revisions);
        // Word shows the text with the change accepted: the rewording is in, the words it replaces are out.
        // Findings of one sentence share its one rewording: each edit once.
        const edits = [...new Map(proposals.map((p) => [JSON.stringify(p!.edits[0]), p!.edits[0]])).values()];
        const accepted = applyEdits(extracted.text, edits.filter((e) => reread.text.includes(e.newText) && !reread.text.includes(extracted.text.slice(e.start, e.end))));
        assert.equal(reread.text.replace(/\n/g, ''), accepted.replace(/\n/g, ''));
      });
    });
  }
});
