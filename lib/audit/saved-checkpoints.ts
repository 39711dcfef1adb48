// Parsing checkpoints saved from /audit's JSON (for `daylight audit verify --against`).
import { z } from "zod";

const checkpoint = z.object({
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "at must be a timestamp"),
  headId: z.number().int().positive(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/, "headHash must be 64 hex digits"),
  rowCount: z.number().int().nonnegative(),
  signature: z.string().nullable().optional(),
});

const file = z.union([z.object({ checkpoints: z.array(checkpoint) }), z.array(checkpoint)]);

export type SavedCheckpoint = {
  at: string;
  headId: number;
  headHash: string;
  rowCount: number;
  signature: string | null;
};

/** The checkpoints in a saved copy of /audit's JSON, or an Error naming what is wrong. */
export function parseSavedCheckpoints(text: string): SavedCheckpoint[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("not JSON: save /audit/checkpoints.json, not the page");
  }
  const r = file.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`not a checkpoint list: ${i.path.join(".") || "(top)"}: ${i.message}`);
  }
  const list = Array.isArray(r.data) ? r.data : r.data.checkpoints;
  return list.map((c) => ({ ...c, signature: c.signature ?? null }));
}
