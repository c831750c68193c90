/**
 * A regulation file as officers read it in 打开条文: the regulation's words, titles and
 * 文号 only. Notes kept for maintaining the packs — how a text was verified (核验等级),
 * the rule-pack id, which rules use a provision (（用于：…）), the file's own preface and
 * unverified article labels — are left out. Pure: text in, text out.
 */
export function provisionText(text: string, fileName: string): string {
  if (!/\.md$/i.test(fileName)) return text;
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  // The preface between the file's title and the first rule (---) speaks about the file, not the law.
  const firstRule = lines.findIndex((l) => l.trim() === '---');
  lines.forEach((line, i) => {
    if (firstRule > 0 && i > 0 && i <= firstRule) return;
    if (/^[-*]\s*(核验等级|规则包\s*id)[：:]/.test(line.trim())) return;
    if (/^（用于：.*）$/.test(line.trim())) return;
    if (/^#{1,6}\s*（[^）]*未核[^）]*）\s*$/.test(line)) {
      out.push(line.replace(/（[^）]*未核[^）]*）/, '（摘录）'));
      return;
    }
    out.push(line.replace(/[（(][^（）()]*未核实?[^（）()]*[）)]/g, '').replace(/[；;]\s*[^；;]*未核实\s*$/, ''));
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
