import { createDb, type Db } from "@/lib/server/db/client";
import { deployMigrations } from "@/prisma/migrate/engine";
import type { TestDatabase } from "../databases";

export interface Upgrade {
  database: TestDatabase;
  /** A client of the upgraded database. */
  db: Db;
  /** The migrations the deploy applied, in order. */
  applied: string[];
}

/** A deploy that got as far as a data step, which completed, and stopped before the migration that needs it. */
export interface StoppedDeploy {
  /** The last migration the stopped deploy applied. */
  upTo: string;
  step: (db: Db) => Promise<unknown>;
}

/**
 * For the tests of one upgrade: before them, `old` builds a database on an older schema (its client disconnected)
 * and the current migrations are deployed to it, data steps with the clock `now` (after a `stopped` deploy, if
 * given); after them it is disposed. The fields are set in `beforeAll`.
 */
export function upgradedDatabase(old: () => Promise<TestDatabase>, now: Date, stopped?: StoppedDeploy): Upgrade {
  const up = {} as Upgrade;
  beforeAll(async () => {
    up.database = await old();
    if (stopped) {
      await deployMigrations(up.database.url, { upTo: stopped.upTo });
      const interrupted = createDb(up.database.url);
      try {
        await stopped.step(interrupted);
      } finally {
        await interrupted.$disconnect();
      }
    }
    up.applied = await deployMigrations(up.database.url, { now });
    up.db = createDb(up.database.url);
  });
  afterAll(async () => {
    await up.db?.$disconnect();
    await up.database?.dispose();
  });
  return up;
}

/** Deploys the upgraded database once more (as the next start does) and returns what it applied. */
export async function deployAgain(up: Upgrade, now: Date): Promise<string[]> {
  await up.db.$disconnect();
  const applied = await deployMigrations(up.database.url, { now });
  up.db = createDb(up.database.url);
  return applied;
}
