import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** The AppError a call is refused with (the test fails if it succeeds or throws anything else). */
export async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const e = await run().then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
