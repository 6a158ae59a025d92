import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as startRoute } from "@/app/api/v1/checks/route";
import { createLogger } from "@/lib/log";
import { SmsSendError } from "@/lib/sms/provider";
import { twilioProvider } from "@/lib/sms/twilio";
import type { TwilioConfig } from "@/lib/config/twilio";
import { noParams, post, setEnv } from "@/tests/support/api";

const SID = `AC${"0123456789abcdef".repeat(2)}`;
const TOKEN = "f".repeat(32);
const TO = "+12065550142";

type Seen = { method?: string; url?: string; headers: IncomingMessage["headers"]; form: URLSearchParams };
type Reply = { status: number; body?: unknown; delayMs?: number };

// A local stand-in for api.twilio.com: records each request, answers with `reply`.
let server: Server;
let base: string;
let seen: Seen[] = [];
let reply: Reply;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, form: new URLSearchParams(raw) });
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {}));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  reply = { status: 201, body: { sid: `SM${"a".repeat(32)}`, status: "queued", to: TO, body: "…" } };
});

function provider(sender: TwilioConfig["sender"] = { from: "+12065550000" }, timeoutMs?: number) {
  const lines: string[] = [];
  const logger = createLogger({ level: "trace", destination: { write: (s: string) => void lines.push(s) } });
  const sms = twilioProvider({ accountSid: SID, authToken: TOKEN, sender, baseUrl: base }, { logger, timeoutMs });
  return { sms, lines };
}

describe("the Twilio provider", () => {
  it("posts To, From and Body form-encoded to the account's Messages.json with Basic auth", async () => {
    const { sms, lines } = provider();
    await sms.send(TO, "Your Exposure Check code is 123456");
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req).toMatchObject({ method: "POST", url: `/2010-04-01/Accounts/${SID}/Messages.json` });
    expect(req!.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`);
    expect(req!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(req!.form)).toEqual({
      To: TO,
      From: "+12065550000",
      Body: "Your Exposure Check code is 123456",
    });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        level: "info",
        sms: "twilio",
        sid: `SM${"a".repeat(32)}`,
        msg: "SMS accepted by Twilio",
      }),
    ]);
  });

  it("sends MessagingServiceSid instead of From when a messaging service is configured", async () => {
    const mg = `MG${"1".repeat(32)}`;
    await provider({ messagingServiceSid: mg }).sms.send(TO, "hi");
    expect(Object.fromEntries(seen[0]!.form)).toEqual({ To: TO, MessagingServiceSid: mg, Body: "hi" });
  });

  it("maps Twilio's error JSON to a clear error and logs it without the number or the code", async () => {
    reply = {
      status: 400,
      body: {
        code: 21211,
        message: `The 'To' number ${TO} is not a valid phone number.`,
        more_info: "https://www.twilio.com/docs/errors/21211",
        status: 400,
      },
    };
    const { sms, lines } = provider();
    const error = await sms.send(TO, "Your code is 123456").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({ status: 503, httpStatus: 400, providerCode: 21211 });
    expect((error as Error).message).toBe(
      "Twilio refused the message (HTTP 400, error 21211): The 'To' number •••0142 is not a valid phone number.",
    );
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", httpStatus: 400, providerCode: 21211 });
    expect(lines.join("")).not.toMatch(/2065550142|123456/);
  });

  it("reports bad credentials and server errors at error level, even without a JSON body", async () => {
    reply = { status: 401, body: { code: 20003, message: "Authenticate", status: 401 } };
    const auth = provider();
    await expect(auth.sms.send(TO, "x")).rejects.toThrow(
      "Twilio refused the message (HTTP 401, error 20003): Authenticate",
    );
    expect(JSON.parse(auth.lines[0]!)).toMatchObject({ level: "error" });

    reply = { status: 503, body: "<html>Service Unavailable</html>" };
    const down = provider();
    await expect(down.sms.send(TO, "x")).rejects.toThrow(/^Twilio refused the message \(HTTP 503\)$/);
    expect(JSON.parse(down.lines[0]!)).toMatchObject({ level: "error", httpStatus: 503 });
  });

  it("gives up after its timeout and when Twilio cannot be reached", async () => {
    reply = { status: 201, body: { sid: "SMx" }, delayMs: 1_000 };
    await expect(provider(undefined, 100).sms.send(TO, "x")).rejects.toThrow("Twilio did not answer within 100 ms");

    // A port that was just free: nothing listens there.
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
    const closed = twilioProvider(
      { accountSid: SID, authToken: TOKEN, sender: { from: "+12065550000" }, baseUrl: `http://127.0.0.1:${port}` },
      { logger: createLogger({ level: "silent" }) },
    );
    await expect(closed.send(TO, "x")).rejects.toThrow(/^Twilio could not be reached: .*ECONNREFUSED/);
  });

  it("refuses a success answer that has no message sid", async () => {
    reply = { status: 201, body: {} };
    await expect(provider().sms.send(TO, "x")).rejects.toThrow("Twilio answered HTTP 201 without a message sid");
  });
});

describe("SMS_PROVIDER=twilio in the check flow", () => {
  const twilioEnv = () => ({
    SMS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_FROM: "+12065550000",
    TWILIO_BASE_URL: base,
    RATE_LIMITS: "off",
  });
  afterAll(() =>
    setEnv({
      SMS_PROVIDER: "outbox",
      TWILIO_ACCOUNT_SID: undefined,
      TWILIO_AUTH_TOKEN: undefined,
      TWILIO_FROM: undefined,
      TWILIO_BASE_URL: undefined,
      RATE_LIMITS: "on",
    }),
  );

  it("texts the code through Twilio, and answers 503 when Twilio refuses", async () => {
    setEnv(twilioEnv());
    const ok = await startRoute(post("/api/v1/checks", { phone: "(206) 555-0142" }), noParams);
    expect(ok.status).toBe(202);
    expect(seen[0]!.form.get("To")).toBe(TO);
    expect(seen[0]!.form.get("Body")).toMatch(/\b\d{6}\b/);

    reply = { status: 400, body: { code: 21614, message: `'To' number ${TO} is not a mobile number`, status: 400 } };
    const refused = await startRoute(post("/api/v1/checks", { phone: "(206) 555-0142" }), noParams);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: "unavailable" } });
  });
});
