import fs from "node:fs";
import path from "node:path";
import type { Provider } from "../../lib/server/db/provider";

// One schema source, two provider files: a Prisma schema names exactly one provider, and a client generated for one
// refuses the other's adapter, so prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma are both written
// from prisma/schema.base.prisma. They stay committed: the migration tool and `prisma generate` read them.
// No Prisma or database imports here: `npm install` runs this before any client exists.

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

const DEFAULT_ROOT = path.resolve(__dirname, "..", "..");
const SOURCE = "prisma/schema.base.prisma";

export function schemaSourcePath(root = DEFAULT_ROOT): string {
  return path.join(root, SOURCE);
}

export function schemaPath(provider: Provider, root = DEFAULT_ROOT): string {
  return path.join(root, "prisma", provider, "schema.prisma");
}

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
const PROVIDER_ONLY = /^(\w+):(.*)$/s;

/**
 * The provider file for `provider`: the source without its own leading `//` header, under a "generated" header, with
 * the double-brace placeholders (documented in the source's header) filled in.
 */
export function renderSchema(source: string, provider: Provider): string {
  const lines = source.split("\n");
  let start = 0;
  while (start < lines.length && /^\/\/(?!\/)/.test(lines[start])) start++;
  while (start < lines.length && lines[start].trim() === "") start++;

  const body: string[] = [];
  lines.slice(start).forEach((line, index) => {
    if (!line.includes("{{")) {
      body.push(line);
      return;
    }
    const rendered = line
      .replace(PLACEHOLDER, (_, inner: string) => {
        if (inner === "provider") return provider;
        const only = PROVIDER_ONLY.exec(inner);
        if (only && (PROVIDERS as readonly string[]).includes(only[1])) return only[1] === provider ? only[2] : "";
        throw new Error(`${SOURCE}:${start + index + 1}: unknown placeholder {{${inner}}}`);
      })
      .trimEnd();
    if (rendered.includes("{{") || rendered.includes("}}")) {
      throw new Error(`${SOURCE}:${start + index + 1}: unclosed placeholder: ${line.trim()}`);
    }
    // A line that held only another provider's text disappears instead of leaving a blank line.
    if (rendered.trim() !== "") body.push(rendered);
  });
  const header = `// Generated from ${SOURCE} by prisma/generate-schemas.ts (npm run db:generate): do not edit.`;
  return `${header}\n${body.join("\n")}`;
}

/** The provider files whose committed text differs from what the source generates, with the text they should have. */
function outOfDate(root: string): { file: string; text: string }[] {
  const source = fs.readFileSync(schemaSourcePath(root), "utf8");
  return PROVIDERS.map((provider) => ({ file: schemaPath(provider, root), text: renderSchema(source, provider) })).filter(
    ({ file, text }) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text,
  );
}

/** Throws, naming the stale files and the fix, when a provider file is not what the source generates. */
export function assertSchemasGenerated(root = DEFAULT_ROOT): void {
  const stale = outOfDate(root).map(({ file }) => path.relative(root, file));
  if (stale.length > 0) {
    throw new Error(`Not what ${SOURCE} generates: ${stale.join(", ")}. Run npm run db:generate.`);
  }
}

/** Writes the provider files that are not up to date; returns them relative to `root`. */
export function writeSchemas(root = DEFAULT_ROOT): string[] {
  return outOfDate(root).map(({ file, text }) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return path.relative(root, file);
  });
}
