// Once per server process (Node runtime only): stamps each request with its socket's peer address, which the rate
// limits and the sign-in throttle rely on, and starts the e-mail outbox worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/server/security/client-address");
  installPeerAddressHeader();
  const { startAppMailWorker } = await import("./lib/server/mail-worker");
  startAppMailWorker();
}
