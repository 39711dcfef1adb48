// Progress on a terminal: one line rewritten in place at most five times a second. In a log (not a
// TTY, e.g. CI) nothing is printed until the end, when done() prints one line.
export type Progress = { update(line: string): void; done(line: string): void };

export function progress(label: string, stream: NodeJS.WriteStream = process.stdout): Progress {
  const tty = !!stream.isTTY;
  let last = 0;
  let shown = false;
  return {
    update(line) {
      if (!tty || Date.now() - last < 200) return;
      last = Date.now();
      shown = true;
      stream.write(`\r\x1b[2K${label}: ${line}`);
    },
    done(line) {
      stream.write(`${tty && shown ? "\r\x1b[2K" : ""}${label}: ${line}\n`);
    },
  };
}
