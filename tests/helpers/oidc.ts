import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "./app-server";

export interface OidcAccount {
  email: string;
  name: string;
}

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/** Starts a loopback OpenID Connect provider that accepts the given login names for `redirectUri`. */
export async function startOidcProvider(opts: {
  redirectUri: string;
  accounts: Record<string, OidcAccount>;
}): Promise<RunningOidcProvider> {
  const port = await freePort();
  const clientId = "terminvergabe";
  const clientSecret = "oidc-test-secret-oidc-test-secret";
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, "oidc-provider.mjs")], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "development",
      OIDC_TEST_CONFIG: JSON.stringify({ port, clientId, clientSecret, redirectUri: opts.redirectUri, accounts: opts.accounts }),
    },
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`OIDC provider did not start:\n${output}`)), 15_000);
    child.stdout?.on("data", (d) => {
      output += d;
      if (output.includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on("data", (d) => (output += d));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`OIDC provider exited with ${code}:\n${output}`));
    });
  });
  return {
    issuer: `http://localhost:${port}`,
    clientId,
    clientSecret,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
