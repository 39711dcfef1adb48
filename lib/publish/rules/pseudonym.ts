// Stable pseudonyms for accessing users: a keyed hash of the user id, so residents can see that
// one account does most of the viewing without learning who it is. Without the key the
// pseudonym cannot be linked back to an id by trying ids.
import { createHmac } from "node:crypto";

const MIN_KEY = 16;

export function pseudonym(userId: number | string, key: string, length = 6): string {
  if (!key || key.length < MIN_KEY) throw new Error(`the pseudonym key must be at least ${MIN_KEY} characters`);
  const h = createHmac("sha256", key).update(`user:${userId}`).digest("hex");
  return `user-${h.slice(0, length)}`;
}

/** Pseudonyms for a set of ids, lengthened until none collide (collisions would merge two people). */
export function pseudonymMap(userIds: Iterable<number | string>, key: string): Map<string, string> {
  const ids = [...new Set([...userIds].map(String))];
  for (let len = 6; len <= 16; len += 2) {
    const m = new Map(ids.map((id) => [id, pseudonym(id, key, len)]));
    if (new Set(m.values()).size === m.size) return m;
  }
  return new Map(ids.map((id) => [id, pseudonym(id, key, 32)]));
}
