// A textlint rule for the benchmark: reports every occurrence of each forbidden phrase
// (the same list ripgrep gets), one pattern per phrase, as a prh/pattern-style rule set
// of the same size would. The list comes from the file named by AGREEMENT_BENCH_PHRASES.
'use strict';
const fs = require('node:fs');

const phrases = fs
  .readFileSync(process.env.AGREEMENT_BENCH_PHRASES, 'utf8')
  .split('\n')
  .filter(Boolean);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = phrases.map((p) => ({ phrase: p, re: new RegExp(escape(p), 'g') }));

module.exports = function (context) {
  const { Syntax, RuleError, report, getSource, locator } = context;
  return {
    [Syntax.Str](node) {
      const text = getSource(node);
      for (const { phrase, re } of patterns) {
        re.lastIndex = 0;
        let m;
        while ((m = re.exec(text))) {
          report(node, new RuleError(`禁止使用“${phrase}”`, { padding: locator.range([m.index, m.index + phrase.length]) }));
        }
      }
    },
  };
};
