import type { Role } from "@/lib/auth/permissions";

/** The signed-in console user, as every check sees them. */
export type Admin = {
  id: string;
  email: string;
  role: Role;
  sessionId: string;
  expiresAt: Date;
  /** Signed in with a generated one-time password not yet changed (passwordChangePending). */
  mustChangePassword: boolean;
  /** Has a second factor (a confirmed TOTP key or a passkey); without one, only enrolment serves them (ADMIN_MFA=required). */
  secondFactor: boolean;
};

/** Where a request came from, for limits, sessions and the audit log. */
export type RequestMeta = { ip: string; userAgent?: string | null };
