/**
 * The proxy half of the agent factory (agent.ts), in a module of its own so that https-proxy-agent and its stack
 * are loaded only by a request that goes through a proxy.
 */
import type * as http from 'node:http';
import type { Socket } from 'node:net';
import type * as tls from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { describeProxy, PROXY_REFUSED } from './proxy';

/**
 * A CONNECT tunnel through the proxy (https-proxy-agent), then TLS to the target inside it with our context:
 * the proxy sees `CONNECT host:port` and encrypted bytes, never the key, the certificate's private half or the
 * plaintext. TLS options go only to the target's handshake, not to the proxy connection.
 */
export class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    private readonly via: URL,
    private readonly targetTls: tls.ConnectionOptions,
    idleSocketMs: number,
    /** Called with the target's TLS socket once the tunnel is up (the agent factory tracks handshakes). */
    private readonly onTunnelled: (socket: tls.TLSSocket) => void,
  ) {
    super(via, { keepAlive: true, timeout: idleSocketMs });
  }

  override async connect(req: http.ClientRequest, opts: Parameters<HttpsProxyAgent<string>['connect']>[1]): Promise<Socket> {
    let status = 0;
    req.once('proxyConnect', (answer: { statusCode: number }) => (status = answer.statusCode));
    let socket;
    try {
      socket = await super.connect(req, { ...opts, ...this.targetTls } as typeof opts);
    } catch (e) {
      const error = e as NodeJS.ErrnoException;
      error.message = `via proxy ${describeProxy(this.via)}: ${error.message}`;
      throw error;
    }
    if (status !== 200) {
      // https-proxy-agent would replay the proxy's answer as if the target had sent it (a 403 would read as
      // "revoked"): fail the request instead, naming the proxy and its status only.
      socket.destroy();
      const error: NodeJS.ErrnoException = new Error(`proxy ${describeProxy(this.via)} answered ${status} to CONNECT ${opts.host}:${opts.port}`);
      error.code = PROXY_REFUSED;
      (error as { proxyStatus?: number }).proxyStatus = status;
      throw error;
    }
    this.onTunnelled(socket as tls.TLSSocket);
    return socket;
  }
}
