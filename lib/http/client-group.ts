import { isIPv4, isIPv6 } from "node:net";

/**
 * The group an address is counted under by per-client limits. An IPv4 address is its
 * own group. An IPv6 client usually holds a whole /64 (a home or a cloud VM gets one),
 * so counting single addresses would give it 2^64 fresh clients: it is counted by its
 * prefix, written "2001:db8:1:2::/64". IPv4-mapped IPv6 (::ffff:a.b.c.d, what a
 * dual-stack socket reports) is the IPv4 address. Anything else is returned as it is.
 */
export function clientGroup(address: string, ipv6PrefixLength = 64): string {
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const words = hextets(address);
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) {
    return `${words[6]! >> 8}.${words[6]! & 0xff}.${words[7]! >> 8}.${words[7]! & 0xff}`;
  }
  const masked = words.map((w, i) => {
    const keep = Math.min(16, Math.max(0, ipv6PrefixLength - i * 16));
    return keep === 0 ? 0 : w & (0xffff << (16 - keep)) & 0xffff;
  });
  return `${compress(masked)}/${ipv6PrefixLength}`;
}

/** The eight 16-bit words of an address net.isIPv6() accepted (zone index dropped). */
function hextets(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const b = dotted[2]!.split(".").map(Number);
    tail.push((b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!);
    text = dotted[1]!.endsWith("::") ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const words = (s: string | undefined) => (s ? s.split(":").map((h) => parseInt(h, 16)) : []);
  const before = words(head);
  const after = words(rest);
  const zeros = rest === undefined ? 0 : 8 - tail.length - before.length - after.length;
  return [...before, ...Array<number>(zeros).fill(0), ...after, ...tail];
}

/** RFC 5952 text: lower-case hex, the longest run of two or more zero words as "::". */
function compress(words: number[]): string {
  let best = { at: -1, length: 1 };
  for (let i = 0; i < words.length;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && words[j] === 0) j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best.at < 0) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.length).join(":")}`;
}
