import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// The layers of ARCHITECTURE.md, enforced: every import of app/, components/, emails/ and lib/ (static, re-export,
// dynamic import(), require() and type imports alike) is resolved and checked against the direction rules below.

const root = path.resolve(__dirname, "..", "..");
const toPosix = (file: string) => path.relative(root, file).split(path.sep).join("/");
const SCANNED = ["app", "components", "emails", "lib"];
const SKIPPED = ["lib/server/db/generated"];
const EXTENSIONS = [".ts", ".tsx"];

/** The only packages lib/domain may use: time-zone arithmetic and the public-holiday calendars. */
const DOMAIN_PACKAGES = ["temporal-polyfill", "date-holidays"];

interface Edge {
  from: string;
  /** A project file relative to the root, or a package name for a bare specifier. */
  to: string;
  internal: boolean;
}

const under = (dir: string) => (file: string) => file === dir || file.startsWith(`${dir}/`);
const inDomain = under("lib/domain");

const RULES: { name: string; from: (file: string) => boolean; forbids: (edge: Edge) => boolean }[] = [
  {
    name: "lib/domain imports only lib/domain and its allowed packages",
    from: inDomain,
    forbids: (e) => (e.internal ? !inDomain(e.to) : !DOMAIN_PACKAGES.includes(e.to)),
  },
  {
    name: "components do not import app/ (a page passes server actions in as props)",
    from: under("components"),
    forbids: (e) => e.internal && under("app")(e.to),
  },
  {
    name: "components do not import lib/server (pages load; types come from lib/schemas or lib/domain)",
    from: under("components"),
    forbids: (e) => e.internal && under("lib/server")(e.to),
  },
  {
    name: "emails do not import lib/server (a template renders the payload it is given)",
    from: under("emails"),
    forbids: (e) => e.internal && under("lib/server")(e.to),
  },
  { name: "lib does not import app/", from: under("lib"), forbids: (e) => e.internal && under("app")(e.to) },
  {
    name: "lib/schemas do not import lib/server (forms in the browser use them)",
    from: under("lib/schemas"),
    forbids: (e) => e.internal && under("lib/server")(e.to),
  },
];

function sourceFiles(dir: string): string[] {
  if (SKIPPED.includes(toPosix(dir))) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every module specifier in a file: imports, re-exports, import(), require() and `import("x").T` types. */
function specifiersOf(fileName: string, text: string): string[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      literal(node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if (dynamic || required) literal(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The project file a specifier names (relative to the root), a package name, or null when it does not resolve. */
function resolve(from: string, specifier: string): Edge | null {
  const local = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(path.join(root, from)), specifier)
      : null;
  if (local === null) {
    const parts = specifier.replace(/^node:/, "").split("/");
    return { from, to: specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0], internal: false };
  }
  const candidates = [
    local,
    ...[".ts", ".tsx", ".js", ".mjs", ".json"].map((e) => local + e),
    ...[".ts", ".tsx"].map((e) => path.join(local, `index${e}`)),
  ];
  const file = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  return file ? { from, to: toPosix(file), internal: true } : null;
}

const files = SCANNED.flatMap((dir) => sourceFiles(path.join(root, dir))).map(toPosix);
const unresolved: string[] = [];
const edges: Edge[] = files.flatMap((from) =>
  [...new Set(specifiersOf(from, fs.readFileSync(path.join(root, from), "utf8")))].flatMap((specifier) => {
    const edge = resolve(from, specifier);
    if (!edge) unresolved.push(`${from} -> ${specifier}`);
    return edge ? [edge] : [];
  }),
);
/**
 * Links are made only through the two wrappers that turn off Next's prefetch of every link in view, which had each
 * staff page view render some forty other pages (components/ui/link.tsx): each package's one allowed importer.
 */
const LINK_MODULES: Record<string, string> = {
  "next/link": "components/ui/link.tsx",
  "next-intl/navigation": "lib/i18n/navigation.tsx",
};
const linkBypasses = files.flatMap((from) =>
  specifiersOf(from, fs.readFileSync(path.join(root, from), "utf8"))
    .filter((specifier) => specifier in LINK_MODULES && LINK_MODULES[specifier] !== from)
    .map((specifier) => `${from} -> ${specifier}`),
);
const describeEdge = (e: Edge) => `${e.from} -> ${e.to}`;
const violations = [...new Set(edges.filter((e) => RULES.some((r) => r.from(e.from) && r.forbids(e))).map(describeEdge))].sort();

describe("architecture: imports go one way", () => {
  it("reads the imports of every source file and resolves each project import", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files).toContain("lib/domain/slots.ts");
    expect(files.some((f) => f.startsWith("lib/server/db/generated/"))).toBe(false);
    expect(edges).toContainEqual({ from: "lib/domain/time.ts", to: "temporal-polyfill", internal: false });
    expect(unresolved).toEqual([]);
  });

  it("finds every kind of import, type-only ones included", () => {
    const text = [
      'import a from "./a";',
      'import type { B } from "@/b";',
      'import { type C } from "../c";',
      'export { d } from "./d";',
      'export type * from "./e";',
      'const f = await import("./f");',
      'const g = require("g-package");',
      'let h: import("./h").H;',
      'import "./i.css";',
      'const notAnImport = "./j";',
    ].join("\n");
    expect(specifiersOf("x.tsx", text)).toEqual(["./a", "@/b", "../c", "./d", "./e", "./f", "g-package", "./h", "./i.css"]);
  });

  it("has no import against the direction of the layers", () => {
    expect(violations).toEqual([]);
  });

  it("makes links only through the wrappers without prefetch", () => {
    for (const wrapper of Object.values(LINK_MODULES)) expect(files).toContain(wrapper);
    expect(linkBypasses).toEqual([]);
  });

  it("catches each rule's violation", () => {
    const broken = (from: string, to: string, internal = true) =>
      RULES.filter((r) => r.from(from) && r.forbids({ from, to, internal })).map((r) => r.name);
    expect(broken("lib/domain/slots.ts", "lib/schemas/booking.ts")).toHaveLength(1);
    expect(broken("lib/domain/slots.ts", "next", false)).toHaveLength(1);
    expect(broken("lib/domain/slots.ts", "fs", false)).toHaveLength(1);
    expect(broken("lib/domain/slots.ts", "temporal-polyfill", false)).toEqual([]);
    expect(broken("lib/domain/slots.ts", "lib/domain/time.ts")).toEqual([]);
    expect(broken("components/booking/slot-picker.tsx", "app/[locale]/[office]/actions.ts")).toHaveLength(1);
    expect(broken("components/booking/slot-picker.tsx", "lib/server/db/index.ts")).toHaveLength(1);
    expect(broken("components/booking/slot-picker.tsx", "lib/schemas/booking.ts")).toEqual([]);
    expect(broken("emails/booking-confirmation.tsx", "lib/server/mail/render.ts")).toHaveLength(1);
    expect(broken("emails/booking-confirmation.tsx", "emails/payloads.ts")).toEqual([]);
    expect(broken("lib/server/services/create-booking.ts", "app/api/health/route.ts")).toHaveLength(1);
    expect(broken("lib/schemas/booking.ts", "lib/server/env.ts")).toHaveLength(1);
    expect(broken("app/api/health/route.ts", "lib/server/db/index.ts")).toEqual([]);
  });
});
