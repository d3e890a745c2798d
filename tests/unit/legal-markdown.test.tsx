import { renderToStaticMarkup } from "react-dom/server";
import { LegalMarkdown } from "@/components/legal/legal-markdown";
import { type Inline, parseInline, parseMarkdown, safeHref } from "@/components/legal/markdown";

const html = (source: string, props: { lang?: string; topLevel?: number } = {}) =>
  renderToStaticMarkup(<LegalMarkdown source={source} {...props} />);

describe("the legal text Markdown subset", () => {
  it("reads headings, paragraphs with their line breaks, and both kinds of list", () => {
    const blocks = parseMarkdown(
      "# Anbieter\n\nStadt Pirmasens\nExerzierplatzstraße 17\n\n## Rechte\n- Auskunft\n- Löschung\n  (sofort)\n\n1. Amt wählen\n2) Anliegen wählen\n\n#### Klein",
    );
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "heading", "list", "list", "heading"]);
    expect(blocks[0]).toMatchObject({ level: 2 });
    expect(blocks[1]).toMatchObject({ lines: [[{ text: "Stadt Pirmasens" }], [{ text: "Exerzierplatzstraße 17" }]] });
    expect(blocks[3]).toMatchObject({ ordered: false, items: [[{ text: "Auskunft" }], [{ text: "Löschung (sofort)" }]] });
    expect(blocks[4]).toMatchObject({ ordered: true });
    expect(blocks[5]).toMatchObject({ level: 4 });
  });

  it("renders bold, links, bare addresses and e-mail addresses", () => {
    expect(html("**Demo** [Stadt](https://www.pirmasens.de) datenschutz@pirmasens.example https://datenschutz.rlp.de.")).toBe(
      '<div class="max-w-prose break-words"><p class="mt-3"><span><strong>Demo</strong> ' +
        '<a href="https://www.pirmasens.de/" class="text-brand underline underline-offset-2 hover:text-brand-dark break-words">Stadt</a> ' +
        '<a href="mailto:datenschutz@pirmasens.example" class="text-brand underline underline-offset-2 hover:text-brand-dark break-words">datenschutz@pirmasens.example</a> ' +
        '<a href="https://datenschutz.rlp.de/" class="text-brand underline underline-offset-2 hover:text-brand-dark break-words">https://datenschutz.rlp.de</a>.</span></p></div>',
    );
  });

  it("shifts headings below the page title and marks a German stand-in", () => {
    expect(html("## Hinweise", { topLevel: 5 })).toContain("<h5");
    expect(html("# Titel")).toContain("<h2");
    expect(html("Text", { lang: "de" })).toMatch(/^<div lang="de"/);
  });

  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    [" javascript:alert(1)"],
    ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["vbscript:msgbox(1)"],
    ["//evil.example/"],
    ["/\\evil.example/"],
    ["mailto:nobody"],
    ["file:///etc/passwd"],
  ])("refuses the link target %s and keeps only the label", (target) => {
    expect(safeHref(target)).toBeNull();
    const out = html(`[Klick](${target})`);
    expect(out).not.toContain("<a");
    expect(out).toContain("Klick");
  });

  it("allows web, mail, telephone and site links", () => {
    expect(safeHref("https://www.pirmasens.de/a?b=c")).toBe("https://www.pirmasens.de/a?b=c");
    expect(safeHref("mailto:barrierefreiheit@pirmasens.example")).toBe("mailto:barrierefreiheit@pirmasens.example");
    expect(safeHref("tel:+49 6331 555-0")).toBe("tel:+496331555-0");
    expect(safeHref("/leichte-sprache")).toBe("/leichte-sprache");
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["an event handler", '<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"],
    ["an iframe", "<iframe src=https://evil.example></iframe>", "&lt;iframe src="],
    ["HTML inside a link label", '[<b onmouseover="x">hi</b>](https://ok.example)', "&lt;b onmouseover="],
    ["a style block", "<style>body{display:none}</style>", "&lt;style&gt;"],
  ])("shows %s as inert text", (_name, source, escaped) => {
    const out = html(source);
    expect(out).toContain(escaped);
    expect(out).not.toMatch(/<(script|img|iframe|b|style)\b/);
  });

  it("does not nest links and keeps a link label's bold", () => {
    const nodes = parseInline("[**Amt** [innen](https://x.example)](https://y.example)");
    // A link's label is parsed without links: no <a> ever holds another.
    const linkInLink = (list: Inline[], inside: boolean): boolean =>
      list.some((n) => (n.type === "link" && inside) || (n.type !== "text" && linkInLink(n.children, inside || n.type === "link")));
    expect(nodes.some((n) => n.type === "link")).toBe(true);
    expect(linkInLink(nodes, false)).toBe(false);
    expect(html("[a [b](https://x.example)](https://y.example)")).not.toMatch(/<a[^>]*>[^<]*<a/);
    expect(parseInline("[**fett**](https://x.example)")).toEqual([
      { type: "link", href: "https://x.example/", children: [{ type: "strong", children: [{ type: "text", text: "fett" }] }] },
    ]);
  });

  it("keeps unmatched markers as text", () => {
    expect(parseInline("2 ** 3 und [offen")).toEqual([{ type: "text", text: "2 ** 3 und [offen" }]);
  });
});
