import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/**
 * zxcvbn with the common and English dictionaries, built on the first check: the
 * dictionaries are several MB, so neither a page nor a process that never checks a new
 * password loads them. Reached only through StrongPassword (lib/auth/user-schemas.ts).
 */
let factory: Promise<ZxcvbnFactory> | null = null;

function load(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  return factory;
}

/** What zxcvbn makes of a password: its score (0 to 4) and its warning key, if any. */
export async function ratePassword(
  password: string,
  userInputs: string[],
): Promise<{ score: number; warning: string | null }> {
  const result = (await load()).check(password, userInputs);
  return { score: result.score, warning: result.feedback.warning };
}
