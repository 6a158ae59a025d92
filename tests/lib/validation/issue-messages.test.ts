import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueKey, issueMessages } from "@/lib/validation/issue-messages";

const Form = z
  .object({
    name: z.string().min(1, "errors.name_required").max(3, "errors.name_too_long"),
    count: z.number(),
    phone: z.string().refine((v) => v.startsWith("+"), "phone.too_short"),
  })
  .refine((v) => v.name !== "bad", "errors.password_mismatch");

const issues = (input: unknown) => Form.safeParse(input).error!.issues;

describe("issueMessages", () => {
  it("gives each field its first issue's i18n key, and zod's own sentences the generic key", () => {
    expect(issueMessages(issues({ name: "", count: "x", phone: "1" }))).toEqual({
      name: "errors.name_required",
      count: "errors.invalid_request",
      phone: "phone.too_short",
    });
    expect(issueKey({ path: [], message: "Invalid input: expected string" })).toBe("errors.invalid_request");
    expect(issueKey({ path: [], message: "errors.Not a key" })).toBe("errors.invalid_request");
  });

  it("translates when given a translator, and puts an issue on the whole input under wholeInput", () => {
    const translate = (key: string) => `<${key}>`;
    expect(issueMessages(issues({ name: "bad", count: 1, phone: "+1" }), translate, "name")).toEqual({
      name: "<errors.password_mismatch>",
    });
    expect(issueMessages(issues({ name: "bad", count: 1, phone: "+1" }))).toEqual({ _: "errors.password_mismatch" });
  });
});
