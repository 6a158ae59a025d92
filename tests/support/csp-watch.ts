import type { BrowserContext, Page } from "playwright-core";
import { expectAccessible } from "@/tests/support/e2e";

/**
 * Collects the CSP complaints a browser context prints, so a test can assert the app
 * causes none. `audit` runs axe without counting what axe's own injected code does
 * against the page's CSP: the app's complaints count, not its audit tool's.
 */
export function cspWatch() {
  const messages: string[] = [];
  return {
    messages,
    listen(context: BrowserContext): BrowserContext {
      context.on("console", (msg) => {
        if (msg.text().includes("Content Security Policy"))
          messages.push(`${msg.type()}: ${msg.text()} (${msg.location().url || msg.page()?.url()})`);
      });
      return context;
    },
    async audit(page: Page, where: string): Promise<void> {
      const before = messages.length;
      await expectAccessible(page, where);
      await page.waitForTimeout(100);
      messages.splice(before);
    },
    reset(): void {
      messages.length = 0;
    },
  };
}
