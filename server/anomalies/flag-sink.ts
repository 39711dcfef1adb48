import "server-only";
// Where the recompute's rules put their flags: a small buffer written to daylight_flags_next as
// it fills, so no more than one chunk of flags is ever held (a large city has millions).
import type { DbOrTx } from "../../db/client";
import { writeNextFlags } from "../../db/queries/anomalies/flags-next";
import type { Flag } from "../../lib/anomalies/types";

export class FlagSink {
  private buffer: Flag[] = [];

  constructor(
    private readonly tx: DbOrTx,
    private readonly computedAt: Date,
    private readonly chunk = 10_000,
  ) {}

  readonly push = (f: Flag | null): void => {
    if (f) this.buffer.push(f);
  };

  /** Writes the buffer once it holds a chunk (call between batches of records). */
  async drain(): Promise<void> {
    if (this.buffer.length >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    const flags = this.buffer;
    this.buffer = [];
    if (flags.length > 0) await writeNextFlags({ tx: this.tx, flags, computedAt: this.computedAt });
  }
}
