import { render, type RenderOptions } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { IntlClientProvider } from "@/components/IntlClientProvider";
import { messagesFor } from "@/lib/i18n/translator";

function Providers({ children }: { children: ReactNode }) {
  return (
    <IntlClientProvider locale="en" messages={messagesFor("en")}>
      {children}
    </IntlClientProvider>
  );
}

/** Renders a component inside the same intl provider the app uses (locale "en", UTC). */
export function renderWithIntl(ui: ReactElement, options?: Omit<RenderOptions, "wrapper">) {
  return render(ui, { wrapper: Providers, ...options });
}
