import { randomBytes, randomUUID } from 'node:crypto';

/**
 * What the Director's database holds for the emulator (compass-connector-api.md §3.3, §9, §11): applications, their
 * SystemAuths (the identity a client certificate's CN carries) and each SystemAuth's single one-time token.
 */

export interface Application {
  readonly id: string;
  readonly name: string;
}

export interface SystemAuth {
  readonly id: string;
  readonly application: Application;
}

interface OneTimeToken {
  readonly token: string;
  readonly createdAt: Date;
  used: boolean;
  usedAt?: Date;
}

/** The Director's OneTimeTokenForApplication (GraphQL names), as the internal API and the Director stub return it. */
export interface OneTimeTokenForApplication {
  token: string;
  connectorURL: string;
  legacyConnectorURL: string;
  used: boolean;
  expiresAt: string;
  createdAt: string;
  usedAt: string;
  raw: string;
  rawEncoded: string;
  type: 'Application';
  scenarioGroups: null;
}

/** Go's zero time.Time in JSON: what `usedAt` holds for an unused token. */
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

export class CompassState {
  private readonly applications = new Map<string, Application>();
  private readonly systemAuths = new Map<string, SystemAuth>();
  private readonly tokens = new Map<string, OneTimeToken>();
  /** systemAuth id → its current token (a SystemAuth has at most one; minting replaces it). */
  private readonly tokenOf = new Map<string, string>();
  /** Lower-case hex SHA-256 of revoked certificates (the revocation ConfigMap). */
  readonly revoked = new Set<string>();

  constructor(
    readonly tokenTtlMs: number,
    readonly now: () => Date,
  ) {}

  /** The application of that name, created on first use (the Director stub has no registration API). */
  application(name: string): Application {
    for (const app of this.applications.values()) if (app.name === name) return app;
    const app = { id: randomUUID(), name };
    this.applications.set(app.id, app);
    return app;
  }

  applicationById(id: string): Application | undefined {
    return this.applications.get(id);
  }

  /** A new SystemAuth for the application: every admin token request without systemAuthID creates one (§3.3). */
  newSystemAuth(application: Application): SystemAuth {
    const auth = { id: randomUUID(), application };
    this.systemAuths.set(auth.id, auth);
    return auth;
  }

  systemAuth(id: string): SystemAuth | undefined {
    return this.systemAuths.get(id);
  }

  /** 64 random bytes, base64.URLEncoding (88 characters ending in "=="); replaces the SystemAuth's previous token. */
  mintToken(auth: SystemAuth): { token: string; createdAt: Date } {
    const previous = this.tokenOf.get(auth.id);
    if (previous !== undefined) this.tokens.delete(previous);
    const token = randomBytes(64).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    const createdAt = this.now();
    this.tokens.set(token, { token, createdAt, used: false });
    this.tokenOf.set(auth.id, token);
    return { token, createdAt };
  }

  /**
   * The hydrator's token check (§3.1): exact match, unused, `createdAt + TTL > now`. A valid token is marked used
   * right here, before any operation runs: it is spent whether or not the operation later succeeds.
   */
  redeem(token: string | undefined): SystemAuth | undefined {
    if (!token) return undefined;
    const entry = this.tokens.get(token);
    if (entry === undefined || entry.used) return undefined;
    if (entry.createdAt.getTime() + this.tokenTtlMs <= this.now().getTime()) return undefined;
    entry.used = true;
    entry.usedAt = this.now();
    for (const [authId, current] of this.tokenOf) if (current === token) return this.systemAuths.get(authId);
    return undefined;
  }

  /** The Director's answer for a freshly minted application token (§9), with `raw`/`rawEncoded` as Go builds them. */
  tokenForApplication(auth: SystemAuth, connectorUrl: string, adapterUrl: string): OneTimeTokenForApplication {
    const { token, createdAt } = this.mintToken(auth);
    const expiresAt = new Date(createdAt.getTime() + this.tokenTtlMs).toISOString();
    const raw = JSON.stringify({
      token,
      connectorURL: connectorUrl,
      used: false,
      expiresAt,
      createdAt: createdAt.toISOString(),
      usedAt: GO_ZERO_TIME,
      type: 'Application',
      scenario_groups: null,
    });
    return {
      token,
      connectorURL: connectorUrl,
      // Appended unescaped, as the Director does (§9); the token alphabet is URL-safe anyway.
      legacyConnectorURL: `${adapterUrl}/v1/applications/signingRequests/info?token=${token}`,
      used: false,
      expiresAt,
      createdAt: createdAt.toISOString(),
      usedAt: GO_ZERO_TIME,
      raw,
      rawEncoded: Buffer.from(raw, 'utf8').toString('base64'),
      type: 'Application',
      scenarioGroups: null,
    };
  }
}
