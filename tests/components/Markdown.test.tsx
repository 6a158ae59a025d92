import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Markdown, safeUrl } from "@/components/Markdown";

describe("Markdown", () => {
  it("renders emphasis, lists and code", () => {
    const { container } = render(
      <Markdown>{"Change your **PIN** and *passcode*:\n\n- one\n- two\n\nRun `reset`."}</Markdown>,
    );
    expect(container.querySelector("strong")).toHaveTextContent("PIN");
    expect(container.querySelector("em")).toHaveTextContent("passcode");
    expect(container.querySelectorAll("ul li")).toHaveLength(2);
    expect(container.querySelector("code")).toHaveTextContent("reset");
  });

  it("shows raw HTML as text and never renders it", () => {
    const md =
      'Hello <script>alert("x")</script>\n\n<img src="x" onerror="alert(1)">\n\n<b onclick="alert(2)">bold</b> <iframe src="https://evil.example"></iframe>';
    const { container } = render(<Markdown>{md}</Markdown>);
    for (const tag of ["script", "img", "iframe", "b"]) expect(container.querySelector(tag)).toBeNull();
    expect(container.querySelector("[onerror], [onclick]")).toBeNull();
    expect(container).toHaveTextContent('<script>alert("x")</script>');
    expect(container.innerHTML).not.toContain("<script");
  });

  it("makes no link of javascript:, data: or relative URLs", () => {
    const md =
      "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,hi) [d](/admin) <javascript:alert(1)>";
    const { container } = render(<Markdown>{md}</Markdown>);
    expect(container.querySelector("a, [href]")).toBeNull();
    expect(container).toHaveTextContent("a b c d javascript:alert(1)"); // the words stay, as text
  });

  it("links http(s) and mailto with rel=noopener noreferrer", () => {
    render(
      <Markdown>
        {
          "See [the bureau](https://www.example.com/freeze), <http://example.org> or [mail us](mailto:help@example.com)."
        }
      </Markdown>,
    );
    const links = screen.getAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "https://www.example.com/freeze",
      "http://example.org",
      "mailto:help@example.com",
    ]);
    for (const a of links) expect(a).toHaveAttribute("rel", "noopener noreferrer");
    expect(screen.getByRole("link", { name: "the bureau" })).toBeInTheDocument();
  });

  it("shows an image's alt text instead of loading it, flattens headings, adds no style attribute", () => {
    const { container } = render(
      <Markdown>{"# Big heading\n\n![tracking pixel](https://evil.example/p.png)"}</Markdown>,
    );
    expect(container.querySelector("img, h1")).toBeNull();
    expect(container).toHaveTextContent("Big heading");
    expect(container).toHaveTextContent("tracking pixel");
    expect(container.querySelector("[style]")).toBeNull();
  });

  it("links bare web addresses and phone numbers, leaving the sentence's punctuation out", () => {
    const md =
      "Call 1-800-555-0175 or (206) 555-0100, see https://www.example.com/support. Or www.annualcreditreport.com!";
    const { container } = render(<Markdown>{md}</Markdown>);
    const links = [...container.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual([
      ["1-800-555-0175", "tel:+18005550175"],
      ["(206) 555-0100", "tel:+12065550100"],
      ["https://www.example.com/support", "https://www.example.com/support"],
      ["www.annualcreditreport.com", "https://www.annualcreditreport.com"],
    ]);
    expect(container).toHaveTextContent(md);
  });

  it("leaves links, code, dates and short numbers as written", () => {
    const md = "[our page](https://example.com/a) `https://example.com/b` on 2021-08-17, dial 611, PIN 1234.";
    const { container } = render(<Markdown>{md}</Markdown>);
    expect([...container.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["https://example.com/a"]);
    expect(container.querySelector("code")).toHaveTextContent("https://example.com/b");
  });

  it("makes no link of a javascript: word", () => {
    const { container } = render(<Markdown>{"javascript:alert(1) http://"}</Markdown>);
    expect(container.querySelector("a")).toBeNull();
  });

  it("safeUrl keeps only absolute http(s), mailto and tel URLs", () => {
    expect(safeUrl("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeUrl("mailto:a@example.com")).toBe("mailto:a@example.com");
    expect(safeUrl("tel:+18005550175")).toBe("tel:+18005550175");
    for (const bad of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "vbscript:x",
      "data:text/html,x",
      "/relative",
      "//evil.example",
      "ftp://x",
    ]) {
      expect([bad, safeUrl(bad)]).toEqual([bad, ""]);
    }
  });
});
