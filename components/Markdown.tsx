import ReactMarkdown, { type Components } from "react-markdown";
import { remarkAutolink } from "@/lib/markdown/autolink";

/**
 * Console-written markdown (incident summaries, remediation steps), rendered safely:
 * raw HTML is never rendered (react-markdown shows it as text; no rehype-raw), links
 * only for http(s) and mailto, no images (external ones would track readers), and
 * headings flattened so a step cannot break the page's outline. Classes only, no style
 * attributes: the CSP allows no inline styles. Bare web addresses and phone numbers
 * become links (lib/markdown/autolink.ts).
 */

const ALLOWED = ["p", "a", "em", "strong", "ul", "ol", "li", "code", "pre", "blockquote", "br", "hr", "img"];
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:", "tel:"]);

/** The URL if it is absolute http(s), mailto or tel, else "" (which renders no link). */
export function safeUrl(url: string): string {
  try {
    return SAFE_PROTOCOLS.has(new URL(url).protocol) ? url : "";
  } catch {
    return ""; // relative or malformed
  }
}

const link = "text-blue-800 underline underline-offset-2";

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer" className={link}>
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => (alt ? <span>{alt}</span> : null),
  ul: ({ children }) => <ul className="list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-1 pl-6">{children}</ol>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-[0.95em]">{children}</code>,
  pre: ({ children }) => <pre className="overflow-x-auto rounded bg-slate-100 p-3">{children}</pre>,
  blockquote: ({ children }) => <blockquote className="border-l-4 border-slate-300 pl-3">{children}</blockquote>,
};

type Props = { children: string; className?: string; /** Region of numbers written without +. */ region?: string };

export function Markdown({ children, className = "", region = "US" }: Props) {
  return (
    <div className={`space-y-2 ${className}`}>
      <ReactMarkdown
        allowedElements={ALLOWED}
        unwrapDisallowed
        urlTransform={safeUrl}
        components={components}
        remarkPlugins={[[remarkAutolink, { region }]]}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
