/**
 * A seeded, deterministic generator of realistic agreement documents (`*.agreement.md`)
 * for the benchmark. Every category of the loaded rule packs is covered: front matter,
 * a title, the category's sections in canonical order with their numbering, the
 * elements each section must name (most of the time), sub-items for sections whose
 * elements are checked per item, and body sentences built from Chinese phrase banks,
 * with a few forbidden clauses (from the packs' own `bad` examples) and compliant
 * negated ones (`good` examples) mixed in.
 *
 * The same seed and options always give the same text, byte for byte.
 */
import type { CategoryRule, RulePack } from '../server/src/core/pack/types';

/** mulberry32: small, fast, good enough for text. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRICTS = ['天津市河北区', '天津市和平区', '石家庄市长安区', '保定市竞秀区', '唐山市路南区', '廊坊市广阳区', '邯郸市丛台区', '沧州市运河区', '承德市双桥区', '张家口市桥西区'];
const COMPANIES = ['中国某某建设集团有限公司', '某某新能源科技有限公司', '某某数字产业集团有限公司', '某某生物医药股份有限公司', '某某物流集团有限公司', '某某智能装备有限公司', '某某文化旅游发展有限公司', '某某银行股份有限公司天津分行'];
const MINISTRIES = ['国家发展和改革委员会某司', '工业和信息化部某司', '科学技术部某司', '商务部某司'];
const CITIES = ['日本国某某市', '韩国某某市', '德国某某市', '法国某某市'];
const LEADS = ['区商务局', '区发展改革委', '区科技局', '区工业和信息化局', '区合作交流办', '区文化和旅游局'];
const FIELDS = ['新一代信息技术', '生物医药', '高端装备制造', '现代物流', '文化旅游', '绿色低碳', '金融服务', '科技创新', '城市更新', '数字经济', '人才培养', '公共服务'];
const SUBJECTS = ['甲乙双方', '双方', '甲方', '乙方', '双方有关部门', '合作各方', '牵头单位', '双方工作专班'];
const VERBS = ['共同推进', '积极支持', '加快实施', '统筹谋划', '协同推动', '持续深化', '务实推进', '重点支持', '联合开展', '认真落实'];
const OBJECTS = ['产业协同发展', '重点项目建设', '科技成果转化', '营商环境优化', '人才交流合作', '园区平台建设', '招商引资工作', '公共服务共享', '产业链上下游配套', '创新载体建设', '数字化转型', '区域协调发展'];
const TAILS = ['，形成优势互补、互利共赢的合作格局', '，确保各项任务落到实处', '，定期总结评估合作成效', '，按照市场化原则稳步推进', '，推动合作取得实质性进展', '，每年至少召开一次工作会议', '，建立健全常态化沟通协调机制', '，依法依规履行各自职责', '，形成可复制可推广的经验', ''];
const ADVERBIALS = ['在合作期内，', '按照“政府引导、市场运作”的原则，', '围绕国家重大战略，', '结合本地实际，', '根据双方发展需要，', '到2027年底前，', '在依法合规的前提下，', ''];
const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export interface GenerateOptions {
  seed: number;
  /** Target size in UTF-8 bytes (the result is within a few hundred bytes above it). */
  bytes: number;
  /** Category name; default: picked by the seed from the packs' categories. */
  category?: string;
  /** Share of body sentences that are forbidden clauses (default 0.02) and compliant negated ones (0.02). */
  badRate?: number;
  goodRate?: number;
  /** Probability that a required element is left out of its section (default 0.15). */
  missingElementRate?: number;
}

export interface Corpus {
  categories: CategoryRule[];
  bad: string[];
  good: string[];
}

/** What the generator draws on from the packs: categories, and clause examples. */
export function corpusFromPacks(packs: RulePack[]): Corpus {
  const categories = new Map<string, CategoryRule>();
  const bad: string[] = [];
  const good: string[] = [];
  for (const pack of packs) {
    for (const c of pack.categories ?? []) categories.set(c.name, c);
    for (const clause of pack.clauses ?? []) {
      bad.push(...clause.examples.bad);
      good.push(...clause.examples.good);
    }
  }
  if (categories.size === 0) categories.set('其他', FALLBACK_CATEGORY);
  return { categories: [...categories.values()], bad, good };
}

const FALLBACK_CATEGORY: CategoryRule = {
  name: '其他',
  description: '',
  sections: ['合作原则', '合作内容', '合作方式', '保障措施', '其他事项'].map((name) => ({
    name,
    skeleton: '……',
    citation: { regulation: 'x', article: 'x' },
  })),
  citation: { regulation: 'x', article: 'x' },
};

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

function sentence(r: () => number, corpus: Corpus, badRate: number, goodRate: number): string {
  const roll = r();
  if (roll < badRate && corpus.bad.length > 0) return pick(r, corpus.bad);
  if (roll < badRate + goodRate && corpus.good.length > 0) return pick(r, corpus.good);
  return `${pick(r, ADVERBIALS)}${pick(r, SUBJECTS)}${pick(r, VERBS)}${pick(r, FIELDS)}领域${pick(r, OBJECTS)}${pick(r, TAILS)}。`;
}

function paragraph(r: () => number, corpus: Corpus, badRate: number, goodRate: number, extra = ''): string {
  const n = 2 + Math.floor(r() * 4);
  let out = extra;
  for (let i = 0; i < n; i++) out += sentence(r, corpus, badRate, goodRate);
  return out;
}

function parties(r: () => number, category: string): { a: string; b: string } {
  const district = pick(r, DISTRICTS);
  const a = `${district}人民政府`;
  switch (category) {
    case '上级部委':
      return { a, b: pick(r, MINISTRIES) };
    case '兄弟地区':
    case '对口帮扶':
    case '对口合作':
      return { a, b: `${pick(r, DISTRICTS.filter((d) => d !== district))}人民政府` };
    case '友好城市':
      return { a, b: pick(r, CITIES) };
    case '厅市会商':
      return { a: '河北省科学技术厅', b: `${district.replace(/区$/, '').replace(/市.*$/, '市')}人民政府` };
    default:
      return { a, b: pick(r, COMPANIES) };
  }
}

/** One document. Deterministic in `options`. */
export function generateDocument(corpus: Corpus, options: GenerateOptions): string {
  const r = rng(options.seed);
  const badRate = options.badRate ?? 0.02;
  const goodRate = options.goodRate ?? 0.02;
  const missingRate = options.missingElementRate ?? 0.15;
  const category = (options.category ? corpus.categories.find((c) => c.name === options.category) : undefined) ?? pick(r, corpus.categories);
  const { a, b } = parties(r, category.name);
  const docType = category.docTypes?.[0] ?? '协议书';
  const field = pick(r, FIELDS);
  const title = `${a}与${b}${field}${category.name === '对口合作' ? '合作实施方案' : '战略合作' + (docType === '合同' ? '合同' : '协议')}`;
  const year = 2024 + Math.floor(r() * 2);
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const fm = [
    '---',
    `文种: ${docType}`,
    `类别: ${category.name}`,
    ...(category.subTypeKey && category.subTypes?.length ? [`${category.subTypeKey}: ${pick(r, category.subTypes)}`] : []),
    `标题: ${title}`,
    `甲方: ${a}`,
    `乙方: ${b}`,
    `牵头单位: ${pick(r, LEADS)}`,
    `签署日期: ${year}-${month}-${day}`,
    `有效期: ${3 + Math.floor(r() * 8)}年`,
    `涉外: ${category.name === '友好城市' ? 'true' : 'false'}`,
    '适用法律: 中华人民共和国法律',
    `审批方式: ${pick(r, ['审签', '区长办公会议', '常务会议'])}`,
    '---',
    '',
  ];
  const parts: string[] = [fm.join('\n'), `# ${title}`, '', `为贯彻落实国家和省市关于${field}发展的决策部署，经友好协商，${a}（以下简称甲方）与${b}（以下简称乙方）就${field}领域合作达成如下协议。`, ''];
  let size = Buffer.byteLength(parts.join('\n'));
  const sectionTexts: string[][] = category.sections.map((section) => {
    const lines: string[] = [];
    const elements = section.elements ?? [];
    if (section.elementsPerItem) {
      lines.push(paragraph(r, corpus, badRate, goodRate));
    } else {
      const named = elements.filter(() => r() >= missingRate).map((e) => `${e.name}方面，${pick(r, SUBJECTS)}${pick(r, VERBS)}${pick(r, OBJECTS)}。`);
      lines.push(paragraph(r, corpus, badRate, goodRate, named.join('')));
    }
    return lines;
  });
  // Grow: append paragraphs (and items for per-item sections) round-robin until the size is reached.
  size += sectionTexts.reduce((n, s) => n + Buffer.byteLength(s.join('\n')) + 20, 0);
  const itemCounts = category.sections.map(() => 0);
  let turn = 0;
  while (size < options.bytes && category.sections.length > 0) {
    const i = turn++ % category.sections.length;
    const section = category.sections[i];
    let added: string;
    if (section.elementsPerItem && (section.elements?.length ?? 0) > 0) {
      itemCounts[i]++;
      const named = (section.elements ?? []).filter(() => r() >= missingRate / 2).map((e) => `${e.name}：${pick(r, SUBJECTS)}${pick(r, OBJECTS)}`);
      added = `（${NUMBERS[(itemCounts[i] - 1) % NUMBERS.length]}）${pick(r, FIELDS)}${pick(r, ['产业园', '创新中心', '示范基地', '综合体', '服务平台'])}项目\n${named.join('；')}。\n${paragraph(r, corpus, badRate, goodRate)}`;
    } else {
      added = paragraph(r, corpus, badRate, goodRate);
    }
    sectionTexts[i].push(added);
    size += Buffer.byteLength(added) + 1;
  }
  category.sections.forEach((section, i) => {
    parts.push(`${NUMBERS[i % NUMBERS.length]}、${section.name}`);
    parts.push(...sectionTexts[i]);
    parts.push('');
  });
  parts.push(`甲方：${a}（盖章）          乙方：${b}（盖章）`, `${year}年${Number(month)}月${Number(day)}日`, '');
  return parts.join('\n');
}

/** `count` documents of about `bytes` each, cycling through every category. */
export function generateCorpus(corpus: Corpus, count: number, bytes: number, seed = 1): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const category = corpus.categories[i % corpus.categories.length];
    out.push({ name: `${String(i).padStart(4, '0')}-${category.name}.agreement.md`, text: generateDocument(corpus, { seed: seed * 100003 + i, bytes, category: category.name }) });
  }
  return out;
}
