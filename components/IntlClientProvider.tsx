"use client";

import { IntlProvider } from "use-intl";
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n/messages/en";

/** Gives client components the same message catalog the server uses. */
export function IntlClientProvider({
  locale,
  messages,
  children,
}: {
  locale: string;
  messages: Messages;
  children: ReactNode;
}) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </IntlProvider>
  );
}
