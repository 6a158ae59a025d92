import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlClientProvider } from "@/components/IntlClientProvider";
import { messagesFor } from "@/lib/i18n/translator";

/** What a browser posts for these fields; a list gives the field once per item. */
export function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) f.append(k, item);
  return f;
}

/** A server page's markup, inside the intl provider its client components need. */
export async function render(page: Promise<unknown>): Promise<string> {
  return renderToStaticMarkup(
    createElement(IntlClientProvider, {
      locale: "en",
      messages: messagesFor("en"),
      children: (await page) as ReactNode,
    }),
  );
}
