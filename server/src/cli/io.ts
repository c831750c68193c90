/** Where the CLI reads its working folder and writes its output: injected, so tests capture it. */
export interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
}

let guarded = false;

/** The process's own streams. `agreement-lint | head`: a closed pipe ends the output quietly, not with a stack trace. */
export function defaultIo(): Io {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };
}
