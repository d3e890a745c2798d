import type { ReactNode } from "react";
import { type Block, type Inline, parseMarkdown } from "./markdown";

// Renders a legal text on the server: React elements only, no dangerouslySetInnerHTML, no client JavaScript.

function inlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "text") return node.text;
    if (node.type === "strong") return <strong key={i}>{inlines(node.children)}</strong>;
    return (
      <a key={i} href={node.href} className="text-brand underline underline-offset-2 hover:text-brand-dark break-words">
        {inlines(node.children)}
      </a>
    );
  });
}

function block(b: Block, i: number, topLevel: number): ReactNode {
  switch (b.type) {
    case "heading": {
      const level = Math.min(b.level - 2 + topLevel, 6);
      const Tag = `h${level}` as "h2";
      const size = level === 2 ? "text-2xl" : level === 3 ? "text-xl" : "text-lg";
      return (
        <Tag key={i} className={`${size} mt-8 font-bold first:mt-0`}>
          {inlines(b.children)}
        </Tag>
      );
    }
    case "paragraph":
      return (
        <p key={i} className="mt-3">
          {b.lines.map((line, j) => (
            <span key={j}>
              {j > 0 && <br />}
              {inlines(line)}
            </span>
          ))}
        </p>
      );
    case "list": {
      const Tag = b.ordered ? "ol" : "ul";
      return (
        <Tag key={i} className={`mt-3 space-y-1 ps-6 ${b.ordered ? "list-decimal" : "list-disc"}`}>
          {b.items.map((item, j) => (
            <li key={j}>{inlines(item)}</li>
          ))}
        </Tag>
      );
    }
  }
}

/**
 * A legal text; `lang` and `dir` mark a German fallback shown on a page in another language; `topLevel` is the level
 * of the text's own top headings (2 on a page of its own, deeper inside an office's section).
 */
export function LegalMarkdown({
  source,
  lang,
  dir,
  topLevel = 2,
}: {
  source: string;
  lang?: string;
  dir?: "ltr" | "rtl";
  topLevel?: number;
}) {
  return (
    <div lang={lang} dir={dir} className="max-w-prose break-words">
      {parseMarkdown(source).map((b, i) => block(b, i, topLevel))}
    </div>
  );
}
