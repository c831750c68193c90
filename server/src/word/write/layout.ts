/**
 * The page of 党政机关公文格式 (GB/T 9704-2012) as settings, and the Word measurements that
 * follow from them. Local rules differ (fonts above all), so every value can be overridden;
 * the defaults are the standard's.
 */

export interface GongwenFonts {
  /** 标题: 二号方正小标宋简体. */
  title: string;
  /** 正文: 三号仿宋_GB2312. */
  body: string;
  /** 一级标题 一、: 黑体. */
  heading1: string;
  /** 二级标题 （一）: 楷体. */
  heading2: string;
  /** 三、四级标题 1. （1）: 仿宋. */
  heading3: string;
  /** 页码: 宋体. */
  pageNumber: string;
}

export interface GongwenLayout {
  fonts: GongwenFonts;
  /** Sizes in points: 二号 22, 三号 16, 四号 14. */
  titleSize: number;
  bodySize: number;
  pageNumberSize: number;
  /** Page and text block in millimetres (A4, 版心 156 × 225). */
  pageWidthMm: number;
  pageHeightMm: number;
  topMarginMm: number;
  /** 订口 (binding, left) margin. */
  leftMarginMm: number;
  textWidthMm: number;
  textHeightMm: number;
  linesPerPage: number;
  charsPerLine: number;
  /** 页码一字线上距版心下边缘 (mm). */
  pageNumberGapMm: number;
}

export const DEFAULT_LAYOUT: GongwenLayout = {
  fonts: { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体', heading3: '仿宋_GB2312', pageNumber: '宋体' },
  titleSize: 22,
  bodySize: 16,
  pageNumberSize: 14,
  pageWidthMm: 210,
  pageHeightMm: 297,
  topMarginMm: 37,
  leftMarginMm: 28,
  textWidthMm: 156,
  textHeightMm: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  pageNumberGapMm: 7,
};

/** A partial layout from settings (CLI options, `.agreementrc.yaml` `export:`, VS Code settings). */
export interface LayoutOverrides extends Partial<Omit<GongwenLayout, 'fonts'>> {
  fonts?: Partial<GongwenFonts>;
}

const NUMBER_KEYS = ['titleSize', 'bodySize', 'pageNumberSize', 'pageWidthMm', 'pageHeightMm', 'topMarginMm', 'leftMarginMm', 'textWidthMm', 'textHeightMm', 'linesPerPage', 'charsPerLine', 'pageNumberGapMm'] as const;
const FONT_KEYS = ['title', 'body', 'heading1', 'heading2', 'heading3', 'pageNumber'] as const;

/**
 * Merge overrides from untrusted settings into the defaults. Returns the layout and one
 * Chinese message per value refused (wrong type, out of range, a block wider than the page).
 */
export function resolveLayout(overrides: unknown): { layout: GongwenLayout; problems: string[] } {
  const problems: string[] = [];
  const layout: GongwenLayout = { ...DEFAULT_LAYOUT, fonts: { ...DEFAULT_LAYOUT.fonts } };
  if (overrides === undefined || overrides === null) return { layout, problems };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) return { layout, problems: ['版式设置应为键值对象，已使用默认版式。'] };
  const source = overrides as Record<string, unknown>;
  for (const key of NUMBER_KEYS) {
    const value = source[key];
    if (value === undefined) continue;
    const max = key === 'linesPerPage' || key === 'charsPerLine' ? 100 : 1000;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) problems.push(`版式设置 ${key} 应为 0 到 ${max} 之间的数值，已使用默认值 ${DEFAULT_LAYOUT[key]}。`);
    else layout[key] = key === 'linesPerPage' || key === 'charsPerLine' ? Math.round(value) : value;
  }
  const fonts = source.fonts;
  if (fonts !== undefined) {
    if (typeof fonts !== 'object' || fonts === null || Array.isArray(fonts)) problems.push('版式设置 fonts 应为键值对象，已使用默认字体。');
    else
      for (const key of FONT_KEYS) {
        const value = (fonts as Record<string, unknown>)[key];
        if (value === undefined) continue;
        if (typeof value !== 'string' || value.trim() === '' || value.length > 64) problems.push(`字体设置 ${key} 应为字体名称，已使用默认字体 ${DEFAULT_LAYOUT.fonts[key]}。`);
        else layout.fonts[key] = value.trim();
      }
  }
  for (const [a, b, c, name] of [
    ['leftMarginMm', 'textWidthMm', 'pageWidthMm', '订口加版心宽度'],
    ['topMarginMm', 'textHeightMm', 'pageHeightMm', '天头加版心高度'],
  ] as const) {
    if (layout[a] + layout[b] >= layout[c]) {
      problems.push(`版式设置中${name}（${layout[a] + layout[b]} mm）不小于纸张（${layout[c]} mm），已恢复默认值。`);
      layout[a] = DEFAULT_LAYOUT[a];
      layout[b] = DEFAULT_LAYOUT[b];
      layout[c] = DEFAULT_LAYOUT[c];
    }
  }
  return { layout, problems };
}

/** Word's measurements for a layout: twentieths of a point (twips) and half-points. */
export interface PageGeometry {
  pageWidth: number;
  pageHeight: number;
  top: number;
  left: number;
  right: number;
  bottom: number;
  /** Distance from the page's bottom edge to the footer's last line. */
  footer: number;
  header: number;
  /** Document grid: one line of the 版心 (twips), and the character pitch as Word's charSpace (1/4096 pt over the body size). */
  linePitch: number;
  charSpace: number;
  /** Character pitch in points that charSpace gives. */
  charPitchPt: number;
  /**
   * Spacing added to every body character (twips, usually negative): 三号 (16 pt) is wider than the
   * 28-character pitch (15.79 pt), and LibreOffice gives a character wider than a character-grid
   * cell two cells, so the pitch is reached by character spacing on a line grid, the same in
   * Word and LibreOffice.
   */
  charSpacing: number;
  titleHalfPoints: number;
  bodyHalfPoints: number;
  pageNumberHalfPoints: number;
}

export const mmToTwips = (mm: number): number => Math.round((mm / 25.4) * 1440);

export function pageGeometry(layout: GongwenLayout): PageGeometry {
  const pageWidth = mmToTwips(layout.pageWidthMm);
  const pageHeight = mmToTwips(layout.pageHeightMm);
  const top = mmToTwips(layout.topMarginMm);
  const left = mmToTwips(layout.leftMarginMm);
  const textWidth = mmToTwips(layout.textWidthMm);
  const textHeight = mmToTwips(layout.textHeightMm);
  const right = pageWidth - left - textWidth;
  const bottom = pageHeight - top - textHeight;
  // Rounded down: n lines (characters) must fit, never n + a fraction that pushes the last one out.
  const linePitch = Math.floor(textHeight / layout.linesPerPage);
  const pitchPt = textWidth / 20 / layout.charsPerLine;
  const charSpace = Math.floor((pitchPt - layout.bodySize) * 4096);
  // The page number's line (its size plus a little leading) sits pageNumberGapMm under the text block.
  const numberLine = Math.round(layout.pageNumberSize * 20 * 1.2);
  const footer = Math.max(0, bottom - mmToTwips(layout.pageNumberGapMm) - numberLine);
  return {
    pageWidth,
    pageHeight,
    top,
    left,
    right,
    bottom,
    footer,
    header: Math.round(top / 2),
    linePitch,
    charSpace,
    charPitchPt: layout.bodySize + charSpace / 4096,
    charSpacing: Math.floor((pitchPt - layout.bodySize) * 20),
    titleHalfPoints: Math.round(layout.titleSize * 2),
    bodyHalfPoints: Math.round(layout.bodySize * 2),
    pageNumberHalfPoints: Math.round(layout.pageNumberSize * 2),
  };
}
