// `daylight users add|disable|enable|reset-mfa|set-role|sign-out|list`: account management for operators.
import type { Command } from "commander";
import { z } from "zod";
import {
  listUsers,
  createUser,
  disableUser,
  enableUser,
  resetMfa,
  setRole,
  UserError,
  type Actor,
} from "../../server/auth/users";
import { revokeUserSessions } from "../../server/auth/sessions";
import { appendAudit } from "../../server/audit/log";
import { ROLES } from "../../lib/auth/roles";
import { users } from "../../db/schema";
import { eq } from "drizzle-orm";
import { withDb } from "../db";
import { CliError } from "../errors";
import { userInfo } from "node:os";

const cliActor = (): Actor => ({ actorType: "cli", actorLabel: `cli:${safeUser()}` });
function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

const addSchema = z.object({
  email: z.string().email("--email must be an email address"),
  name: z.string().min(1, "--name is required"),
  role: z.enum(ROLES, { message: `--role must be one of ${ROLES.join(", ")}` }),
});

/** The password comes on stdin (one line) so it never appears in shell history or `ps`. */
async function readStdinPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (input is visible; pipe it in to script this): ");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function wrap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UserError) throw new CliError(e.message);
    throw e;
  }
}

export function register(program: Command): void {
  const cmd = program.command("users").description("Manage portal accounts (staff, council, auditor, admin).");

  cmd
    .command("add")
    .description("Create an account; reads the password from stdin and prints the TOTP enrollment URI once.")
    .requiredOption("--email <email>")
    .requiredOption("--name <name>")
    .requiredOption("--role <role>", ROLES.join("|"))
    .action(async (opts: Record<string, string>) => {
      const parsed = addSchema.safeParse(opts);
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("; "));
      const password = await readStdinPassword();
      await withDb("users add", async (h) => {
        const u = await wrap(() => createUser(h.db, { ...parsed.data, password }, cliActor()));
        console.log(`Created ${u.email} (${parsed.data.role}).`);
        console.log(`TOTP enrollment URI (shown once; scan it in an authenticator app):\n  ${u.totpUri}`);
        console.log(`TOTP secret: ${u.totpSecret}`);
        console.log(`Recovery codes (each works once; store them safely):\n  ${u.recoveryCodes.join("\n  ")}`);
      });
    });

  cmd
    .command("disable <email>")
    .description("Disable an account; its sessions end on their next request.")
    .action(async (email: string) => {
      await withDb("users disable", async (h) => {
        const n = await wrap(() => disableUser(h.db, email, cliActor()));
        console.log(`Disabled ${email.toLowerCase()}; ended ${n} open session(s).`);
      });
    });

  cmd
    .command("enable <email>")
    .description("Re-enable a disabled account (and clear any lock).")
    .action(async (email: string) => {
      await withDb("users enable", async (h) => {
        await wrap(() => enableUser(h.db, email, cliActor()));
        console.log(`Enabled ${email.toLowerCase()}.`);
      });
    });

  cmd
    .command("reset-mfa <email>")
    .description("Remove the account's TOTP and recovery codes; the user enrolls again at next sign-in.")
    .action(async (email: string) => {
      await withDb("users reset-mfa", async (h) => {
        await wrap(() => resetMfa(h.db, email, cliActor()));
        console.log(`Reset two-step sign-in for ${email.toLowerCase()}; they will enroll again at next sign-in.`);
      });
    });

  cmd
    .command("set-role <email> <role>")
    .description(`Change an account's role (${ROLES.join("|")}).`)
    .action(async (email: string, role: string) => {
      const r = z.enum(ROLES).safeParse(role);
      if (!r.success) throw new CliError(`role must be one of ${ROLES.join(", ")}`);
      await withDb("users set-role", async (h) => {
        await wrap(() => setRole(h.db, email, r.data, cliActor()));
        console.log(`${email.toLowerCase()} is now ${r.data}.`);
      });
    });

  cmd
    .command("sign-out <email>")
    .description("End every open session of an account (sign out everywhere).")
    .action(async (email: string) => {
      await withDb("users sign-out", async (h) => {
        const [u] = await h.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
        if (!u) throw new CliError(`No user with email ${email.trim().toLowerCase()}.`);
        const n = await h.db.transaction(async (tx) => {
          const ended = await revokeUserSessions(tx, u.id);
          await appendAudit(tx, {
            ...cliActor(),
            action: "user.sign_out_everywhere",
            targetType: "user",
            targetId: String(u.id),
            details: { sessionsEnded: ended },
          });
          return ended;
        });
        console.log(`Ended ${n} open session(s) of ${u.email}.`);
      });
    });

  cmd
    .command("list")
    .description("List accounts with role, MFA and status.")
    .action(async () => {
      await withDb("users list", async (h) => {
        const rows = await listUsers(h.db);
        if (rows.length === 0)
          return console.log("No accounts. Create one with: daylight users add --email … --name … --role …");
        for (const u of rows) {
          const status = u.disabledAt ? "disabled" : u.lockedUntil && u.lockedUntil > new Date() ? "locked" : "active";
          console.log(
            `${u.email.padEnd(36)} ${u.role.padEnd(8)} ${(u.mfa ? "mfa" : "no-mfa").padEnd(7)} ${status.padEnd(9)}${u.isDemo ? " demo" : ""}  ${u.name}`,
          );
        }
      });
    });
}
