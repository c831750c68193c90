/**
 * A time budget for the regular expressions of rule packs. Each pattern runs in time linear in
 * the text, but a workspace pack may hold many patterns and a document may be megabytes long:
 * an analysis that has spent its budget stops running pack patterns and says so in one finding,
 * instead of blocking the editor. Analyses are synchronous, so one budget at a time is active.
 */
export class PatternBudgetExceeded extends Error {}

let deadline = Infinity;
let clock: () => number = () => Date.now();

/** Run `work` with at most `budgetMs` milliseconds for pack patterns (Infinity: no budget). */
export function withPatternBudget<T>(budgetMs: number | undefined, work: () => T): T {
  const previous = deadline;
  deadline = budgetMs === undefined || !Number.isFinite(budgetMs) ? Infinity : clock() + Math.max(0, budgetMs);
  try {
    return work();
  } finally {
    deadline = previous;
  }
}

/** Called before each pack pattern runs; throws once the budget is spent. */
export function spendPatternBudget(): void {
  if (deadline !== Infinity && clock() > deadline) throw new PatternBudgetExceeded('pattern budget exceeded');
}

/** For tests: a clock to drive the budget. */
export function setPatternClock(next: (() => number) | undefined): void {
  clock = next ?? (() => Date.now());
}
