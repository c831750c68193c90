/**
 * `dist/cli-fast.js`: what bin/agreement-lint.js loads first. It holds the quick path of
 * `--cache` (./quickReport.ts) and what that needs (arguments, the file walk, stamps, the
 * report file) and nothing of the packs, the clause model or the analysis, so that an
 * unchanged folder is answered without loading `dist/cli.js`; anything else is handed to
 * `dist/cli.js`'s `main` with the report file as read.
 */
import { answerUnchanged, type QuickAnswer } from './quickReport';
import { defaultIo, type Io } from './io';

export { defaultIo };
export type { QuickAnswer };

/** The quick answer, or what was read for the full run; never throws (a failure leaves it all to the full run). */
export async function answer(argv: string[], io: Io): Promise<QuickAnswer> {
  try {
    return await answerUnchanged(argv, io);
  } catch {
    return { report: null };
  }
}
