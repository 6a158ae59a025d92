// The test runner of the projects that need a real PostgreSQL: when their global setup
// found none (and CI is not set), every test of every file is reported skipped with the
// reason, and no hook runs (hooks would fail to connect).
import {
  inject,
  TestRunner,
  type RunnerTask,
  type RunnerTestFile,
  type RunnerTestSuite,
  type VitestTestRunner,
} from "vitest";

function tests(task: RunnerTask): RunnerTask[] {
  return task.type === "suite" ? task.tasks.flatMap(tests) : [task];
}

export default class StoreRunner extends TestRunner {
  override async onBeforeRunSuite(suite: RunnerTestSuite | RunnerTestFile): Promise<void> {
    const why = inject("storeUnavailable");
    if (why && suite.file === suite) {
      const skipped = tests(suite);
      for (const t of skipped) {
        t.mode = "skip";
        // "note" is what reporters print beside a skipped test (as context.skip(note) sets it).
        t.result = { state: "skip", note: why } as RunnerTask["result"];
      }
      // A skipped file runs no hook and reports no child: report each test here.
      suite.mode = "skip";
      await (this as VitestTestRunner).onTaskUpdate?.(
        skipped.map((t) => [t.id, t.result, t.meta]),
        skipped.flatMap((t) => [
          [t.id, "test-prepare", undefined],
          [t.id, "test-finished", undefined],
        ]),
      );
    }
    await super.onBeforeRunSuite(suite);
  }
}
