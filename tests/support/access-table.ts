// The access table: every door the app serves and what it requires. Both access tests
// read it: tests/app/admin/access.test.ts (calls each console door in-process with each
// role) and tests/e2e/access.test.ts (lists the doors from the built app's manifests and
// knocks on each over HTTP). A door missing from here fails the latter.
import type { Permission } from "@/lib/auth/permissions";

/** "public": anyone; "api-key": the integration API's bearer key; else a console session. */
export type Access = Permission | "signed-in" | "public" | "api-key";

/**
 * Door → what it requires. Keys: a page's source file; "file#METHOD" for a route
 * handler's method; "file#export" for a server action; "next:/path" for Next's own pages;
 * a metadata file (app/icon.svg) as itself.
 */
export const ACCESS: Record<string, Access> = {
  // Public pages, the check's action and the public API.
  "app/page.tsx": "public",
  "app/actions/check-flow.ts#checkFlowAction": "public",
  "app/remediation/[incident]/[category]/page.tsx": "public",
  "app/notice/[incident]/page.tsx": "public",
  "app/outbox/page.tsx": "public",
  "app/demo/account/page.tsx": "public",
  "app/docs/api/page.tsx": "public",
  "app/icon.svg": "public",
  "next:/_not-found/page": "public",
  "next:/_global-error/page": "public",
  "app/api/health/route.ts#GET": "public",
  "app/api/ready/route.ts#GET": "public",
  "app/api/dev/outbox/route.ts#GET": "public",
  "app/api/v1/checks/route.ts#POST": "public",
  "app/api/v1/checks/[checkId]/verify/route.ts#POST": "public",
  "app/api/v1/openapi.json/route.ts#GET": "public",
  "app/api/v1/exposures/[phone]/route.ts#GET": "api-key",
  "app/api/v1/exposures/lookup/route.ts#POST": "api-key",
  "app/api/v1/challenge/route.ts#GET": "public",
  "app/altcha/pbkdf2.js/route.ts#GET": "public",
  "app/locale/[locale]/route.ts#GET": "public",
  "app/carrier.css/route.ts#GET": "public",
  // The console.
  "app/admin/page.tsx": "signed-in",
  "app/admin/dashboard/page.tsx": "dashboard:view",
  "app/admin/dashboard/actions.ts#pauseTextsAction": "settings:manage",
  "app/admin/dashboard/actions.ts#resumeTextsAction": "settings:manage",
  "app/admin/sign-in/page.tsx": "public",
  "app/admin/sign-in/factor/page.tsx": "public",
  "app/admin/sign-in/actions.ts#verifyFactorAction": "public",
  "app/admin/sign-in/actions.ts#signInPasskeyOptionsAction": "public",
  "app/admin/sign-in/actions.ts#verifySignInPasskeyAction": "public",
  "app/admin/enroll/page.tsx": "signed-in",
  "app/admin/enroll/backup-codes/page.tsx": "signed-in",
  "app/admin/enroll/actions.ts#startEnrolmentAction": "signed-in",
  "app/admin/enroll/actions.ts#confirmEnrolmentAction": "signed-in",
  "app/admin/enroll/actions.ts#revealBackupCodesAction": "signed-in",
  "app/admin/enroll/actions.ts#passkeyRegistrationOptionsAction": "signed-in",
  "app/admin/enroll/actions.ts#registerPasskeyAction": "signed-in",
  "app/admin/step-up/actions.ts#confirmStepUpAction": "signed-in",
  "app/admin/step-up/actions.ts#stepUpPasskeyOptionsAction": "signed-in",
  "app/admin/step-up/actions.ts#confirmStepUpPasskeyAction": "signed-in",
  "app/admin/audit/page.tsx": "audit:view",
  "app/admin/actions.ts#signOutAction": "signed-in",
  "app/admin/account/page.tsx": "signed-in",
  "app/admin/account/actions.ts#changePasswordAction": "signed-in",
  "app/admin/account/actions.ts#removePasskeyAction": "signed-in",
  "app/admin/sign-in/actions.ts#signInAction": "public",
  "app/api/admin/audit/route.ts#GET": "audit:view",
  "app/api/admin/audit/export/route.ts#GET": "audit:view",
  "app/admin/lookup/page.tsx": "lookup:agent",
  "app/admin/imports/page.tsx": "imports:run",
  "app/admin/imports/upload/[id]/page.tsx": "imports:run",
  "app/admin/imports/actions.ts#confirmImportAction": "imports:run",
  "app/admin/imports/actions.ts#undoImportAction": "imports:run",
  "app/admin/imports/actions.ts#restoreImportAction": "imports:run",
  "app/admin/imports/actions.ts#wipeRejectionsAction": "imports:run",
  "app/api/admin/imports/route.ts#POST": "imports:run",
  "app/api/admin/imports/[batchId]/rejections/route.ts#GET": "imports:run",
  "app/admin/lookup/actions.ts#agentLookupAction": "lookup:agent",
  "app/admin/incidents/page.tsx": "incidents:edit",
  "app/admin/incidents/new/page.tsx": "incidents:edit",
  "app/admin/incidents/[slug]/page.tsx": "incidents:edit",
  "app/admin/incidents/actions.ts#updateIncidentAction": "incidents:edit",
  "app/admin/incidents/actions.ts#createIncidentAction": "incidents:edit",
  "app/admin/incidents/actions.ts#updateCategoryAction": "incidents:edit",
  "app/admin/incidents/actions.ts#createCategoryAction": "incidents:edit",
  "app/admin/incidents/[slug]/preview/[category]/page.tsx": "incidents:edit",
  "app/admin/incidents/publishing/actions.ts#publishAction": "incidents:edit",
  "app/admin/incidents/publishing/actions.ts#restoreAction": "incidents:edit",
  "app/admin/incidents/publishing/actions.ts#deleteCategoryAction": "incidents:edit",
  "app/admin/incidents/publishing/actions.ts#setReviewAction": "settings:manage",
  "app/admin/incidents/notice/actions.ts#updateNoticeAction": "incidents:edit",
  "app/admin/incidents/notice/actions.ts#updateOfferAction": "incidents:edit",
  "app/admin/incidents/notice/actions.ts#importOfferCodesAction": "incidents:edit",
  "app/admin/users/page.tsx": "users:manage",
  "app/admin/users/actions.ts#createUserAction": "users:manage",
  "app/admin/users/actions.ts#changeRoleAction": "users:manage",
  "app/admin/users/actions.ts#setUserDisabledAction": "users:manage",
  "app/admin/users/actions.ts#deleteUserAction": "users:manage",
  "app/admin/users/actions.ts#resetFactorAction": "users:manage",
  "app/admin/api-keys/page.tsx": "apikeys:manage",
  "app/admin/api-keys/actions.ts#createApiKeyAction": "apikeys:manage",
  "app/admin/api-keys/actions.ts#revokeApiKeyAction": "apikeys:manage",
  "app/admin/settings/page.tsx": "settings:manage",
  "app/admin/settings/actions.ts#saveSettingsAction": "settings:manage",
};

/**
 * Declared permissions no door checks yet, each with why it stays. A permission used by
 * a door must leave this list; any other unused one must leave PERMISSIONS.
 */
export const RESERVED_PERMISSIONS: Partial<Record<Permission, string>> = {};
