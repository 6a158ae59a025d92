import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { ITS_DIGITS, WRITTEN } from "@/tests/support/written-number";

/** A logger writing into an array, one parsed JSON object per line. */
function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: "trace", destination: { write: (s: string) => void lines.push(s) } });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("the logger", () => {
  it("never writes a phone number, whatever field or message carries it", () => {
    const { logger, lines } = capture();
    for (const n of WRITTEN) {
      logger.info(
        { phone: n, e164: n, to: n, body: `Your code for ${n}`, nested: { deeper: { phone: n, note: `call ${n}` } } },
        `check started for ${n}`,
      );
      logger.warn("sms to %s failed", n);
      logger.error(new Error(`Twilio: The 'To' number ${n} is not a valid phone number.`));
      logger.error({ err: new Error(`insert failed for ${n}`), list: [n, { msisdn: n }] }, "import failed");
      logger.child({ component: "sms" }).info({ recipient: n }, `sending to ${n}`);
      logger.info(
        {
          req: {
            method: "GET",
            url: `/api/v1/exposures/${encodeURIComponent(n)}`,
            headers: { cookie: "s=1", authorization: "Basic eA==" },
          },
        },
        "request",
      );
    }
    expect(lines.length).toBe(WRITTEN.length * 6);
    for (const line of lines) expect(line).not.toMatch(ITS_DIGITS);
    expect(lines.join("")).not.toMatch(/Basic eA==|"s=1"/);
  });

  it("keeps what operators need: masked last four, error types, error codes, request ids, times", () => {
    const { logger, records } = capture();
    const err = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432 while sending to +12065550142"), {
      code: "ECONNREFUSED",
    });
    logger.error({ err, reqId: "550e8400-e29b-41d4-a716-446655440000", at: "2026-11-24T10:00:00.000Z" }, "failed");
    const [rec] = records();
    expect(rec).toMatchObject({
      level: "error",
      msg: "failed",
      reqId: "550e8400-e29b-41d4-a716-446655440000",
      at: "2026-11-24T10:00:00.000Z",
      err: {
        type: "Error",
        code: "ECONNREFUSED",
        message: "connect ECONNREFUSED 127.0.0.1:5432 while sending to •••0142",
      },
    });
    expect(typeof rec!.time).toBe("string");
    expect((rec!.err as { stack: string }).stack).toContain("log.test.ts");
  });

  it("redacts one-time codes, message bodies and credentials by field", () => {
    const { logger, records } = capture();
    logger.info(
      {
        code: "123456",
        input: { code: "654321" },
        sms: { Body: "Your code is 123456" },
        authToken: "t0k3n",
        password: "hunter2hunter2",
      },
      "x",
    );
    expect(records()[0]).toMatchObject({
      code: "[redacted]",
      input: { code: "[redacted]" },
      sms: { Body: "[redacted]" },
      authToken: "[redacted]",
      password: "[redacted]",
    });
  });
});
