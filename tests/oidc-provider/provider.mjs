// A real OpenID Connect provider for the tests: oidc-provider (OpenID certified) with the authorization code
// flow and PKCE, a login form that checks a password, and RP-initiated logout. Started by the test fixture
// (tests/KenJeKlant.Tests/Beveiliging/OidcProvider.cs) as `node provider.mjs <instellingen.json>` with
//   { "issuer": "http://127.0.0.2:PORT", "client": { client metadata }, "accounts": [{ "id", "wachtwoord", "claims" }] }
// It prints "klaar <issuer>" when it listens. Grants, sessions and codes live in the provider's own memory:
// this process is the gemeente's identity provider for one test run, nothing of KenJeKlant is stored here.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const instellingen = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = new URL(instellingen.issuer);
const accounts = new Map(instellingen.accounts.map(a => [a.id, a]));

// A signing key of its own for every run: nothing to keep in the repository.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const sleutel = { ...privateKey.export({ format: 'jwk' }), kid: 'test-' + randomBytes(4).toString('hex'), use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer.href.replace(/\/$/, ''), {
  clients: [instellingen.client],
  jwks: { keys: [sleutel] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // Where a gemeente's provider keeps what KenJeKlant needs: its roles and the medewerker id, under a scope of their own.
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    kenjeklant: ['roles', 'medewerker_id'],
  },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const account = accounts.get(id);
    if (!account) return undefined;
    return { accountId: id, async claims() { return { sub: id, preferred_username: id, ...account.claims }; } };
  },
});

const callback = provider.callback();

const server = createServer(async (req, res) => {
  try {
    const pad = new URL(req.url, issuer).pathname;
    if (pad.startsWith('/interaction/')) await interactie(req, res);
    else callback(req, res);
  } catch (fout) {
    console.error(fout);
    if (!res.headersSent) { res.statusCode = 500; res.end('fout in de test-provider: ' + fout.message); }
  }
});

/** The login: a form that checks the password; consent is the gemeente's for its own application, not asked per person. */
async function interactie(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, uid } = details;
  if (prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes || {})) grant.addResourceScope(indicator, scopes.join(' '));
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    return;
  }
  if (req.method === 'POST') {
    const formulier = new URLSearchParams(await lees(req));
    const account = accounts.get(formulier.get('gebruikersnaam') || '');
    if (account && account.wachtwoord === formulier.get('wachtwoord')) {
      await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
      return;
    }
    return toonLogin(res, uid, 'Gebruikersnaam of wachtwoord klopt niet.');
  }
  return toonLogin(res, uid);
}

function toonLogin(res, uid, fout) {
  res.statusCode = fout ? 401 : 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Inloggen bij de gemeente</title></head><body>
<main><h1>Inloggen bij de gemeente</h1>${fout ? `<p role="alert">${fout}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
<p><label for="gebruikersnaam">Gebruikersnaam bij de gemeente</label> <input id="gebruikersnaam" name="gebruikersnaam" autocomplete="username" required></p>
<p><label for="wachtwoord">Wachtwoord bij de gemeente</label> <input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Inloggen bij de gemeente</button></p>
</form></main></body></html>`);
}

async function logoutSource(ctx, form) {
  ctx.body = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Uitloggen bij de gemeente</title></head><body>
<main><h1>Uitloggen bij de gemeente?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen bij de gemeente</button>
<button type="submit" form="op.logoutForm">Nee, ingelogd blijven</button></main></body></html>`;
}

function lees(req) {
  return new Promise((klaar, fout) => {
    let tekst = '';
    req.setEncoding('utf8');
    req.on('data', deel => { tekst += deel; if (tekst.length > 10_000) req.destroy(new Error('te groot')); });
    req.on('end', () => klaar(tekst));
    req.on('error', fout);
  });
}

server.listen(Number(issuer.port), issuer.hostname, () => console.log('klaar ' + issuer.href));
// The fixture ends this process; an orphan (the test process killed hard) ends with its stdin.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
