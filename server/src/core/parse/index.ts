export { parseDocument } from './document';
export type { AgreementDocument, Heading, Piece, Section, Title } from './document';
export type { FrontMatter, FrontMatterEntry, FrontMatterProblem } from './frontMatter';
export type { Sentence } from './sentences';
export type { Directive } from './directives';
export { LineIndex } from './lineIndex';
export { formatChineseNumber, parseChineseNumber } from './numerals';
