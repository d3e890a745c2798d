import path from "node:path";
import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded on offline machines. `prisma generate` only needs the variable to
// name an existing file; migrations run through prisma/migrate.ts (WASM engine) instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "prisma", "bin", "no-schema-engine.sh");

export default defineConfig({});
