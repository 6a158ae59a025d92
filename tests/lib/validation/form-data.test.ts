import { describe, expect, it } from "vitest";
import { formString } from "@/lib/validation/form-data";

describe("formString", () => {
  it("reads a field as a string, and an absent field or a file as empty", () => {
    const form = new FormData();
    form.set("name", "Login page");
    form.set("upload", new Blob(["a,b"]), "list.csv");
    expect(formString(form, "name")).toBe("Login page");
    expect(formString(form, "missing")).toBe("");
    expect(formString(form, "upload")).toBe("");
  });
});
