// Starts the e-mail outbox worker once per server process (Node runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppMailWorker } = await import("./lib/server/mail-worker");
  startAppMailWorker();
}
