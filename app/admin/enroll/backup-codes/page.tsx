import { revealBackupCodesAction } from "@/app/admin/enroll/actions";
import { BackupCodes } from "@/components/admin/BackupCodes";
import { requireSession } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";

/**
 * Reached right after a factor is confirmed. The codes come from a button's action, not
 * from this page's render, so a refresh or a second render cannot use up the one showing.
 */
export default async function BackupCodesPage() {
  await requireSession();
  const t = getTranslator();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.enroll.backupTitle")}</h1>
      <p className="text-slate-800">{t("admin.enroll.backupIntro")}</p>
      <BackupCodes reveal={revealBackupCodesAction} />
    </>
  );
}
