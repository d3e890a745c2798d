import { seededSqliteTemplate } from "./db-templates";

// Run by the end-to-end global setup (with tsx, which knows the project's import paths), beside `next build`: makes
// the migrated and seeded SQLite template that every suite's app database is copied from.
seededSqliteTemplate()
  .then((file) => process.stdout.write(`${file}\n`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
