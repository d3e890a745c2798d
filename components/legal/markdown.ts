// The Markdown subset of the office-editable legal texts, parsed into a small tree that the renderer turns into
// React elements. There is no HTML path at all: anything that is not this subset stays literal text, which React
// escapes, so a "<script>" typed by an administrator (or a forged request) is shown, never run.
//
//   # / ## Heading      -> h2 (the page title is the h1)      ### Heading -> h3      #### Heading -> h4
//   - item / * item     -> bullet list                        1. item     -> numbered list
//   **bold**            -> strong                             [text](https://… | mailto:… | tel:… | /path) -> link
//   bare https://… URLs and e-mail addresses become links; lines of a paragraph keep their line breaks (addresses).

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: 2 | 3 | 4; children: Inline[] }
  | { type: "paragraph"; lines: Inline[][] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", lines: paragraph.map((l) => parseInline(l)) });
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map((i) => parseInline(i)) });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const level = Math.min(Math.max(heading[1].length, 2), 4) as 2 | 3 | 4;
      blocks.push({ type: "heading", level, children: parseInline(heading[2].replace(/\s+#+$/, "")) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[1]);
      continue;
    }
    // A plain line right after a list item continues that item (a wrapped long line).
    if (list) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** Link targets that may appear in a legal text: web pages, e-mail, telephone, and paths of this site. */
export function safeHref(href: string): string | null {
  const value = href.trim();
  if (/^https?:\/\/[^\s/]+/i.test(value)) {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
    } catch {
      return null;
    }
  }
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(value)) return value;
  if (/^tel:\+?[0-9 ()/-]{3,}$/i.test(value)) return value.replace(/\s+/g, "");
  // Site paths; "//host" would be protocol-relative, "/\host" is read as one by browsers.
  if (/^\/(?![/\\])[^\s]*$/.test(value)) return value;
  return null;
}

// Order matters: an explicit link, then bold, then bare URLs and e-mail addresses.
const INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?"'])|([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

export function parseInline(text: string, insideLink = false): Inline[] {
  const out: Inline[] = [];
  const push = (node: Inline) => {
    const last = out[out.length - 1];
    if (node.type === "text" && last?.type === "text") last.text += node.text;
    else if (node.type !== "text" || node.text !== "") out.push(node);
  };
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    const index = m.index ?? 0;
    push({ type: "text", text: text.slice(at, index) });
    at = index + m[0].length;
    const [whole, label, target, bold, url, email] = m;
    if (label !== undefined && target !== undefined) {
      const href = insideLink ? null : safeHref(target);
      // A refused target keeps only its label: the reader loses a link, never gets a dangerous one.
      if (href) push({ type: "link", href, children: parseInline(label, true) });
      else push({ type: "text", text: label });
    } else if (bold !== undefined) {
      push({ type: "strong", children: parseInline(bold, insideLink) });
    } else if (url !== undefined && !insideLink) {
      const href = safeHref(url);
      push(href ? { type: "link", href, children: [{ type: "text", text: url }] } : { type: "text", text: url });
    } else if (email !== undefined && !insideLink) {
      push({ type: "link", href: `mailto:${email}`, children: [{ type: "text", text: email }] });
    } else {
      push({ type: "text", text: whole });
    }
  }
  push({ type: "text", text: text.slice(at) });
  return out;
}
