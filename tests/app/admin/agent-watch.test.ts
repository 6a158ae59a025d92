// Agent lookups through the console as deployed: limited per agent (RATE_LIMIT_AGENT_LOOKUP_*,
// counted in the shared store), and an agent past 80% of the daily limit flagged on the
// dashboard for every role that sees it.
import { afterAll, describe, expect, it } from "vitest";
import DashboardPage from "@/app/admin/dashboard/page";
import { agentLookupAction } from "@/app/admin/lookup/actions";
import { en } from "@/lib/i18n/messages/en";
import { consoleTestEnvForFile, fakeRequest, signedIn } from "@/tests/support/admin";
import { setEnv } from "@/tests/support/api";
import { form, render } from "@/tests/support/pages";

describe("agent lookups, watched", () => {
  consoleTestEnvForFile();
  afterAll(() => setEnv({ RATE_LIMIT_AGENT_LOOKUP_PER_HOUR: undefined, RATE_LIMIT_AGENT_LOOKUP_PER_DAY: undefined }));

  it("answers 429 past the hourly limit and flags the agent on the dashboard", async () => {
    setEnv({ RATE_LIMITS: "on", RATE_LIMIT_AGENT_LOOKUP_PER_HOUR: "4", RATE_LIMIT_AGENT_LOOKUP_PER_DAY: "5" });
    const agent = await signedIn("agent");
    const viewer = await signedIn("viewer");
    fakeRequest({ cookie: viewer.cookie });
    expect(await render(DashboardPage())).not.toContain(agent.user.email);

    fakeRequest({ cookie: agent.cookie });
    for (let i = 0; i < 4; i++) {
      const answer = await agentLookupAction(undefined, form({ phone: "206-555-0100" }));
      expect(answer.result?.affected).toBe(true);
    }
    const refused = await agentLookupAction(undefined, form({ phone: "206-555-0100" }));
    expect(refused.result).toBeUndefined();
    expect(refused.error).toMatch(/^Too many/);

    fakeRequest({ cookie: viewer.cookie });
    const html = await render(DashboardPage());
    expect(html).toContain(en.admin.dashboard.agents.heading);
    expect(html).toContain(`${agent.user.email}: 4 lookups`);
  }, 60_000);
});
