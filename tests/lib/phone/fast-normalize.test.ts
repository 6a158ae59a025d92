import { describe, expect, it } from "vitest";
import { fastNormalizer, nanpValidator } from "@/lib/phone/fast-normalize";
import { normalizePhone } from "@/lib/phone/normalize";

/** A deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const FORMATS: ((d: string) => string)[] = [
  (d) => d,
  (d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `+1${d}`,
  (d) => `1${d}`,
  (d) => ` ${d.slice(0, 3)}/${d.slice(3, 6)}-${d.slice(6)} `,
  (d) => `+${d}`, // a leading + without the country code
  (d) => `${d.slice(0, 9)}`, // too short
  (d) => `${d}7`, // too long
  (d) => `+44${d}`,
  (d) => `2.${d.slice(1, 6)}E+09`,
];

describe("fastNormalizer", () => {
  it("agrees with normalizePhone (the check's rule) on a large mixed sample", () => {
    const fast = fastNormalizer("US");
    const rand = rng(20211);
    const disagreements: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      // Any 10 digits: valid US numbers, other +1 countries, and invalid ones.
      const d = String(Math.floor(rand() * 1e10)).padStart(10, "0");
      const input = FORMATS[i % FORMATS.length]!(d);
      const a = fast(input);
      const b = normalizePhone(input, "US");
      if (JSON.stringify(a) !== JSON.stringify(b))
        disagreements.push(`${input}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  }, 120_000);

  it("decides every +1 number itself, Canadian and Caribbean ones included, as the library would", () => {
    // Completeness, not only agreement: a shortcut that fell back for a sixth of the
    // numbers (those of other +1 countries) agreed everywhere and was still slow.
    const valid = nanpValidator();
    const rand = rng(8_500_000);
    const wrong: string[] = [];
    let validCount = 0;
    for (let i = 0; i < 100_000; i++) {
      const d = String(2_000_000_000 + Math.floor(rand() * 8e9));
      const expected = normalizePhone(d, "US").ok;
      if (expected) validCount++;
      if (valid(d) !== expected) wrong.push(d);
    }
    for (const d of ["4165550123", "6045550199", "7875550123", "2462345678", "8765550123"]) {
      if (valid(d) !== normalizePhone(d, "US").ok) wrong.push(d);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(validCount).toBeGreaterThan(10_000);
  }, 120_000);

  it("falls back to the full rule outside +1 regions", () => {
    const fast = fastNormalizer("GB");
    expect(fast("020 7946 0958")).toEqual(normalizePhone("020 7946 0958", "GB"));
    expect(fast("2065550142")).toEqual(normalizePhone("2065550142", "GB"));
  });
});
