import { render, type RenderOptions } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { IntlClientProvider } from "@/components/IntlClientProvider";
import { messagesFor } from "@/lib/i18n/translator";

const providers = (locale: string) =>
  function Providers({ children }: { children: ReactNode }) {
    return (
      <IntlClientProvider locale={locale} messages={messagesFor(locale)}>
        {children}
      </IntlClientProvider>
    );
  };

/** Renders a component inside the same intl provider the app uses (locale "en" unless given, UTC). */
export function renderWithIntl(ui: ReactElement, options?: Omit<RenderOptions, "wrapper"> & { locale?: string }) {
  const { locale = "en", ...rest } = options ?? {};
  return render(ui, { wrapper: providers(locale), ...rest });
}
