/**
 * Pinyin initials for snippet prefixes (`xy-qyjt` for 企业集团). No pinyin library:
 * a table of the characters that category and section names use, in the reading
 * they have there (重点 zhòng, 长期 cháng). A name with a character not in the table
 * gets no pinyin prefix (its Chinese prefix still works); the unit tests check that
 * every built-in category and section name is covered.
 */
const TABLE: Record<string, string> = {
  a: '安案按',
  b: '帮保部备本办标报比编变表补不并北兵边博包版币必布步避别宾拨百',
  c: '城策产财筹措成场促承查处创程长次出采参层常厂村传存偿测材差超持储',
  d: '对地单定动等独担党代大点督导档当订度电东短底典道德登队贷兜待递多弟带断的',
  e: '额二而',
  f: '扶方府服发法费风范放分负复返丰附防非份福符副否繁',
  g: '公工规共管国高官改广购港格贡观估个给各岗股供功归过构关更',
  h: '合会划互化环华海号后河核货和户惠汇函获画换宏回红黄好绘',
  j: '级集机经建金技局基结决及境继价奖件阶交计监举竞减键激纪节加际家检纠据具就即界解借街精九见教简聚江京绩',
  k: '口开科考可控扩款困况框库矿',
  l: '来录联领律利立落流旅类力理例论路绿林两粮列临履劳龙',
  m: '目面民贸密模免名明美门秘满',
  n: '内年能农南纳拟宁凝',
  o: '欧',
  p: '评平配品派培批排票普频',
  q: '企其区权期全情清取确签起强群气前求桥去请契渠迁启',
  r: '任人容融日如入认让荣',
  s: '上市商书时施实设事省示署审社生水收税双试损使属所视数速售授首三四势思色森诉随申涉适式食识送算素山深实受',
  t: '体团通台土投条特提厅突统态推图谈他题停途退拓天同头听',
  w: '委务文位违为物外万网维卫五武围温稳问无',
  x: '项序协宣向兄效信新限修型现销续需县乡心险详学先星形性选循小许系下享相',
  y: '央业意言义约原源用有友要营运应议域预银已依益医养由于育与园院元员月远云研样引优验亿易音',
  z: '政中支资宗主重争总作组制执责证专转增治助准招自综站种展址障战整至智置值致职指质足族最座租在则造征旨',
};

const INITIAL = new Map<string, string>();
for (const [letter, chars] of Object.entries(TABLE)) for (const ch of chars) if (!INITIAL.has(ch)) INITIAL.set(ch, letter);

/** `企业集团` → `qyjt`; undefined when a character is not in the table. ASCII letters and digits pass through. */
export function pinyinInitials(name: string): string | undefined {
  let out = '';
  for (const ch of name) {
    if (/[A-Za-z0-9]/.test(ch)) out += ch.toLowerCase();
    else if (/[\s（）()、·]/.test(ch)) continue;
    else {
      const letter = INITIAL.get(ch);
      if (!letter) return undefined;
      out += letter;
    }
  }
  return out.length > 0 ? out : undefined;
}
