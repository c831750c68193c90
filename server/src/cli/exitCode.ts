/** The exit code of a check from its counts: 2 a file unreadable, 1 errors (or more warnings than --max-warnings), else 0. */
export function exitCode(all: { errors: number; warnings: number; unreadable: number }, maxWarnings: number | null, err: (line: string) => void): number {
  if (all.unreadable > 0) return 2;
  if (all.errors > 0) return 1;
  if (maxWarnings !== null && all.warnings > maxWarnings) {
    err(`警告数 ${all.warnings} 超过了 --max-warnings ${maxWarnings}。`);
    return 1;
  }
  return 0;
}

/** Write and wait until the stream has taken it (large reports through a pipe). */
export function write(stream: NodeJS.WritableStream, text: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}
