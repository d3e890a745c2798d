import { z } from "zod";

// Imported first by every schema module: zod must not probe `new Function` (an eval) under the strict CSP, and
// the setting has to be in place before any schema is built.
z.config({ jitless: true });
