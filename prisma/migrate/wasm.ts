import fs from "node:fs";
import path from "node:path";
import type { SchemaEngine as SchemaEngineType } from "@prisma/schema-engine-wasm";

// Loads Prisma's official WASM schema engine (@prisma/schema-engine-wasm).
//
// The package's entry point imports the .wasm file as an ES module, which neither plain Node nor Jest can load.
// So we instantiate the .wasm ourselves and evaluate the wasm-bindgen glue (schema_engine_bg.js) in the caller's
// realm: the glue checks `instanceof Promise` / `Uint8Array` on values that the driver adapters return, and those
// checks fail across realms (Jest runs tests in a separate VM context), which a native import would cause.

export type SchemaEngineClass = typeof SchemaEngineType;

type Glue = Record<string, unknown> & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: SchemaEngineClass;
  version(): string;
};

function packageDir(): string {
  // require.resolve works under tsx and Jest; the package's exports map has no "./package.json".
  const entry = require.resolve("@prisma/schema-engine-wasm");
  return path.dirname(entry);
}

function loadGlue(dir: string): Glue {
  const source = fs.readFileSync(path.join(dir, "schema_engine_bg.js"), "utf8");
  const names = [...source.matchAll(/^export (?:async )?(?:function|class) ([A-Za-z0-9_$]+)/gm)].map((m) => m[1]);
  if (!names.includes("__wbg_set_wasm") || !names.includes("SchemaEngine")) {
    throw new Error("Unexpected layout of @prisma/schema-engine-wasm/schema_engine_bg.js");
  }
  if (/^export (?!(?:async )?(?:function|class) )/m.test(source) || /^import /m.test(source)) {
    throw new Error("Unsupported export or import in @prisma/schema-engine-wasm/schema_engine_bg.js");
  }
  const body = `"use strict";\n${source.replace(/^export /gm, "")}\nreturn { ${names.join(", ")} };`;
  // The engine arms 10 s timers (timeouts it races its database calls against) and never clears them; unref'd,
  // they no longer keep a finished test run or script alive.
  const unrefTimeout = (fn: () => void, ms: number) => {
    const timer = setTimeout(fn, ms);
    (timer as { unref?: () => void }).unref?.();
    return timer;
  };
  return new Function("setTimeout", body)(unrefTimeout) as Glue;
}

let loading: Promise<SchemaEngineClass> | undefined;

/** The SchemaEngine class, instantiated once per process (per Jest test file). */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loading ??= (async () => {
    const dir = packageDir();
    const glue = loadGlue(dir);
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
