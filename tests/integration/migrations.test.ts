import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { pgSettingsOf, quoteIdent, withDatabase } from "@/lib/server/db/provider";
import {
  deployMigrations,
  diffMigrations,
  migrationStatus,
  readMigrationList,
  schemaDrift,
  schemaPath,
} from "@/prisma/migrate/engine";
import { parseSchema } from "@/prisma/migrate/schema-model";
import { applicationTables, describeEachDatabase, testPostgresUrl } from "../helpers/databases";

// The committed migrations build the whole schema from an empty database on both providers, applying them again
// changes nothing, and they are complete: `create` finds nothing left to migrate.

function expectedTables(): string[] {
  const schema = parseSchema(fs.readFileSync(schemaPath("sqlite"), "utf8"));
  const tables = [...schema.models.keys()];
  // Implicit many-to-many relations get a join table `_AToB` (models in alphabetical order).
  for (const model of schema.models.values()) {
    for (const field of model.fields) {
      const target = field.type.replace(/\[\]$/, "");
      const other = schema.models.get(target);
      const hasRelationFields = field.attributes.some((a) => a.startsWith("@relation(") && a.includes("fields:"));
      const backIsList = other?.fields.some((f) => f.type === `${model.name}[]`);
      if (field.type.endsWith("[]") && other && backIsList && !hasRelationFields) {
        tables.push(`_${[model.name, target].sort().join("To")}`);
      }
    }
  }
  return [...new Set(tables)].sort();
}

describeEachDatabase("migrations", (ctx) => {
  it("build every table of the schema from an empty database", async () => {
    const { tables } = await applicationTables(ctx.db);
    expect(tables.sort()).toEqual(expectedTables());
    expect(tables).toEqual(expect.arrayContaining(["Booking", "OfficeDay", "_CapacityBlockToService"]));
  });

  it("record every committed migration as finished", async () => {
    const rows = await ctx.db.$queryRawUnsafe<{ migration_name: string; finished: unknown }[]>(
      'SELECT migration_name, finished_at AS finished FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name',
    );
    const committed = readMigrationList(ctx.provider).migrationDirectories.map((d) => d.path);
    expect(committed.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    for (const row of rows) expect(row.finished).not.toBeNull();
  });

  it("leave a usable schema: defaults, enums and relations work", async () => {
    const office = await ctx.db.office.create({
      data: { slug: "amt", name: "Amt", authority: "Stadt", street: "Weg 1", postalCode: "12345", locality: "Ort" },
    });
    const service = await ctx.db.service.create({
      data: {
        office: { connect: { id: office.id } },
        slug: "pass",
        catalogueService: { create: { slug: "pass", name: "Pass" } },
        durationMinutes: 15,
      },
    });
    const booking = await ctx.db.booking.create({
      data: {
        officeId: office.id,
        serviceId: service.id,
        startsAt: new Date("2030-03-31T07:00:00Z"),
        endsAt: new Date("2030-03-31T07:15:00Z"),
        referenceCode: "ABC-123",
        manageTokenHash: "hash",
      },
    });
    expect(booking.status).toBe("CONFIRMED");
    expect(office.timeZone).toBe("Europe/Berlin");
    const block = await ctx.db.capacityBlock.create({
      data: { officeId: office.id, weekday: 1, startMinute: 480, endMinute: 720, clerks: 2, services: { connect: { id: service.id } } },
      include: { services: true },
    });
    expect(block.services.map((s) => s.id)).toEqual([service.id]);
  });

  it("are a no-op when deployed again", async () => {
    // The engine locks a SQLite file exclusively while it migrates: the app's connection must be closed.
    await ctx.db.$disconnect();
    expect(await deployMigrations(ctx.url)).toEqual([]);
    expect(await deployMigrations(ctx.url)).toEqual([]);
    const status = await migrationStatus(ctx.url);
    expect(status.upToDate).toBe(true);
    expect(status.diagnosis?.history).toBeNull();
  });
});

describe("migration tool", () => {
  it("creates a missing SQLite database and its folder on deploy; status reports it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-migrate-test-"));
    const url = `file:${path.join(dir, "nested", "data", "app.db")}`;
    try {
      expect((await migrationStatus(url)).databaseExists).toBe(false);
      expect(fs.existsSync(path.join(dir, "nested"))).toBe(false);
      const applied = await deployMigrations(url);
      expect(applied).toEqual(readMigrationList("sqlite").migrationDirectories.map((d) => d.path));
      expect((await migrationStatus(url)).upToDate).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("creates a missing PostgreSQL database on deploy", async () => {
    const server = testPostgresUrl();
    const name = `tv_test_deploy_${Date.now().toString(36)}`;
    const url = withDatabase(server, name);
    try {
      const applied = await deployMigrations(url);
      expect(applied).toEqual(readMigrationList("postgresql").migrationDirectories.map((d) => d.path));
    } finally {
      const admin = new pg.Client(pgSettingsOf(server));
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await admin.end();
    }
  });

  it("finds no changes between the committed migrations and the schemas (what `create` writes)", async () => {
    expect(schemaDrift()).toEqual([]);
    expect(await diffMigrations("sqlite")).toBeNull();
    expect(await diffMigrations("postgresql", testPostgresUrl())).toBeNull();
  });

  it("leaves no shadow databases behind", async () => {
    const admin = new pg.Client(pgSettingsOf(testPostgresUrl()));
    await admin.connect();
    try {
      const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
      expect(rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});
