// /demo/account: a fake carrier's account page whose server calls the integration API
// with the demo key and shows the check's banner.
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import DemoAccountPage from "@/app/demo/account/page";
import { IntlClientProvider } from "@/components/IntlClientProvider";
import { revokeApiKey } from "@/lib/api-keys/manage";
import { setRequestAdapterForTests } from "@/lib/auth/next";
import { getDb } from "@/lib/db/client";
import { getServices } from "@/lib/services";
import { en } from "@/lib/i18n/messages/en";
import { messagesFor } from "@/lib/i18n/translator";
import { fakeRequest } from "@/tests/support/admin";
import { setEnv } from "@/tests/support/api";

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

const page = async (searchParams: Record<string, string> = {}) =>
  renderToStaticMarkup(
    createElement(IntlClientProvider, {
      locale: "en",
      messages: messagesFor("en"),
      children: (await DemoAccountPage({ searchParams: Promise.resolve(searchParams) })) as ReactNode,
    }),
  );

const demoKeys = () => getDb().apiKey.findMany({ where: { createdByEmail: "demo" } });

describe("/demo/account", () => {
  beforeAll(() => {
    setEnv({ RATE_LIMITS: "off" });
    fakeRequest({ ip: "203.0.113.9" });
  });
  afterAll(() => {
    setRequestAdapterForTests(null);
    setEnv({ RATE_LIMITS: "on" });
  });

  it("says it is a demo and offers the demo accounts", async () => {
    const html = await page();
    expect(html).toContain("Demo: Northwind Mobile is not a real carrier");
    expect(html).toContain("/api/v1/exposures/{phone}");
    expect(html.match(/<input type="radio"[^>]* name="account"/g)).toHaveLength(5);
    expect(html).toMatch(
      /<form[^>]* method="get"[^>]* action="\/en\/demo\/account"|<form[^>]* action="\/en\/demo\/account"[^>]* method="get"/,
    );
    expect(await page({ account: "nobody" })).toContain(en.demo.signInTitle);
  });

  it("shows a signed-in account the banner the API answered, through the demo key, audited without the number", async () => {
    const html = await page({ account: "casey" });
    expect(html).toContain("Welcome back, Casey Morgan");
    expect(html).toContain(en.result.affectedTitle);
    expect(html).toContain("Prepaid customers");
    expect(html).toContain("Current postpaid customers");
    expect(html).toContain("The API&#x27;s answer (HTTP 200)");

    const [key] = await demoKeys();
    expect(key).toMatchObject({
      name: "Demo account page (key version 2)",
      revokedAt: null,
      lastUsedAt: expect.any(Date),
    });
    // The API writes its audit entries in batches (lib/audit/batch.ts).
    await getServices().api.audit.flush();
    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { action: "api_lookup", actorEmail: `api-key:${key!.name}` },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ ip: "203.0.113.9", details: { outcome: "answered" } });
    expect(JSON.stringify(entry.details) + entry.target).not.toMatch(/0103|555/);

    const notAffected = await page({ account: "riley" });
    expect(notAffected).toContain(en.result.notFoundTitle);
    expect(await demoKeys()).toHaveLength(1);
  });

  it("shows no banner once an owner revokes the demo key", async () => {
    const [key] = await demoKeys();
    await revokeApiKey(getDb(), { keyId: key!.id, confirm: "yes" }, { actor: { id: null, email: "cli" } });
    const html = await page({ account: "alex" });
    expect(html).not.toContain(en.result.affectedTitle);
    expect(html).toContain("The exposure service answered 401");
    expect(await demoKeys()).toHaveLength(1);
  });
});
