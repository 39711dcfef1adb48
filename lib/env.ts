// Environment, validated once. Everything else reads `env()`, never process.env directly.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DAYLIGHT_DATA_DIR: z.string().default(".data"),
  DAYLIGHT_CITY_CONFIG: z.string().default("config/demo-city.json"),
  AUTH_SECRET: z.string().min(16).optional(),
  DAYLIGHT_PSEUDONYM_KEY: z.string().min(16).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Public API (/api/v1) requests allowed per IP per minute. */
  DAYLIGHT_API_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  // The city's identity provider (OIDC): switched on when all three are set.
  AUTH_OIDC_ISSUER: z.string().url().optional(),
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  // Session cookies are Secure when the request is https; "true"/"false" forces it.
  AUTH_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
});

export type Env = z.infer<typeof schema> & { pgliteDir: string };

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${msg}`);
  }
  cached = {
    ...parsed.data,
    pgliteDir: path.resolve(/*turbopackIgnore: true*/ parsed.data.DAYLIGHT_DATA_DIR, "pglite"),
  };
  return cached;
}

/** For tests that switch databases within one process. */
export function resetEnvCache(): void {
  cached = undefined;
}
