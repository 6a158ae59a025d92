import { z } from "zod";
import { confirmed } from "@/lib/validation/confirm";
import { ROLES } from "@/lib/auth/permissions";

/**
 * Console user inputs, one schema each, shared by the CLI (scripts/admin.ts), the
 * console's forms (client-side, before posting) and the domain (lib/auth/users.ts,
 * lib/auth/manage-users.ts), which parses again whatever it is given. Client-safe: zod
 * and the role list only. Issue messages are i18n keys; the edges translate them.
 */

/** The password policy, the one place it is written: 12 to 128 characters. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "errors.email_invalid")
  .pipe(z.email("errors.email_invalid"));

export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "errors.password_too_short")
  .max(MAX_PASSWORD_LENGTH, "errors.password_too_long");

/** The lowest zxcvbn score (0 to 4) a new password may have: 3 is "safely unguessable". */
export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's warnings (its translation keys) → our reasons; any other → errors.password_weak. */
const WEAK_REASONS: Record<string, string> = {
  userInputs: "errors.password_weak_email",
  topTen: "errors.password_weak_common",
  topHundred: "errors.password_weak_common",
  common: "errors.password_weak_common",
  similarToCommon: "errors.password_weak_common",
  pwned: "errors.password_weak_common",
  commonNames: "errors.password_weak_words",
  namesByThemselves: "errors.password_weak_words",
  wordByItself: "errors.password_weak_words",
  straightRow: "errors.password_weak_pattern",
  keyPattern: "errors.password_weak_pattern",
  simpleRepeat: "errors.password_weak_pattern",
  extendedRepeat: "errors.password_weak_pattern",
  sequences: "errors.password_weak_pattern",
  recentYears: "errors.password_weak_dates",
  dates: "errors.password_weak_dates",
};

/** The words of an email zxcvbn should treat as guessable: the address and its parts. */
function emailWords(email: string): string[] {
  const lower = email.toLowerCase();
  return [lower, ...lower.split(/[^a-z0-9]+/).filter((w) => w.length >= 3)];
}

/**
 * The strength half of the password policy (the length half is Password, which the
 * forms check before posting): zxcvbn must score a new password at least
 * MIN_PASSWORD_SCORE, knowing the words of the user's email; else the issue (on
 * `password`) says why, in our words. Async: zxcvbn loads on the first check only
 * (lib/auth/password-strength.ts), so no page ships its dictionaries.
 */
export const StrongPassword = z
  .object({ password: z.string(), email: z.string() })
  .superRefine(async ({ password, email }, ctx) => {
    const { ratePassword } = await import("@/lib/auth/password-strength");
    const { score, warning } = await ratePassword(password, emailWords(email));
    if (score >= MIN_PASSWORD_SCORE) return;
    ctx.addIssue({
      code: "custom",
      path: ["password"],
      message: (warning && WEAK_REASONS[warning]) || "errors.password_weak",
    });
  });

/**
 * The longest password we look at when one is typed to be checked: longer than any valid
 * password is simply wrong, and the cap keeps hashing bounded.
 */
export const MAX_SUBMITTED_PASSWORD = 4096;

/** A password typed to prove who you are (sign-in, the current one when changing it). */
export const SubmittedPassword = z
  .string()
  .min(1, "errors.password_required")
  .max(MAX_SUBMITTED_PASSWORD, "errors.invalid_request");

export const RoleInput = z.enum(ROLES, { error: () => "errors.role_invalid" });

const UserId = z
  .string({ error: () => "errors.not_found" })
  .trim()
  .min(1, "errors.not_found")
  .max(128, "errors.not_found");

/** A user with the password already chosen: the CLI's create-user, and the console's after choosing. */
export const NewUserInput = z.object({ email: Email, role: RoleInput, password: Password });

/** How the console's "Add a user" form sets the first password. */
export const INITIAL_PASSWORD = ["generate", "set"] as const;

/**
 * The console's "Add a user" form: a generated one-time password (shown once), or one
 * the owner types, under the same policy as the CLI's. A password typed while
 * "generate" is chosen is ignored.
 */
export const CreateUserInput = z.discriminatedUnion(
  "initialPassword",
  [
    z.object({
      email: Email,
      role: RoleInput,
      initialPassword: z.literal("generate"),
      password: z.string().max(MAX_SUBMITTED_PASSWORD).optional(),
    }),
    z.object({ email: Email, role: RoleInput, initialPassword: z.literal("set"), password: Password }),
  ],
  { error: () => "errors.initial_password_choice" },
);

export const ChangeRoleInput = z.object({ userId: UserId, role: RoleInput });

/**
 * Form value "true" disables (confirmed: it locks the user out and ends their sessions),
 * "false" enables again.
 */
export const SetDisabledInput = z
  .discriminatedUnion(
    "disabled",
    [
      z.object({ userId: UserId, disabled: z.literal("true"), confirm: confirmed("errors.disable_confirm") }),
      z.object({ userId: UserId, disabled: z.literal("false") }),
    ],
    { error: () => "errors.invalid_request" },
  )
  .transform((v) => ({ userId: v.userId, disabled: v.disabled === "true" }));

/** Deleting asks for an explicit confirmation, so a stray click deletes nothing. */
export const DeleteUserInput = z.object({ userId: UserId, confirm: confirmed("errors.delete_confirm") });

/**
 * A signed-in user changing their own password: the current one (bounded like sign-in's),
 * a new one under the policy, typed twice, and different from the current one.
 */
export const ChangePasswordInput = z
  .object({
    currentPassword: SubmittedPassword,
    newPassword: Password,
    confirmPassword: z.string().max(MAX_SUBMITTED_PASSWORD, "errors.invalid_request"),
  })
  .refine((v) => v.confirmPassword === v.newPassword, {
    path: ["confirmPassword"],
    message: "errors.password_mismatch",
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "errors.password_unchanged" });

export type CreateUser = z.output<typeof CreateUserInput>;
export type CreateUserRaw = z.input<typeof CreateUserInput>;
