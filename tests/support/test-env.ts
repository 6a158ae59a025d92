/** The environment the unit project runs under (the database URL is added at setup). */
export const TEST_ENV = {
  NODE_ENV: "test",
  EMBEDDED_DB: "1",
  LOOKUP_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
  LOOKUP_KEY_VERSION: "2",
  LOOKUP_PREVIOUS_SECRETS: "1:test-previous-secret-0123456789abcdef012345",
  LOOKUP_MODE: "verified",
  SMS_PROVIDER: "outbox",
  RATE_LIMITS: "on",
  LOG_LEVEL: "silent",
} as const;
