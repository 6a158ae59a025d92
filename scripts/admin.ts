// `npm run admin -- create-user --email E --role owner|importer|agent|viewer [--password-stdin]`
// `npm run admin -- rotate-key [--json]`: re-keys stored hashes to LOOKUP_KEY_VERSION (scripts/rotate-key.ts).
// `npm run admin -- create-api-key --name NAME`: a key for the integration API, printed once (scripts/create-api-key.ts).
// `npm run admin -- import-offer-codes FILE --incident SLUG --category SLUG`: a group's activation codes (scripts/import-offer-codes.ts).
// Creates a console user. The password is asked for twice without echo, or read from
// standard input with --password-stdin (one line; for scripts). It never appears in argv.
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { Email, MIN_PASSWORD_LENGTH, Password, StrongPassword } from "@/lib/auth/user-schemas";
import { translateKey } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { prepareDatabase } from "@/scripts/prepare-db";

const USAGE = `Usage: npm run admin -- create-user --email EMAIL --role ${ROLES.join("|")} [--password-stdin]`;

const Args = z.object({
  command: z.literal("create-user", { error: "the command must be create-user" }),
  email: z
    .string({ error: "--email EMAIL is required" })
    .refine((e) => Email.safeParse(e).success, "--email must be an email address"),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(", ")}` }),
  passwordStdin: z.boolean(),
});

async function main() {
  if (process.argv[2] === "rotate-key")
    return (await import("@/scripts/rotate-key")).rotateKeyCommand(process.argv.slice(3));
  if (process.argv[2] === "create-api-key")
    return (await import("@/scripts/create-api-key")).createApiKeyCommand(process.argv.slice(3));
  if (process.argv[2] === "import-offer-codes")
    return (await import("@/scripts/import-offer-codes")).importOfferCodesCommand(process.argv.slice(3));
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  const parsed = Args.safeParse({
    command: positionals[0],
    email: values.email,
    role: values.role,
    passwordStdin: values["password-stdin"],
  });
  if (!parsed.success) throw new Error(`${USAGE}\n${parsed.error.issues.map((i) => `  ${i.message}`).join("\n")}`);
  const args = parsed.data;

  const password = args.passwordStdin ? await readStdinLine() : await promptTwice();
  // The same policy as the console's (lib/auth/user-schemas.ts), checked before the database starts.
  const checked = Password.safeParse(password);
  if (!checked.success) throw new Error(translateKey(getTranslator(), checked.error.issues[0]!.message));
  const strong = await StrongPassword.safeParseAsync({ password, email: args.email });
  if (!strong.success) throw new Error(translateKey(getTranslator(), strong.error.issues[0]!.message));

  const { stop } = await prepareDatabase({ nodeEnv: "production", serve: false, quiet: true });
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { createAdminUser } = await import("@/lib/auth/users");
  const { CLI_ACTOR } = await import("@/lib/audit/record");
  const { isAppError } = await import("@/lib/errors");
  const { errorMessage } = await import("@/lib/http/respond");
  try {
    const user = await createAdminUser(getDb(), { email: args.email, role: args.role, password }, { actor: CLI_ACTOR });
    console.log(`Created ${user.role} ${user.email}`);
    // ADMIN_MFA=required (the default): no console page until a second factor is set up.
    console.log(
      "At first sign-in (/admin/sign-in) they must set up a second factor: an authenticator app (TOTP), keeping its backup codes, or a passkey.",
    );
  } catch (e) {
    throw isAppError(e) ? new Error(errorMessage(e)) : e;
  } finally {
    await closeDb();
    await stop();
  }
}

/** All of standard input, less one trailing newline. */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function promptTwice(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for the password: use --password-stdin.");
  const first = await promptHidden(`Password (${MIN_PASSWORD_LENGTH}+ characters): `);
  const again = await promptHidden("Same password again: ");
  if (first !== again) throw new Error("The passwords do not match.");
  return first;
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new Error("Cancelled."));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
