/** Where the CLI reads its working folder and writes its output: injected, so tests capture it. */
export interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
}
