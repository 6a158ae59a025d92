/**
 * Which store a test project runs against: its config sets TEST_STORE ("postgres" for
 * the unit-pg and e2e-pg projects); unset means the embedded database.
 */
export type TestStore = "embedded" | "postgres";
export const TEST_STORE: TestStore = process.env.TEST_STORE === "postgres" ? "postgres" : "embedded";

/** The environment a unit project runs under (the database URL is added at setup). */
export function testEnv(store: TestStore) {
  return {
    NODE_ENV: "test",
    // With "0" the app treats the database as external: COPY for imports, a larger pool.
    EMBEDDED_DB: store === "embedded" ? "1" : "0",
    LOOKUP_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
    LOOKUP_KEY_VERSION: "2",
    LOOKUP_PREVIOUS_SECRETS: "1:test-previous-secret-0123456789abcdef012345",
    LOOKUP_MODE: "verified",
    SMS_PROVIDER: "outbox",
    RATE_LIMITS: "on",
    // Many starts from one address: the suites that test the challenge turn it on.
    CHALLENGE: "off",
    LOG_LEVEL: "silent",
  } as const;
}

/** This project's environment. */
export const TEST_ENV = testEnv(TEST_STORE);
