// Rows read in key order, batch after batch, handed on one run of equal keys at a time: one user's
// camera accesses, one plate's searches, one call category's flights.

/** `onRun` gets each run of consecutive items with the same key once the key changes, and the last at `end()`. */
export function runsBy<T, K>(key: (item: T) => K, onRun: (run: T[]) => void) {
  let run: T[] = [];
  return {
    add(item: T): void {
      if (run.length > 0 && key(run[0]) !== key(item)) {
        onRun(run);
        run = [];
      }
      run.push(item);
    },
    end(): void {
      if (run.length > 0) onRun(run);
      run = [];
    },
  };
}
