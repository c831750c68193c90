/** A one-line progress indicator on stderr, only for many files and only on a terminal. */
export const PROGRESS_THRESHOLD = 300;

export interface Progress {
  update(done: number): void;
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (total <= PROGRESS_THRESHOLD || stream.isTTY !== true) return silent;
  let last = 0;
  const started = Date.now();
  const draw = (done: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stream.write(`\r检查中 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${seconds} s`);
  };
  draw(0);
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      draw(done);
    },
    done() {
      stream.write('\r\u001b[2K');
    },
  };
}
