import Module from "node:module";
import path from "node:path";

// The services import "server-only", which throws outside React's server build (it resolves to its throwing
// entry under plain Node). The benchmark is server code, so map the marker to the package's empty entry, as the
// "react-server" condition does in Next. Must be imported before any service module.

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const originalResolve = moduleWithResolver._resolveFilename;
// The package exports only ".", so locate its empty entry next to the resolved main file.
const emptyEntry = path.join(path.dirname(require.resolve("server-only")), "empty.js");

moduleWithResolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  if (request === "server-only") return emptyEntry;
  return originalResolve.call(this, request, ...rest);
};
