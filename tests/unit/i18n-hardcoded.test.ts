import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// Every text a person reads comes from the message files, so that it exists in every language (and the staff
// area's German stays in one place). This walks the syntax tree of every component, page and e-mail and reports
// JSX text and user-visible attributes that contain letters.

const ROOT = path.join(__dirname, "../..");
const FOLDERS = ["app", "components", "emails"];
/** Attributes a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "placeholder", "alt"]);
const LETTERS = /\p{L}/u;

/**
 * Deliberate exceptions as "file:text", each with its reason in a comment. None so far: even the language names of
 * the language switch come from Intl.DisplayNames, not from code.
 */
const ALLOWED = new Set<string>([]);

interface Finding {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx$/.test(entry.name) ? [full] : [];
  });
}

/** Literal text of an expression that is a plain string ("…", `…` without placeholders, or "a" + "b"). */
function literalText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [literalText(node.whenTrue), literalText(node.whenFalse)].filter(Boolean).join(" ") || undefined;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [literalText(node.left), literalText(node.right)].filter(Boolean).join(" ") || undefined;
  }
  return undefined;
}

function findings(file: string): Finding[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const relative = path.relative(ROOT, file);
    const clean = text.replace(/\s+/g, " ").trim();
    if (!LETTERS.test(clean) || ALLOWED.has(`${relative}:${clean}`)) return;
    out.push({ file: relative, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: clean });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const text = literalText(node.expression);
      if (text !== undefined) report(node, text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const text = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression
          ? literalText(init.expression)
          : undefined;
      if (text !== undefined) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

it("no component, page or e-mail has text outside the message files", () => {
  const all = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder))).flatMap(findings);
  expect(all.map((f) => `${f.file}:${f.line}: "${f.text}"`)).toEqual([]);
});

it("finds text where there is some (the check itself works)", () => {
  const probe = path.join(ROOT, "tests/.artifacts/hardcoded-probe.tsx");
  fs.mkdirSync(path.dirname(probe), { recursive: true });
  fs.writeFileSync(
    probe,
    `export const A = () => <p title="Hinweis">Hallo {"Welt"} <img alt={\`Bild\`} /> {t("key")} 12:30 · {x}</p>;\n`,
  );
  try {
    expect(findings(probe).map((f) => f.text)).toEqual(["Hinweis", "Hallo", "Welt", "Bild"]);
  } finally {
    fs.rmSync(probe);
  }
});
