// How long a session lasts: signed out after 30 idle minutes, and after 12 hours whatever happens.
// Plain constants, so the edge-safe auth config (auth.config.ts) can read them too.
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
