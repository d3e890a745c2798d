// Enums only, without the Prisma client: safe to import from client components and shared code.
export * from "./generated/sqlite/enums";
