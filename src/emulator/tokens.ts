import { randomBytes } from 'node:crypto';

/** What a one-time token stands for in non-central mode: the application it was minted for. */
export interface TokenContext {
  readonly application: string;
}

/**
 * In-memory one-time tokens (the real service keeps them in go-cache, so they are lost on restart too).
 * A token is only removed by `consume`, which the handlers call after answering 200/201.
 */
export class TokenStore {
  private readonly tokens = new Map<string, { context: TokenContext; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  /** 64 random bytes, URL-safe base64 WITH padding (Go base64.URLEncoding): 88 characters ending in "==". */
  mint(context: TokenContext): string {
    const token = randomBytes(64).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    this.tokens.set(token, { context, expiresAt: this.now().getTime() + this.ttlMs });
    return token;
  }

  /** The context of a live token, or undefined for unknown, used or expired tokens. */
  resolve(token: string): TokenContext | undefined {
    const entry = this.tokens.get(token);
    if (entry === undefined) return undefined;
    if (this.now().getTime() > entry.expiresAt) {
      this.tokens.delete(token);
      return undefined;
    }
    return entry.context;
  }

  consume(token: string): void {
    this.tokens.delete(token);
  }
}
