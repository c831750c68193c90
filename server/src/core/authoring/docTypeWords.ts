/**
 * The words a document of each 文种 uses for itself: 本协议, 本议定书, 本方案 …
 * Used for the opening and closing sentences of skeletons and for titles.
 */
export interface DocTypeWords {
  /** How the text names itself after 本: 协议, 议定书, 方案 … */
  self: string;
  /** Title ending after the parties' names: 合作协议, 合作备忘录 … */
  titleSuffix: string;
  /** The opening sentence. */
  preamble: string;
  /** Signed by the parties (一式几份 and a signature block), or not (宣言, 实施方案). */
  signed: boolean;
}

const AGREEMENT_PREAMBLE = (self: string) =>
  `为（写明合作背景和目的），甲乙双方本着平等自愿、优势互补、互利共赢的原则，经友好协商，达成如下${self}。`;

const WORDS: Record<string, DocTypeWords> = {
  协议书: { self: '协议', titleSuffix: '合作协议', preamble: AGREEMENT_PREAMBLE('协议'), signed: true },
  议定书: { self: '议定书', titleSuffix: '合作议定书', preamble: AGREEMENT_PREAMBLE('议定事项'), signed: true },
  意向书: { self: '意向书', titleSuffix: '合作意向书', preamble: AGREEMENT_PREAMBLE('合作意向'), signed: true },
  备忘录: { self: '备忘录', titleSuffix: '合作备忘录', preamble: AGREEMENT_PREAMBLE('备忘录'), signed: true },
  宣言: { self: '宣言', titleSuffix: '合作宣言', preamble: '（写明合作背景），双方共同发表如下宣言：', signed: false },
  实施方案: { self: '方案', titleSuffix: '合作实施方案', preamble: '为（写明编制依据和目的），制定本方案。', signed: false },
  合同: {
    self: '合同',
    titleSuffix: '合同',
    preamble: '根据《中华人民共和国民法典》及有关法律法规，甲乙双方在平等、自愿、公平、诚实信用的基础上，经协商一致，订立本合同。',
    signed: true,
  },
};

export function docTypeWords(docType: string): DocTypeWords {
  return WORDS[docType] ?? WORDS['协议书'];
}
