import { Parser } from "htmlparser2";

// The city's logo as SVG: parsed with an XML parser into a tree, then written anew from an allowlist of passive
// drawing elements and attributes. Nothing of the upload reaches the output unless it is on the list: no scripts,
// event handlers, foreign objects, images, links or references outside the file itself. Entities are never
// expanded (the parser knows no DTD; an undeclared "&x;" stays text), and the doctype, comments and processing
// instructions are dropped. The logo is also served under a CSP that forbids scripts (defence in depth).

const SVG_NS = "http://www.w3.org/2000/svg";

/** Drawing, structure and text elements that cannot run code or load anything. */
const ELEMENTS = new Set([
  "svg", "g", "defs", "title", "desc", "symbol", "use", "style",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
  "text", "tspan", "textPath",
  "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
  "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood", "feComposite", "feMerge",
  "feMergeNode", "feDropShadow",
]);

/** Elements whose content is text (kept, escaped); everywhere else text is layout whitespace and dropped. */
const TEXT_ELEMENTS = new Set(["title", "desc", "text", "tspan", "textPath", "style"]);

/** Elements replaced by their children: a link around a logo should not cost the logo. */
const UNWRAPPED = new Set(["a", "switch"]);

const ATTRIBUTES = new Set([
  "id", "class", "style", "transform", "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1",
  "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "offset", "version",
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
  "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color", "display",
  "visibility", "clip-rule", "clip-path", "mask", "filter", "stop-color", "stop-opacity", "paint-order",
  "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing",
  "word-spacing", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "xml:space",
  "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits", "patternContentUnits", "patternTransform",
  "clipPathUnits", "maskUnits", "maskContentUnits", "markerWidth", "markerHeight", "markerUnits", "refX", "refY",
  "orient", "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "type", "values",
  "operator", "k1", "k2", "k3", "k4", "flood-color", "flood-opacity", "shape-rendering", "text-rendering",
  "role", "aria-label", "aria-hidden", "aria-labelledby",
]);

/** Attributes that are free text for people (escaped on output, never interpreted). */
const TEXT_ATTRIBUTES = new Set(["aria-label"]);

/** Properties a style attribute or a style element may set. */
const CSS_PROPERTIES = new Set([
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
  "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color", "display",
  "visibility", "clip-rule", "clip-path", "mask", "filter", "stop-color", "stop-opacity", "paint-order",
  "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing",
  "word-spacing", "flood-color", "flood-opacity", "mix-blend-mode", "isolation", "shape-rendering",
  "text-rendering", "white-space", "transform", "transform-origin", "enable-background",
]);

/** Functions a value may call: colours, transforms, and url() only to an element of the same file. */
const FUNCTIONS = new Set(["rgb", "rgba", "hsl", "hsla", "url", "matrix", "translate", "rotate", "scale", "skewx", "skewy"]);

export const SVG_LIMITS = { elements: 5000, depth: 40 } as const;

export type SvgRefusal = "svgNotParsable" | "svgNoRoot" | "svgTooComplex" | "svgEmpty";

export type SvgResult = { ok: true; svg: string } | { ok: false; reason: SvgRefusal };

interface ElementNode {
  name: string;
  attributes: Array<[string, string]>;
  children: Node[];
}
type Node = ElementNode | { text: string };

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, "&quot;");

/** A reference inside the file: "#id". */
const LOCAL_REFERENCE = /^#[A-Za-z_][\w.-]*$/;

/**
 * Whether a presentation value is passive: a restricted alphabet, and functions only from the list, with url()
 * pointing inside the file. No escapes, at-rules, comments or nested blocks.
 */
export function isSafeValue(value: string): boolean {
  if (!/^[\w\s#.,%()'"+!-]*$/.test(value)) return false;
  for (const call of value.matchAll(/([A-Za-z-]*)\s*\(([^()]*)\)?/g)) {
    const name = call[1].toLowerCase();
    if (!FUNCTIONS.has(name)) return false;
    if (name === "url" && !LOCAL_REFERENCE.test((call[2] ?? "").trim().replace(/^(['"])(.*)\1$/, "$2"))) return false;
  }
  return true;
}

/** A declaration list ("fill: red; stroke: blue") with only allowed properties and passive values, or "". */
export function sanitizeDeclarations(css: string): string {
  const kept: string[] = [];
  for (const declaration of css.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (CSS_PROPERTIES.has(property) && value !== "" && isSafeValue(value)) kept.push(`${property}:${value}`);
  }
  return kept.join(";");
}

/** A style element's rules with simple selectors, each declaration list filtered; anything else (at-rules) dropped. */
export function sanitizeStylesheet(css: string): string {
  if (/[\\@<]|\/\*/.test(css)) return ""; // escapes, at-rules, markup or comments: not a logo's plain rules
  const rules: string[] = [];
  for (const chunk of css.split("}")) {
    if (chunk.trim() === "") continue;
    const open = chunk.indexOf("{");
    if (open < 0) return "";
    const selector = chunk.slice(0, open).trim();
    if (!/^[\w\s.#,>*+~-]+$/.test(selector)) continue;
    const declarations = sanitizeDeclarations(chunk.slice(open + 1));
    if (declarations) rules.push(`${selector.replace(/\s+/g, " ")}{${declarations}}`);
  }
  return rules.join("");
}

function sanitizeAttribute(element: string, name: string, value: string): [string, string] | null {
  // SVG 1.1 linked with xlink:href; modern renderers read plain href. Only references inside the file survive.
  if (name === "href" || name === "xlink:href") {
    return ["use", "linearGradient", "radialGradient", "pattern", "textPath", "filter"].includes(element) &&
      LOCAL_REFERENCE.test(value.trim())
      ? ["href", value.trim()]
      : null;
  }
  if (!ATTRIBUTES.has(name)) return null;
  if (TEXT_ATTRIBUTES.has(name)) return [name, value];
  if (name === "style") {
    const css = sanitizeDeclarations(value);
    return css ? [name, css] : null;
  }
  return isSafeValue(value) ? [name, value] : null;
}

/** Parses `source` into a tree of elements and text, keeping the case of names (XML). */
function parse(source: string): { root: ElementNode | null; tooComplex: boolean } {
  const top: ElementNode = { name: "#document", attributes: [], children: [] };
  const stack: ElementNode[] = [top];
  let count = 0;
  let tooComplex = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        count++;
        if (count > SVG_LIMITS.elements || stack.length > SVG_LIMITS.depth) tooComplex = true;
        const node: ElementNode = { name, attributes: Object.entries(attributes), children: [] };
        stack.at(-1)!.children.push(node);
        stack.push(node);
      },
      ontext(text) {
        stack.at(-1)!.children.push({ text });
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(source);
  parser.end();
  const elements = top.children.filter((c): c is ElementNode => "name" in c);
  return { root: elements.length === 1 ? elements[0] : null, tooComplex };
}

/** The allowed part of one element, or null when it goes with all it contains. */
function clean(node: ElementNode): ElementNode | Node[] | null {
  if (UNWRAPPED.has(node.name)) return cleanChildren(node);
  if (!ELEMENTS.has(node.name)) return null;
  const attributes = node.attributes.flatMap(([name, value]) => {
    const kept = sanitizeAttribute(node.name, name, value);
    return kept ? [kept] : [];
  });
  if (node.name === "style") {
    const css = sanitizeStylesheet(node.children.map((c) => ("text" in c ? c.text : "")).join(""));
    return css ? { name: "style", attributes: [], children: [{ text: css }] } : null;
  }
  return { name: node.name, attributes, children: cleanChildren(node) };
}

function cleanChildren(node: ElementNode): Node[] {
  const keepsText = TEXT_ELEMENTS.has(node.name);
  return node.children.flatMap((child): Node[] => {
    if ("text" in child) return keepsText ? [child] : [];
    const kept = clean(child);
    if (kept === null) return [];
    return Array.isArray(kept) ? kept : [kept];
  });
}

function serialize(node: Node): string {
  if ("text" in node) return escapeText(node.text);
  const attributes = node.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
  const children = node.children.map(serialize).join("");
  return children ? `<${node.name}${attributes}>${children}</${node.name}>` : `<${node.name}${attributes}/>`;
}

/** Whether the tree draws anything: a shape or text, not only definitions and metadata. */
function draws(node: ElementNode): boolean {
  if (["path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use"].includes(node.name)) return true;
  if (["defs", "title", "desc", "style"].includes(node.name)) return false;
  return node.children.some((c) => "name" in c && draws(c));
}

/**
 * The sanitised SVG document, or why it is refused: not an SVG document, too deep or large to be a logo, or
 * nothing drawable left after removing what is not allowed.
 */
export function sanitizeSvg(source: string): SvgResult {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(source);
  } catch {
    return { ok: false, reason: "svgNotParsable" };
  }
  if (parsed.tooComplex) return { ok: false, reason: "svgTooComplex" };
  const root = parsed.root;
  if (!root || root.name !== "svg") return { ok: false, reason: "svgNoRoot" };
  const cleaned = clean(root) as ElementNode;
  if (!draws(cleaned)) return { ok: false, reason: "svgEmpty" };
  cleaned.attributes = [["xmlns", SVG_NS], ...cleaned.attributes];
  return { ok: true, svg: serialize(cleaned) };
}
