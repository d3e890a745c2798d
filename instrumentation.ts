// Once per server process (Node runtime only): the request gate (client addresses, unsupported methods) and the
// e-mail outbox worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestGate } = await import("./lib/server/security/request-gate");
  installRequestGate();
  const { startAppMailWorker } = await import("./lib/server/mail-worker");
  startAppMailWorker();
}
