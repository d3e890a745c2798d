import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compareSchemas, parseSchema, type ParsedSchema } from "@/prisma/migrate/schema-model";
import { assertSchemasGenerated, renderSchema, schemaSourcePath, writeSchemas } from "@/prisma/migrate/schema-source";

// prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma must declare the same enums, models and fields:
// the app uses one client type for both databases, and the two migration histories must describe one data model.
// Both are generated from prisma/schema.base.prisma; the committed files must be what it generates.

const root = path.resolve(__dirname, "..", "..");
const read = (provider: string) => fs.readFileSync(path.join(root, "prisma", provider, "schema.prisma"), "utf8");

describe("schema parity", () => {
  const sqliteText = read("sqlite");
  const postgresText = read("postgresql");
  const sqlite = parseSchema(sqliteText);
  const postgres = parseSchema(postgresText);

  it("parses the models, fields and enums of both schemas", () => {
    for (const schema of [sqlite, postgres]) {
      expect(schema.models.size).toBeGreaterThanOrEqual(10);
      expect(schema.enums.size).toBeGreaterThanOrEqual(5);
      expect(schema.models.get("OfficeDay")?.blockAttributes).toEqual(["@@id([officeId,date])"]);
      const booking = schema.models.get("Booking")!;
      expect(booking.fields.find((f) => f.name === "status")).toEqual({
        name: "status",
        type: "BookingStatus",
        attributes: ["@default(CONFIRMED)"],
      });
      expect(booking.fields.find((f) => f.name === "office")?.attributes).toEqual([
        "@relation(fields:[officeId],references:[id],onDelete:Restrict)",
      ]);
      expect(schema.enums.get("BookingStatus")).toEqual(["HELD", "CONFIRMED", "ARRIVED", "SERVED", "NO_SHOW", "CANCELLED"]);
      for (const model of schema.models.values()) expect(model.fields.length).toBeGreaterThan(0);
    }
  });

  it("declares the same enums, models, fields, types and attributes in both schemas", () => {
    expect(compareSchemas(sqlite, postgres, ["sqlite", "postgresql"])).toEqual([]);
  });

  it("differs only in the provider-specific blocks", () => {
    const provider = (s: ParsedSchema) => s.others.get("datasource db")?.lines;
    expect(provider(sqlite)).toEqual(['provider = "sqlite"']);
    expect(provider(postgres)).toEqual(['provider = "postgresql"']);
    const output = (s: ParsedSchema) => s.others.get("generator client")?.lines.find((l) => l.startsWith("output"));
    expect(output(sqlite)).toMatch(/generated\/sqlite"$/);
    expect(output(postgres)).toMatch(/generated\/postgresql"$/);
    expect([...sqlite.others.keys()].sort()).toEqual([...postgres.others.keys()].sort());
  });

  it("notices drift: a changed default, type, attribute, field, enum value or index", () => {
    const drifted = (from: string, to: string) => {
      const changed = postgresText.replace(from, to);
      expect(changed).not.toBe(postgresText);
      return compareSchemas(sqlite, parseSchema(changed), ["sqlite", "postgresql"]);
    };
    expect(drifted("@default(90)", "@default(60)")).toEqual([
      expect.stringContaining("Office.bookingHorizonDays: attributes"),
    ]);
    expect(drifted("remark          String?", "remark          String")).toEqual([
      expect.stringContaining("Booking.remark: type String? in sqlite, String in postgresql"),
    ]);
    expect(drifted("referenceCode   String         @unique", "referenceCode   String")).toHaveLength(1);
    expect(drifted("  remark ", "  note String?\n  remark ")).toEqual(["model Booking: field note only in postgresql"]);
    expect(drifted("  NO_SHOW\n", "")).toEqual([expect.stringContaining("enum BookingStatus")]);
    expect(drifted("@@index([email])", "@@index([email, officeId])")).toEqual([
      expect.stringContaining("model Booking: block attributes"),
    ]);
  });

  it("ignores comments, formatting and native type attributes", () => {
    const reformatted = postgresText
      .replace("remark          String?", "remark String? @db.Text // free text, with a \"quote\" and { brace }")
      .replace("/// A public office", "// A public office")
      .replace(/ {2,}/g, " ")
      .replace(/@@index\(\[email\]\)/, "@@index( [ email ] )");
    expect(reformatted).toContain("@db.Text");
    expect(compareSchemas(sqlite, parseSchema(reformatted))).toEqual([]);
  });
});

describe("provider files generated from prisma/schema.base.prisma", () => {
  it("are committed as the source generates them (npm run db:generate; the --check mode passes)", () => {
    const check = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["prisma/generate-schemas.ts", "--check"], {
      cwd: root,
      encoding: "utf8",
    });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: "" });
  });

  it("fill in the provider, keep provider-only text in its own file and replace the source's header", () => {
    const source = [
      "// The source's own header.",
      "",
      "/// A documented model.",
      "datasource db {",
      '  provider = "{{provider}}"',
      "}",
      "model Note {",
      "  text String {{postgresql:@db.Text}}",
      "  {{sqlite:@@index([text])}}",
      "}",
      "",
    ].join("\n");
    const header = "// Generated from prisma/schema.base.prisma by prisma/generate-schemas.ts (npm run db:generate): do not edit.";
    const rendered = (provider: "sqlite" | "postgresql", ...model: string[]) =>
      [header, "/// A documented model.", "datasource db {", `  provider = "${provider}"`, "}", ...model, ""].join("\n");
    expect(renderSchema(source, "postgresql")).toBe(rendered("postgresql", "model Note {", "  text String @db.Text", "}"));
    expect(renderSchema(source, "sqlite")).toBe(rendered("sqlite", "model Note {", "  text String", "  @@index([text])", "}"));
  });

  it("refuse an unknown or unclosed placeholder", () => {
    expect(() => renderSchema("model A {\n  id String @id {{postgres:@db.Text}}\n}\n", "sqlite")).toThrow(
      "prisma/schema.base.prisma:2: unknown placeholder {{postgres:@db.Text}}",
    );
    expect(() => renderSchema("model A {\n  id String @id {{postgresql:@db.Text\n}\n", "sqlite")).toThrow(
      "prisma/schema.base.prisma:2: unclosed placeholder",
    );
  });

  it("are reported when edited by hand or left stale, and rewritten by the generator", () => {
    const postgresText = read("postgresql");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-schemas-"));
    try {
      fs.mkdirSync(path.join(dir, "prisma"));
      fs.copyFileSync(schemaSourcePath(), schemaSourcePath(dir));
      expect(writeSchemas(dir)).toEqual(["prisma/sqlite/schema.prisma", "prisma/postgresql/schema.prisma"]);
      expect(fs.readFileSync(path.join(dir, "prisma", "postgresql", "schema.prisma"), "utf8")).toBe(postgresText);
      expect(() => assertSchemasGenerated(dir)).not.toThrow();

      const postgresFile = path.join(dir, "prisma", "postgresql", "schema.prisma");
      fs.writeFileSync(postgresFile, postgresText.replace("@default(90)", "@default(60)"));
      expect(() => assertSchemasGenerated(dir)).toThrow(
        "Not what prisma/schema.base.prisma generates: prisma/postgresql/schema.prisma. Run npm run db:generate.",
      );
      expect(writeSchemas(dir)).toEqual(["prisma/postgresql/schema.prisma"]);
      expect(writeSchemas(dir)).toEqual([]);
      expect(fs.readFileSync(postgresFile, "utf8")).toBe(postgresText);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
