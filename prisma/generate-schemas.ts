// Writes prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma from prisma/schema.base.prisma.
//
//   tsx prisma/generate-schemas.ts           write the provider files that are out of date (npm run db:generate)
//   tsx prisma/generate-schemas.ts --check   write nothing; exit 1 when a committed provider file is out of date
import { assertSchemasGenerated, writeSchemas } from "./migrate/schema-source";

try {
  if (process.argv.includes("--check")) assertSchemasGenerated();
  else for (const file of writeSchemas()) console.log(`wrote ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
