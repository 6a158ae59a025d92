// Runs before every test file of the unit projects: the environment the app's services
// read, pointing at the project's database, and the project's own temporary directory
// (tests/support/global-db.ts).
import { inject } from "vitest";
import { TEST_ENV } from "@/tests/support/test-env";

// When the store is unavailable the tests are skipped (tests/support/store-runner.ts),
// but the files are still loaded: a URL nothing listens on keeps their imports working.
const UNAVAILABLE = "postgresql://unavailable@127.0.0.1:1/unavailable";

Object.assign(process.env, TEST_ENV, { DATABASE_URL: inject("databaseUrl") ?? UNAVAILABLE });
// os.tmpdir() follows TMPDIR, here and in every process a test starts.
const tmpDir = inject("tmpDir");
if (tmpDir) process.env.TMPDIR = tmpDir;
