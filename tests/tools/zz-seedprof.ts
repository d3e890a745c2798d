import fs from "node:fs"; import os from "node:os"; import path from "node:path";
import { copySqlite, sqliteTemplate } from "@/tests/helpers/db-templates";
import { createDb } from "@/lib/server/db/client";
import { seedDemo } from "@/prisma/seed";
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seedp-")); const file = path.join(dir, "a.db");
  copySqlite(await sqliteTemplate(), file);
  const db = createDb(`file:${file}`);
  const orig = (db as any).$extends ? null : null; void orig;
  const t0 = Date.now(); const c0 = process.cpuUsage();
  await seedDemo(db, new Date("2026-11-24T08:00:00Z"));
  const c = process.cpuUsage(c0);
  console.log("seed ms", Date.now() - t0, "cpu", (c.user + c.system) / 1000);
  await db.$disconnect();
})();
