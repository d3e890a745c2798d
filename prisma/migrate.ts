// Migrations without Prisma's native schema engine (see prisma/migrate/engine.ts).
//
//   tsx prisma/migrate.ts deploy          apply pending migrations to DATABASE_URL (unset: data/dev.db)
//   tsx prisma/migrate.ts create <name>   new migration for both schemas (PostgreSQL diff on MIGRATE_POSTGRES_URL)
//   tsx prisma/migrate.ts status          compare DATABASE_URL with the migrations on disk
import fs from "node:fs";
import path from "node:path";
import { providerOf } from "../lib/server/db/provider";
import {
  createMigrations,
  DEFAULT_MIGRATE_POSTGRES_URL,
  defaultDatabaseUrl,
  deployMigrations,
  migrationStatus,
  PROJECT_ROOT,
} from "./migrate/engine";

const USAGE = `Usage:
  npm run db:migrate                      apply pending migrations to DATABASE_URL
  npm run db:migrate:create -- <name>     create a migration for the SQLite and the PostgreSQL schema
  tsx prisma/migrate.ts status            show whether DATABASE_URL is up to date`;

// Next.js reads .env files for the app; read them here too so that both see the same DATABASE_URL.
function loadEnvFiles(): void {
  for (const name of [".env.local", ".env"]) {
    const file = path.join(PROJECT_ROOT, name);
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}

/** Hides a password in a URL that is printed. */
function describe(url: string): string {
  if (providerOf(url) === "sqlite") return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}

async function main(argv: string[]): Promise<number> {
  loadEnvFiles();
  const [command, ...rest] = argv;
  const databaseUrl = process.env.DATABASE_URL?.trim() || defaultDatabaseUrl();

  switch (command) {
    case "deploy": {
      const applied = await deployMigrations(databaseUrl);
      console.log(
        applied.length === 0
          ? `${describe(databaseUrl)}: no pending migrations.`
          : `${describe(databaseUrl)}: applied ${applied.join(", ")}.`,
      );
      return 0;
    }
    case "create": {
      const name = rest.filter((a) => !a.startsWith("-")).join("_");
      if (!name) {
        console.error(USAGE);
        return 2;
      }
      const postgresUrl = process.env.MIGRATE_POSTGRES_URL?.trim() || DEFAULT_MIGRATE_POSTGRES_URL;
      const created = await createMigrations(name, { postgresUrl });
      if (!created.sqlite && !created.postgresql) {
        console.log("no changes");
        return 0;
      }
      for (const dir of [created.sqlite, created.postgresql]) {
        if (dir) console.log(`created ${path.relative(PROJECT_ROOT, path.join(dir, "migration.sql"))}`);
      }
      if (!created.sqlite || !created.postgresql) {
        // Expected only when the change was provider-specific text ({{sqlite:…}} or {{postgresql:…}}).
        console.warn("Only one database's schema changed: check the provider-specific text in prisma/schema.base.prisma.");
      }
      return 0;
    }
    case "status": {
      const status = await migrationStatus(databaseUrl);
      const where = describe(databaseUrl);
      if (!status.databaseExists) {
        console.log(`${where}: the database does not exist yet; ${status.migrations.length} migration(s) to apply.`);
        return status.upToDate ? 0 : 1;
      }
      const d = status.diagnosis!;
      if (status.upToDate) {
        console.log(`${where}: up to date (${status.migrations.length} migration(s)).`);
        return 0;
      }
      if (d.history?.diagnostic === "databaseIsBehind") {
        console.log(`${where}: pending migrations: ${d.history.unappliedMigrationNames.join(", ")}`);
      } else if (d.history?.diagnostic === "migrationsDirectoryIsBehind") {
        console.log(`${where}: applied but missing on disk: ${d.history.unpersistedMigrationNames.join(", ")}`);
      } else if (d.history?.diagnostic === "historiesDiverge") {
        console.log(
          `${where}: histories diverge after ${d.history.lastCommonMigrationName ?? "(none)"}; ` +
            `only in the database: ${d.history.unpersistedMigrationNames.join(", ") || "-"}; ` +
            `only on disk: ${d.history.unappliedMigrationNames.join(", ") || "-"}`,
        );
      } else if (!d.hasMigrationsTable) {
        console.log(`${where}: no migrations applied yet.`);
      }
      if (d.failedMigrationNames.length) console.log(`failed migrations: ${d.failedMigrationNames.join(", ")}`);
      if (d.editedMigrationNames.length) console.log(`edited after applying: ${d.editedMigrationNames.join(", ")}`);
      return 1;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (process.env.MIGRATE_DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
