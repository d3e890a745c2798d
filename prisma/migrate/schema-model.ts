// A small parser for the parts of a Prisma schema that must be identical in prisma/sqlite and prisma/postgresql:
// enums, models, fields (name, type, attributes) and block attributes. Comments are ignored; so are the generator
// and datasource blocks and native type attributes (`@db.*`), which are provider-specific by nature.

export interface SchemaField {
  name: string;
  /** Type with its modifier, e.g. `String`, `DateTime?`, `Service[]`. */
  type: string;
  /** Attributes without `@db.*`, whitespace-normalised, in source order. */
  attributes: string[];
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  /** `@@id(...)`, `@@unique(...)`, `@@index(...)`, ... whitespace-normalised, in source order. */
  blockAttributes: string[];
}

export interface SchemaBlock {
  kind: string;
  name: string;
  lines: string[];
}

export interface ParsedSchema {
  enums: Map<string, string[]>;
  models: Map<string, SchemaModel>;
  /** Other blocks (generator, datasource, view, type) by `kind name`. */
  others: Map<string, SchemaBlock>;
}

/** Removes `//` and `///` comments outside string literals. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "/" && line[i + 1] === "/") {
      return line.slice(0, i);
    }
  }
  return line;
}

/** Collapses whitespace outside string literals and around punctuation, so formatting does not matter. */
function normalise(text: string): string {
  // Odd indexes are string literals (kept verbatim), even ones the code between them.
  return text
    .trim()
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, " ").replace(/ ?([(),:[\]=]) ?/g, "$1")))
    .join("");
}

/** Splits `@id @default(cuid()) @db.Text` into attributes, keeping parentheses and strings intact. */
function splitAttributes(text: string): string[] {
  const attrs: string[] = [];
  let depth = 0;
  let inString = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      current += c;
      if (c === "\\") current += text[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    if (c === "@" && depth === 0 && text[i - 1] !== "@") {
      if (current.trim()) attrs.push(current);
      current = "";
    }
    current += c;
  }
  if (current.trim()) attrs.push(current);
  if (depth !== 0 || inString) throw new Error(`Unbalanced attribute list: ${text}`);
  return attrs.map(normalise).filter((a) => a.startsWith("@"));
}

export function isProviderSpecificAttribute(attribute: string): boolean {
  return attribute.startsWith("@db.");
}

/** Splits a schema into top-level blocks `kind name { ... }`. */
export function parseBlocks(text: string): SchemaBlock[] {
  const blocks: SchemaBlock[] = [];
  let current: SchemaBlock | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw).trim();
    if (!line) return;
    if (!current) {
      const m = /^(\w+)\s+(\w+)\s*\{$/.exec(line);
      if (!m) throw new Error(`Line ${index + 1}: expected the start of a block, got: ${line}`);
      current = { kind: m[1], name: m[2], lines: [] };
      return;
    }
    if (line === "}") {
      blocks.push(current);
      current = null;
      return;
    }
    if (line.includes("{") || line.includes("}")) throw new Error(`Line ${index + 1}: unexpected brace: ${line}`);
    current.lines.push(line);
  });
  if (current) throw new Error(`Block ${(current as SchemaBlock).kind} ${(current as SchemaBlock).name} is not closed`);
  return blocks;
}

function parseModel(block: SchemaBlock): SchemaModel {
  const fields: SchemaField[] = [];
  const blockAttributes: string[] = [];
  for (const line of block.lines) {
    if (line.startsWith("@@")) {
      blockAttributes.push(normalise(line));
      continue;
    }
    const m = /^(\w+)\s+([\w.]+(?:\[\])?\??)(.*)$/.exec(line);
    if (!m) throw new Error(`model ${block.name}: cannot parse field line: ${line}`);
    const attributes = splitAttributes(m[3]).filter((a) => !isProviderSpecificAttribute(a));
    fields.push({ name: m[1], type: m[2], attributes });
  }
  return { name: block.name, fields, blockAttributes };
}

export function parseSchema(text: string): ParsedSchema {
  const parsed: ParsedSchema = { enums: new Map(), models: new Map(), others: new Map() };
  for (const block of parseBlocks(text)) {
    const key = `${block.kind} ${block.name}`;
    if (block.kind === "model") {
      if (parsed.models.has(block.name)) throw new Error(`Duplicate ${key}`);
      parsed.models.set(block.name, parseModel(block));
    } else if (block.kind === "enum") {
      if (parsed.enums.has(block.name)) throw new Error(`Duplicate ${key}`);
      parsed.enums.set(
        block.name,
        block.lines.filter((l) => !l.startsWith("@@")).map((l) => normalise(l)),
      );
    } else {
      parsed.others.set(key, block);
    }
  }
  return parsed;
}

/** Human-readable differences between two schemas' enums and models; empty when they are in step. */
export function compareSchemas(a: ParsedSchema, b: ParsedSchema, names: [string, string] = ["a", "b"]): string[] {
  const diffs: string[] = [];
  const [na, nb] = names;
  const keys = (m: Map<string, unknown>) => [...m.keys()].sort();
  const missing = (kind: string, left: Map<string, unknown>, right: Map<string, unknown>) => {
    for (const k of keys(left)) if (!right.has(k)) diffs.push(`${kind} ${k}: only in ${na}`);
    for (const k of keys(right)) if (!left.has(k)) diffs.push(`${kind} ${k}: only in ${nb}`);
  };

  missing("enum", a.enums, b.enums);
  for (const [name, values] of a.enums) {
    const other = b.enums.get(name);
    if (other && values.join(",") !== other.join(",")) {
      diffs.push(`enum ${name}: ${na} has [${values.join(", ")}], ${nb} has [${other.join(", ")}]`);
    }
  }

  missing("model", a.models, b.models);
  for (const [name, model] of a.models) {
    const other = b.models.get(name);
    if (!other) continue;
    const fa = model.fields.map((f) => f.name);
    const fb = other.fields.map((f) => f.name);
    for (const f of fa) if (!fb.includes(f)) diffs.push(`model ${name}: field ${f} only in ${na}`);
    for (const f of fb) if (!fa.includes(f)) diffs.push(`model ${name}: field ${f} only in ${nb}`);
    const common = fa.filter((f) => fb.includes(f));
    if (common.join(",") !== fb.filter((f) => fa.includes(f)).join(",")) {
      diffs.push(`model ${name}: fields in a different order`);
    }
    for (const field of model.fields) {
      const o = other.fields.find((f) => f.name === field.name);
      if (!o) continue;
      if (field.type !== o.type) diffs.push(`model ${name}.${field.name}: type ${field.type} in ${na}, ${o.type} in ${nb}`);
      const aa = field.attributes.join(" ");
      const ab = o.attributes.join(" ");
      if (aa !== ab) diffs.push(`model ${name}.${field.name}: attributes "${aa}" in ${na}, "${ab}" in ${nb}`);
    }
    const ba = [...model.blockAttributes].sort().join(" ");
    const bb = [...other.blockAttributes].sort().join(" ");
    if (ba !== bb) diffs.push(`model ${name}: block attributes "${ba}" in ${na}, "${bb}" in ${nb}`);
  }
  return diffs;
}
