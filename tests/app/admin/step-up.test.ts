// The second factor in the console's own doors (docs/adr/0019): a password-only session
// reaches only enrolment (pages, actions, API); enrolment shows a QR code and then the
// backup codes once; high-risk actions refuse without a recent step-up, on the server.
import { describe, expect, it, vi } from "vitest";
import AdminHome from "@/app/admin/page";
import AccountPage from "@/app/admin/account/page";
import DashboardPage from "@/app/admin/dashboard/page";
import EnrolPage from "@/app/admin/enroll/page";
import { confirmEnrolmentAction, revealBackupCodesAction, startEnrolmentAction } from "@/app/admin/enroll/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/admin/api-keys/actions";
import { updateNoticeAction } from "@/app/admin/incidents/notice/actions";
import { publishAction, setReviewAction } from "@/app/admin/incidents/publishing/actions";
import { saveSettingsAction } from "@/app/admin/settings/actions";
import { undoImportAction } from "@/app/admin/imports/actions";
import { pauseTextsAction } from "@/app/admin/dashboard/actions";
import { confirmStepUpAction } from "@/app/admin/step-up/actions";
import { changeRoleAction } from "@/app/admin/users/actions";
import { GET as auditApi } from "@/app/api/admin/audit/route";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import {
  authDeps,
  consoleTestEnvForFile,
  cookieFrom,
  fakeRequest,
  makeUser,
  nextInterrupt,
  PASSWORD,
  passwordSignIn,
  signedIn,
} from "@/tests/support/admin";
import { noParams } from "@/tests/support/api";
import { form, render } from "@/tests/support/pages";
import { freshTotp } from "@/tests/support/totp";
import { uniqueTag } from "@/tests/support/unique-tag";

const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

const TO_ENROL = /^NEXT_REDIRECT;(replace|push);\/admin\/enroll;\d+;/;
const TO_BACKUP_CODES = /^NEXT_REDIRECT;(replace|push);\/admin\/enroll\/backup-codes;\d+;/;
const db = getDb();

describe("the console with second factors", () => {
  consoleTestEnvForFile();

  it("serves a password-only session nothing but enrolment, which shows the codes once", async () => {
    const user = await makeUser("owner");
    const first = await passwordSignIn(authDeps(), { email: user.email, password: PASSWORD }, { ip: "192.0.2.80" });
    const set = fakeRequest({ cookie: cookieFrom(first.setCookie) });
    for (const page of [() => AdminHome(), () => DashboardPage(), () => AccountPage()])
      expect(await nextInterrupt(page)).toMatch(TO_ENROL);
    const api = await auditApi(
      new Request("http://localhost/api/admin/audit", { headers: { cookie: cookieFrom(first.setCookie) } }),
      noParams,
    );
    expect([api.status, ((await api.json()) as { error: { code: string } }).error.code]).toEqual([
      403,
      "second_factor_required",
    ]);
    expect(await render(EnrolPage())).toContain(en.admin.enroll.start);

    const wrongPassword = await startEnrolmentAction({}, form({ password: "not my password at all" }));
    expect(wrongPassword.errors).toEqual({ password: en.errors.current_password_wrong });
    const started = await startEnrolmentAction({}, form({ password: PASSWORD }));
    expect(started.enrolment?.qrSvg).toMatch(/^<svg[^>]*>/);
    const secret = started.enrolment!.secret;
    expect(secret.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32,}$/);

    const wrong = await confirmEnrolmentAction(started, form({ code: "000000" }));
    expect(wrong.error).toBe(en.errors.factor_incorrect);
    expect(wrong.enrolment).toEqual(started.enrolment);
    expect(await nextInterrupt(() => confirmEnrolmentAction(started, form({ code: freshTotp(secret) })))).toMatch(
      TO_BACKUP_CODES,
    );
    const next = cookieFrom(set.set.filter((c) => c.includes(".session_token=")));
    fakeRequest({ cookie: next });
    const shown = await revealBackupCodesAction({});
    expect(shown.codes).toHaveLength(10);
    expect(await revealBackupCodesAction({})).toEqual({ gone: true });
    expect(await nextInterrupt(() => DashboardPage())).toBe("completed");
  }, 60_000);

  it("refuses high-risk actions without a recent factor, and does them after one", async () => {
    const owner = await signedIn("owner");
    const other = await signedIn("viewer");
    fakeRequest({ cookie: owner.cookie });
    await db.adminSession.update({
      where: { id: owner.admin.sessionId },
      data: { stepUpAt: new Date(Date.now() - 2 * 3600_000) },
    });
    const name = `Step-up ${uniqueTag()}`;
    const key = await createApiKeyAction(undefined, form({ name }));
    expect(key).toMatchObject({ stepUp: true, error: en.errors.step_up_required });
    expect(await db.apiKey.count({ where: { name } })).toBe(0);
    const role = await changeRoleAction(undefined, form({ userId: other.user.id, role: "agent" }));
    expect(role.stepUp).toBe(true);
    expect((await db.adminUser.findUniqueOrThrow({ where: { id: other.user.id } })).role).toBe("viewer");
    expect((await pauseTextsAction(undefined, form({ confirm: "on" }))).stepUp).toBe(true);
    // What customers read and whom they call: publishing, the notice, review, the carrier's details.
    const incident = "2021-08-cyberattack";
    const auditedBefore = await db.auditLog.count({ where: { actorId: owner.user.id } });
    for (const refused of [
      await publishAction(undefined, form({ incident, category: "prepaid" })),
      await setReviewAction(undefined, form({ incident, reviewRequired: "on" })),
      await updateNoticeAction(undefined, form({ incident, contactPhone: "1-800-555-0199" })),
      await saveSettingsAction(undefined, form({ supportPhone: "1-800-555-0199" })),
      await revokeApiKeyAction(undefined, form({ keyId: "any", confirm: "yes" })),
    ])
      expect(refused).toMatchObject({ stepUp: true, error: en.errors.step_up_required });
    expect(await db.auditLog.count({ where: { actorId: owner.user.id } })).toBe(auditedBefore);
    // A plain form post: sent back to the list, which asks for the code.
    expect(await nextInterrupt(() => undoImportAction(form({ batchId: "1", confirm: "undo" })))).toMatch(
      /^NEXT_REDIRECT;(replace|push);\/admin\/imports\?stepUp=undo&undo=1#batch-1;/,
    );
    expect(await db.auditLog.count({ where: { actorId: owner.user.id, action: "import_undone" } })).toBe(0);

    expect(await confirmStepUpAction({}, form({ code: "123" }))).toEqual({ error: en.errors.factor_code_format });
    expect(await confirmStepUpAction({}, form({ code: freshTotp(owner.secret) }))).toEqual({ confirmed: true });
    expect((await createApiKeyAction(undefined, form({ name }))).created?.name).toBe(name);
  }, 60_000);
});
