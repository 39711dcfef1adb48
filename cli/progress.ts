// Progress on a terminal: one line rewritten in place at most five times a second. In a log (not a
// TTY) or under CI nothing is printed until the end, when done() prints one line; clear() ends
// without a line (for commands that print their own summary).
export type Progress = { update(line: string): void; done(line: string): void; clear(): void };

type Env = Record<string, string | undefined>;

/** Whether to draw progress: on a terminal only, and never under CI (CI=true, CI=1…; CI=false or empty does not count). */
export function showsProgress(stream: { isTTY?: boolean }, env: Env = process.env): boolean {
  const ci = (env.CI ?? "").trim().toLowerCase();
  return !!stream.isTTY && (ci === "" || ci === "0" || ci === "false");
}

export function progress(label: string, stream: NodeJS.WriteStream = process.stdout, env: Env = process.env): Progress {
  const tty = showsProgress(stream, env);
  let last = 0;
  let shown = false;
  const erase = () => (tty && shown ? "\r\x1b[2K" : "");
  return {
    update(line) {
      if (!tty || Date.now() - last < 200) return;
      last = Date.now();
      shown = true;
      stream.write(`\r\x1b[2K${label}: ${line}`);
    },
    done(line) {
      stream.write(`${erase()}${label}: ${line}\n`);
      shown = false;
    },
    clear() {
      if (erase()) stream.write(erase());
      shown = false;
    },
  };
}
