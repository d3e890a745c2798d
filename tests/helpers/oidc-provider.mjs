// A real OpenID Connect provider (panva's oidc-provider, the library behind many certified servers) on loopback,
// standing in for the city's Keycloak or Entra ID. Runs as its own process because the library is ESM-only.
// Configuration comes as JSON in OIDC_TEST_CONFIG: { port, clientId, clientSecret, redirectUri, accounts }.
import Provider from "oidc-provider";

const config = JSON.parse(process.env.OIDC_TEST_CONFIG ?? "{}");
const issuer = `http://localhost:${config.port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uris: [config.redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  // Accounts by login name; the built-in development login page accepts any password.
  async findAccount(_ctx, id) {
    const account = config.accounts?.[id];
    if (!account) return undefined;
    return {
      accountId: id,
      claims: () => ({ sub: id, email: account.email, email_verified: true, name: account.name }),
    };
  },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  features: { devInteractions: { enabled: true } },
});

provider.listen(config.port, "127.0.0.1", () => {
  process.stdout.write(`ready ${issuer}\n`);
});
