/**
 * Whether an agreement is foreign-related (涉外): 涉外: true, a 友好城市 (国外友好城市,
 * 47号 二(五)), or a party whose name is foreign (a country's name, 株式会社, GmbH, Inc. …).
 * A declared 涉外: false that the category or a party contradicts is reported by the caller.
 */
import type { CheckContext } from '../context';

export interface Foreignness {
  foreign: boolean;
  /** Why, when it is inferred rather than declared. */
  inferred?: string;
  /** 涉外: false was declared although the category or a party says otherwise. */
  contradicted?: boolean;
}

const COUNTRIES =
  '日本|韩国|大韩民国|朝鲜|美国|美利坚|加拿大|墨西哥|巴西|阿根廷|智利|秘鲁|哥伦比亚|古巴|英国|英格兰|苏格兰|爱尔兰|法国|法兰西|德国|德意志|意大利|西班牙|葡萄牙|荷兰|比利时|卢森堡|瑞士|奥地利|瑞典|挪威|丹麦|芬兰|冰岛|波兰|捷克|斯洛伐克|匈牙利|罗马尼亚|保加利亚|希腊|塞尔维亚|克罗地亚|斯洛文尼亚|俄罗斯|白俄罗斯|乌克兰|哈萨克斯坦|乌兹别克斯坦|吉尔吉斯|塔吉克斯坦|土库曼斯坦|蒙古国|土耳其|以色列|伊朗|伊拉克|沙特阿拉伯|阿联酋|阿拉伯联合酋长国|卡塔尔|科威特|埃及|摩洛哥|阿尔及利亚|南非|尼日利亚|肯尼亚|埃塞俄比亚|坦桑尼亚|印度|巴基斯坦|孟加拉|斯里兰卡|尼泊尔|新加坡|马来西亚|泰国|越南|老挝|柬埔寨|缅甸|印度尼西亚|印尼|菲律宾|文莱|澳大利亚|新西兰';
const FOREIGN_NAME = new RegExp(`^(${COUNTRIES})|（(${COUNTRIES})）|株式会社|\\b(GmbH|Inc\\.?|LLC|Ltd\\.?|Limited|S\\.A\\.|AG|B\\.V\\.|Pty|PLC)\\b|王国|(?<!中华人民)共和国`);

export function foreignParty(context: CheckContext): string | undefined {
  for (const party of context.parties.list) if (FOREIGN_NAME.test(party.name.trim())) return party.name.trim();
  return undefined;
}

export function foreignness(context: CheckContext): Foreignness {
  const declared = context.doc.frontMatter.data['涉外'];
  if (declared === true || declared === '是') return { foreign: true };
  const category = context.doc.frontMatter.data['类别'];
  const party = foreignParty(context);
  const inferred = category === '友好城市' ? '类别为友好城市（国外友好城市）' : party ? `签约方“${party}”为境外主体` : undefined;
  if (!inferred) return { foreign: false };
  return { foreign: true, inferred, contradicted: declared === false || declared === '否' };
}
