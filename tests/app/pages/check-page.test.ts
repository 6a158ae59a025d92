// The check page's notices: "not for production" under unsafe production settings, and
// the no-JavaScript notice while the proof-of-work challenge may be required.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import CheckPage from "@/app/page";
import { setRequestAdapterForTests } from "@/lib/auth/next";
import { en } from "@/lib/i18n/messages/en";
import { es } from "@/lib/i18n/messages/es";
import { fakeRequest } from "@/tests/support/admin";
import { setEnv } from "@/tests/support/api";
import { render } from "@/tests/support/pages";
import { TEST_ENV } from "@/tests/support/test-env";

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

const notForProduction = en.check.notForProduction.split(" ({settings})")[0]!;
const html = (text: string) => text.replace(/'/g, "&#x27;");

describe("the check page", () => {
  beforeAll(() => fakeRequest());
  afterAll(() => setRequestAdapterForTests(null));
  afterEach(() =>
    setEnv({ NODE_ENV: TEST_ENV.NODE_ENV, RATE_LIMITS: "on", LOOKUP_MODE: "verified", CHALLENGE: "off" }),
  );

  it("shows no 'not for production' notice outside production, or with safe settings", async () => {
    setEnv({ RATE_LIMITS: "off", LOOKUP_MODE: "open" });
    expect(await render(CheckPage())).not.toContain(notForProduction);
    setEnv({ NODE_ENV: "production", RATE_LIMITS: "on", LOOKUP_MODE: "verified" });
    expect(await render(CheckPage())).not.toContain(notForProduction);
  });

  it("names each unsafe setting under NODE_ENV=production", async () => {
    setEnv({ NODE_ENV: "production", RATE_LIMITS: "off" });
    const page = await render(CheckPage());
    expect(page).toContain(notForProduction);
    expect(page).toContain("(RATE_LIMITS=off)");
    setEnv({ NODE_ENV: "production", RATE_LIMITS: "off", LOOKUP_MODE: "open" });
    expect(await render(CheckPage())).toContain("(LOOKUP_MODE=open, RATE_LIMITS=off)");
  });

  it("says the step needs JavaScript while a challenge may be required, and only then", async () => {
    for (const mode of ["adaptive", "always"]) {
      setEnv({ CHALLENGE: mode });
      const page = await render(CheckPage());
      expect(page, mode).toContain("<noscript>");
      expect(page, mode).toContain(html(en.check.challengeNoScript));
    }
    setEnv({ CHALLENGE: "off" });
    const page = await render(CheckPage());
    expect(page).not.toContain(html(en.check.challengeNoScript));
    expect(page).not.toContain("altcha");
  });

  it("speaks the language of its path, whatever the reader's cookie or browser says", async () => {
    fakeRequest({ headers: { "x-locale": "es", cookie: "locale=en", "accept-language": "en-US" } });
    try {
      const page = await render(CheckPage());
      expect(page).toContain(es.check.title);
      expect(page).toContain('href="/es/outbox"');
      expect(page).not.toContain(en.check.title);
    } finally {
      fakeRequest();
    }
  });
});
