import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as YAML from 'yaml';
import { validate as frontMatterValidate } from '../../../../server/src/core/generated/frontMatterValidator';
import { validate as packValidate } from '../../../../server/src/core/generated/packValidator';
import { withLinearUniqueItems } from '../../../../server/src/core/pack/linearSchema';

const ROOT = path.resolve(__dirname, '../../../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** The old run-time compile, as a reference for the generated code. */
function runtimeValidator(schemaFile: string, formats: string[], transform: (schema: unknown) => unknown = (s) => s): Validate {
  const ajv = new Ajv({ allErrors: true, strict: false });
  if (formats.length > 0) addFormats(ajv, formats as never);
  return ajv.compile(transform(readJson(schemaFile)) as object) as Validate;
}

const outcome = (validate: Validate, data: unknown) => ({ valid: validate(data), errors: (validate.errors ?? []).map((e) => JSON.stringify(e)) });

describe('validators generated from the JSON Schemas at build time', () => {
  it('are the current output of scripts/generate-validators.mjs (run it after editing a schema)', async () => {
    const generator = (await import(path.join(ROOT, 'scripts/generate-validators.mjs'))) as { generateValidators(root: string): Record<string, string> };
    const fresh = generator.generateValidators(ROOT);
    for (const [name, text] of Object.entries(fresh)) {
      const committed = fs.readFileSync(path.join(ROOT, 'server/src/core/generated', name), 'utf8');
      assert.ok(committed === text, `server/src/core/generated/${name} is stale: run node scripts/generate-validators.mjs`);
    }
  });

  it('give the front matter the same verdict and errors as ajv compiling the schema', () => {
    const reference = runtimeValidator('schemas/agreement.schema.json', ['date']);
    const good = { 文种: '协议书', 类别: '其他', 标题: '合作协议', 甲方: '甲', 乙方: '乙', 牵头单位: '办公厅', 签署日期: '2025-06-30' };
    const cases: unknown[] = [
      good,
      {},
      { ...good, 签署日期: '2025-13-40' },
      { ...good, 签署日期: '2025/06/30' },
      { ...good, 文种: '通知' },
      { ...good, 标题: '' },
      { ...good, 甲方: 3 },
      [],
      'text',
      null,
    ];
    for (const data of cases) assert.deepEqual(outcome(frontMatterValidate as Validate, data), outcome(reference, data), JSON.stringify(data));
    assert.equal((frontMatterValidate as Validate)(good), true);
    // The schema checks the date's shape (2025-06-30, 2025年6月30日, 待定); an impossible day is the stage check's finding.
    assert.equal((frontMatterValidate as Validate)({ ...good, 签署日期: '2025/06/30' }), false, 'a date in another shape is refused');
    assert.equal((frontMatterValidate as Validate)({ ...good, 签署日期: '2025年6月30日' }), true);
  });

  it('give rule packs the same verdict and errors as ajv compiling the schema', () => {
    const reference = runtimeValidator('schemas/rule-pack.schema.json', [], withLinearUniqueItems);
    const cases: unknown[] = [
      { id: 'x', version: 1 },
      { id: 'x', clauses: [{ id: 'c', any: ['甲'] }] },
      { id: 'x', clauses: [{ any: 3 }] },
      { id: 'x', categories: [{ name: '其他', sections: [{ name: '总则', elements: [{ name: 'e', pattern: '(' }] }] }], unknown: true },
      { clauses: 'no' },
      42,
      // Every built-in pack, as shipped and with its first clause broken.
      ...fs.readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml')).flatMap((f) => {
        const pack = YAML.parse(fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8'));
        return [pack, { ...pack, clauses: [{ ...(pack.clauses?.[0] ?? {}), any: 7 }, ...(pack.clauses ?? []).slice(1)] }];
      }),
    ];
    for (const data of cases) assert.deepEqual(outcome(packValidate as Validate, data), outcome(reference, data), JSON.stringify(data));
  });
});
