/**
 * A real HTTP CONNECT proxy on loopback (port 0) that records what a corporate proxy would see: the CONNECT request
 * lines and headers, and every byte the client sent into each tunnel. `resolve` maps the requested host to where it
 * really connects (names like gateway.kyma.test, which only the proxy can resolve). `answer` makes it refuse.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Tunnel {
  /** `host:port` from the CONNECT line. */
  target: string;
  headers: http.IncomingHttpHeaders;
  /** Bytes from the client after the 200 (the TLS stream). */
  clientBytes: Buffer[];
}

export interface ConnectProxy {
  url: string;
  tunnels: Tunnel[];
  /** Requests that were not CONNECT (a proxy must never see plain requests for https URLs). */
  plainRequests: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(
  options: { resolve?: (host: string) => string; answer?: (req: http.IncomingMessage) => number | undefined } = {},
): Promise<ConnectProxy> {
  const tunnels: Tunnel[] = [];
  const plainRequests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    plainRequests.push(`${req.method} ${req.url}`);
    res.writeHead(400).end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    const tunnel: Tunnel = { target: req.url ?? '', headers: req.headers, clientBytes: head.length > 0 ? [head] : [] };
    tunnels.push(tunnel);
    const refusal = options.answer?.(req);
    if (refusal !== undefined) {
      client.end(`HTTP/1.1 ${refusal} Refused\r\n${refusal === 407 ? 'Proxy-Authenticate: Basic realm="corp"\r\n' : ''}Content-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = splitHostPort(tunnel.target);
    const upstream = net.connect(Number(port), options.resolve?.(host) ?? host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      client.on('data', (d: Buffer) => tunnel.clientBytes.push(Buffer.from(d)));
      client.pipe(upstream).pipe(client);
    });
    sockets.add(upstream);
    const close = (): void => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    client.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    plainRequests,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function splitHostPort(target: string): [string, string] {
  const i = target.lastIndexOf(':');
  return [target.slice(0, i).replace(/^\[|\]$/g, ''), target.slice(i + 1)];
}
