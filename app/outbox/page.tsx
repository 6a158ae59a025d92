import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getServices } from "@/lib/services";
import { readOutbox } from "@/lib/sms/outbox";
import { requestLocale } from "@/lib/auth/next";
import { localizedPath } from "@/lib/i18n/locale";
import { getTranslator } from "@/lib/i18n/translator";

export function generateMetadata(): Metadata {
  return { title: getTranslator()("outbox.title"), robots: { index: false } };
}

/** The demo SMS provider's outbox: exists only while SMS_PROVIDER=outbox. */
export default async function OutboxPage() {
  await connection();
  const { config, db } = getServices();
  if (config.smsProvider !== "outbox") notFound();
  const messages = await readOutbox(db);
  const locale = await requestLocale();
  const t = getTranslator(locale);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-slate-900">{t("outbox.title")}</h1>
      <p className="text-slate-800">{t("outbox.intro")}</p>
      {messages.length === 0 ? (
        <p className="text-slate-800">{t("outbox.empty")}</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-4">
                {t("outbox.to")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("outbox.sentAt")}
              </th>
              <th scope="col" className="py-2">
                {t("outbox.body")}
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m, i) => (
              <tr key={i} className="border-b border-slate-200 align-top" data-testid="outbox-message">
                <td className="py-2 pr-4 font-mono">{m.to}</td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={m.sentAt}>{m.sentAt.replace("T", " ").slice(0, 19)} UTC</time>
                </td>
                <td className="py-2">{m.body}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <a href={localizedPath(locale, "/")} className="text-blue-800 underline underline-offset-2">
        {t("outbox.back")}
      </a>
    </div>
  );
}
