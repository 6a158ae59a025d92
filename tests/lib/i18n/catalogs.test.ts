// The catalogs against each other and against the code: every customer namespace
// (lib/i18n/catalog.ts) has exactly the same keys in every language, and each of its
// keys is used somewhere, so a sentence can be neither missing in Spanish nor left over.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CUSTOMER_NAMESPACES } from "@/lib/i18n/catalog";
import { en } from "@/lib/i18n/messages/en";
import { es } from "@/lib/i18n/messages/es";
import { ERROR_STATUS } from "@/lib/errors";

const root = path.resolve(__dirname, "../../..");

/** Every leaf key of a catalog object, dotted. */
function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [{ file: path.relative(root, full), text: readFileSync(full, "utf8") }] : [];
  });
}

const code = ["app", "components", "lib", "scripts"]
  .flatMap((d) => sources(path.join(root, d)))
  .filter((s) => !s.file.startsWith(path.join("lib", "i18n", "messages")))
  .concat({ file: "proxy.ts", text: readFileSync(path.join(root, "proxy.ts"), "utf8") });

const quoted = (s: string) => [`"${s}"`, `'${s}'`, `\`${s}\``];
const errorCodes = new Set(Object.keys(ERROR_STATUS));

/**
 * Whether the code uses a key: the whole key as a string, or its last part as a string
 * in a file that names its namespace (useTranslations("check") then t("title")). Keys
 * the code builds: `errors.<code>` for each error code, `phone.<problem>` for each of
 * normalizePhone's problems, quoted in lib/phone.
 */
function unusedKeys(all: string[], files: { file: string; text: string }[]): string[] {
  return all.filter((key) => {
    const [ns] = key.split(".");
    const leaf = key.slice(key.lastIndexOf(".") + 1);
    const parent = key.slice(0, key.lastIndexOf("."));
    if (ns === "errors" && errorCodes.has(leaf)) return false;
    return !files.some(({ file, text }) => {
      if (quoted(key).some((q) => text.includes(q))) return true;
      if (ns === "phone" && file.startsWith(path.join("lib", "phone")) && quoted(leaf).some((q) => text.includes(q)))
        return true;
      const namesParent = [...quoted(parent), `"${parent}.`, `\`${parent}.`].some((q) => text.includes(q));
      return namesParent && quoted(leaf).some((q) => text.includes(q));
    });
  });
}

const customer = (catalog: object) =>
  keys(
    Object.fromEntries(
      Object.entries(catalog).filter(([ns]) => (CUSTOMER_NAMESPACES as readonly string[]).includes(ns)),
    ),
  );

describe("the customer namespaces of the catalogs", () => {
  it("are whole in every catalog, with the same keys", () => {
    const english = customer(en).sort();
    const spanish = customer(es).sort();
    expect(
      spanish.filter((k) => !english.includes(k)),
      "in es only",
    ).toEqual([]);
    expect(
      english.filter((k) => !spanish.includes(k)),
      "missing in es",
    ).toEqual([]);
    for (const ns of CUSTOMER_NAMESPACES) expect(Object.keys(es), ns).toContain(ns);
  });

  it("hold no key the code never uses", () => {
    expect(unusedKeys(customer(en), code)).toEqual([]);
  });

  it("would notice an unused key (the check can fail)", () => {
    const files = [{ file: "app/x.tsx", text: 'const t = useTranslations("check"); t("title");' }];
    expect(unusedKeys(["check.title", "check.subtitle", "errors.internal", "errors.gone_for_good"], files)).toEqual([
      "check.subtitle",
      "errors.gone_for_good",
    ]);
  });

  it("keep every ICU argument of the English sentence in the Spanish one", () => {
    const args = (s: string) => [...new Set([...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    const at = (tree: object, key: string) =>
      key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree) as string;
    for (const key of customer(en)) expect(args(at(es, key)), key).toEqual(args(at(en, key)));
  });
});
