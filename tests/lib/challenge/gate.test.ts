// When a start must carry a solved challenge, counted in the project's database store.
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Challenge } from "@/lib/challenge/challenge";
import { createChallengeGate, type ChallengeGate } from "@/lib/challenge/gate";
import { parseConfig, type Config } from "@/lib/config";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { databaseStore } from "@/lib/rate-limit/stores";
import { testKeyring } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";

const store = databaseStore(getPool());
afterAll(() => store.close());

const defaults = parseConfig({
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5555/postgres",
  EMBEDDED_DB: "1",
  LOOKUP_SECRET: "s".repeat(40),
}).challenge;

function gate(config: Partial<Config["challenge"]>, share = 0) {
  const budget = { shareUsed: vi.fn(async () => share) };
  return {
    budget,
    gate: createChallengeGate({
      // A tiny difficulty: these tests solve many challenges.
      config: { ...defaults, maxNumber: 8, ...config },
      keyring: testKeyring(),
      store,
      budget,
    }),
  };
}

async function solved(g: ChallengeGate): Promise<string> {
  const challenge: Challenge = await g.create();
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

async function refusal(promise: Promise<void>): Promise<AppError | null> {
  return promise.then(
    () => null,
    (e: unknown) => {
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    },
  );
}

/** A client group of this test's own (the free-start counts live in the shared store). */
const group = () => `2001:db8:${uniqueTag(4)}::/64`;

describe("CHALLENGE defaults", () => {
  it("is adaptive: three free starts per client group in 15 minutes, everyone past half a budget", () => {
    expect(defaults).toEqual({
      mode: "adaptive",
      freeStarts: { points: 3, seconds: 900 },
      budgetShare: 0.5,
      maxNumber: 1400,
    });
  });
});

describe("CHALLENGE=off", () => {
  it("never asks for a solution", async () => {
    const { gate: g } = gate({ mode: "off" }, 1);
    const client = group();
    for (let i = 0; i < 10; i++) expect(await g.required(client, "+12065550100")).toBe(false);
    await g.enforce(client, "+12065550100", undefined);
  });
});

describe("CHALLENGE=always", () => {
  it("asks every start for a solution, and takes each one once", async () => {
    const { gate: g } = gate({ mode: "always" });
    expect(await g.required(group())).toBe(true);
    expect(await refusal(g.enforce(group(), "+12065550100", undefined))).toMatchObject({
      code: "challenge_required",
      status: 403,
    });
    const payload = await solved(g);
    await g.enforce(group(), "+12065550100", payload);
    expect(await refusal(g.enforce(group(), "+12065550100", payload))).toMatchObject({ code: "challenge_required" });
    expect(await refusal(g.enforce(group(), "+12065550100", "bm90IGEgcGF5bG9hZA=="))).toMatchObject({
      code: "challenge_required",
    });
  });
});

describe("CHALLENGE=adaptive", () => {
  it("lets a client group's first starts in the window through, then asks it for solutions", async () => {
    const { gate: g } = gate({ mode: "adaptive", freeStarts: { points: 3, seconds: 900 } });
    const client = group();
    for (let i = 0; i < 3; i++) await g.enforce(client, "+12065550100", undefined);
    expect(await refusal(g.enforce(client, "+12065550100", undefined))).toMatchObject({ code: "challenge_required" });
    // Starts with solutions still count, and still pass.
    await g.enforce(client, "+12065550100", await solved(g));
    expect(await g.required(client)).toBe(true);
    // Another group has its own free starts.
    expect(await g.required(group())).toBe(false);
  });

  it("asks everyone once the hour's texts pass the configured share of a budget", async () => {
    const busy = gate({ mode: "adaptive", budgetShare: 0.5 }, 0.5);
    expect(await busy.gate.required(group(), "+12065550100")).toBe(true);
    expect(busy.budget.shareUsed).toHaveBeenCalledWith("+12065550100");
    const calm = gate({ mode: "adaptive", budgetShare: 0.5 }, 0.49);
    expect(await calm.gate.required(group(), "+12065550100")).toBe(false);
  });

  it("fails a start rather than skip the challenge when the store does not answer", async () => {
    const { Pool } = await import("pg");
    const nowhere = new Pool({
      connectionString: "postgresql://postgres@127.0.0.1:1/none",
      connectionTimeoutMillis: 500,
    });
    try {
      const g = createChallengeGate({
        config: { ...defaults, mode: "adaptive" },
        keyring: testKeyring(),
        store: databaseStore(nowhere),
        budget: { shareUsed: async () => 0 },
      });
      const error = await g.required(group()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(AppError);
    } finally {
      await nowhere.end();
    }
  });
});
