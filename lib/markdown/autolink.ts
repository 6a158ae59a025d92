import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js/min";
import { isWebUrl } from "@/lib/config/carrier-fields";

/**
 * A remark plugin that links what console writers type bare in remediation text: web
 * addresses (http://, https:// or www.) and phone numbers, which become tel: links in
 * E.164. Numbers are found by libphonenumber (the app's phone library), addresses by
 * the URL parser; text already inside a link or code is left alone. (remark-gfm's
 * autolink literals would cover addresses but not numbers, and is not a dependency.)
 */

type Node = { type: string; value?: string; url?: string; children?: Node[] };
type Match = { start: number; end: number; url: string };

const SKIP = new Set(["link", "linkReference", "inlineCode", "code", "html"]);
// Closing punctuation that ends a sentence rather than an address.
const TRAILING = new Set([".", ",", ";", ":", "!", "?", ")", "]", "'", '"']);

function webAddresses(text: string): Match[] {
  const out: Match[] = [];
  let at = 0;
  for (const word of text.split(/(\s+)/)) {
    const start = at;
    at += word.length;
    if (!/^(https?:\/\/|www\.)/i.test(word)) continue;
    let end = word.length;
    while (end > 0 && TRAILING.has(word[end - 1]!)) end--;
    const candidate = word.slice(0, end);
    const url = candidate.toLowerCase().startsWith("www.") ? `https://${candidate}` : candidate;
    if (isWebUrl(url)) out.push({ start, end: start + end, url });
  }
  return out;
}

function phoneNumbers(text: string, region: CountryCode): Match[] {
  return findPhoneNumbersInText(text, region).map((m) => ({
    start: m.startsAt,
    end: m.endsAt,
    url: `tel:${m.number.number}`,
  }));
}

/** The text split around its matches (earliest first, overlaps dropped). */
function split(text: string, region: CountryCode): Node[] | null {
  const matches = [...webAddresses(text), ...phoneNumbers(text, region)].sort((a, b) => a.start - b.start);
  if (matches.length === 0) return null;
  const out: Node[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ type: "text", value: text.slice(at, m.start) });
    out.push({ type: "link", url: m.url, children: [{ type: "text", value: text.slice(m.start, m.end) }] });
    at = m.end;
  }
  if (at < text.length) out.push({ type: "text", value: text.slice(at) });
  return out;
}

function walk(node: Node, region: CountryCode): void {
  if (!node.children || SKIP.has(node.type)) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === "text" && child.value) return split(child.value, region) ?? [child];
    walk(child, region);
    return [child];
  });
}

/** Use as remarkPlugins={[[remarkAutolink, { region: "US" }]]}. */
export function remarkAutolink(options: { region?: string } = {}) {
  const region = (options.region ?? "US") as CountryCode;
  return (tree: Node) => walk(tree, region);
}
