import type * as http from 'node:http';
import { errorReply, type Reply } from './reply';

/**
 * The internal API (tokens, revocation by hash, faults, direct issuance) has no authentication: on a developer's
 * machine, the one thing that can reach a loopback port besides the developer is a web page in their browser.
 * A page can send a cross-origin POST without asking first (no CORS preflight) only with a "simple" content type
 * (text/plain, form data) or none; so every internal request must say `Content-Type: application/json` (else 415).
 * A page that rebinds its own host name to 127.0.0.1 is same-origin and could send JSON, but browsers attach an
 * `Origin` header to every POST, and curl, Node and the tests never do: a request with one is refused (403).
 */
export function browserRefusal(req: http.IncomingMessage): Reply | undefined {
  if (req.headers.origin !== undefined) {
    return errorReply(403, 'The emulator internal API does not accept requests from web pages (Origin header present).');
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return errorReply(415, 'The emulator internal API needs Content-Type: application/json.');
  }
  return undefined;
}
