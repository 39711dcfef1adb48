// Errors an import reports: whole-file problems (FileError) and per-row problems (collected).
import type { RowError } from "./types";

export class FileError extends Error {
  constructor(
    message: string,
    readonly code: "too_large" | "unreadable" | "format" | "unknown_format" = "unreadable",
  ) {
    super(message);
  }
}

/** Keeps the first `keep` row errors and counts the rest, so a broken million-row file stays small. */
export class RowErrors {
  readonly list: RowError[] = [];
  count = 0;
  /** Rows with at least one error. */
  rows = 0;
  constructor(readonly keep = 50) {}

  addRow(errors: RowError[]): void {
    if (errors.length === 0) return;
    this.rows++;
    for (const e of errors) {
      this.count++;
      if (this.list.length < this.keep) this.list.push(e);
    }
  }

  get more(): number {
    return this.count - this.list.length;
  }
}
