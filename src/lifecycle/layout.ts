import { X509Certificate } from 'node:crypto';

/** What a certificate file looks like, so that a renewed file can look the same. */
export interface CertificateFileLayout {
  format: 'pem' | 'der';
  /** The original bytes. */
  data: Buffer;
  /** DER of the certificate in the file that is the client certificate (the one matching the key). */
  clientDer: Buffer;
}

const CERT_BLOCK = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----[\s\S]*?-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;

function derOfBlock(block: string): Buffer | undefined {
  const body = block.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  try {
    return new X509Certificate(Buffer.from(body, 'base64')).raw;
  } catch {
    return undefined;
  }
}

function trimPem(pem: string): string {
  return pem.trim().replace(/\r\n/g, '\n');
}

/**
 * The renewed certificate file in the layout of the old one: a DER file stays one DER certificate; in a PEM file the
 * client certificate block is replaced in place, and if the file also held CA certificates, the first of them is
 * replaced by the new CA chain and the rest dropped. Everything else (comments, other blocks, line endings, a final
 * newline or its absence) is kept byte for byte.
 */
export function renderRenewedCertificateFile(layout: CertificateFileLayout, clientPem: string, caPem: string): Buffer {
  const newClient = new X509Certificate(clientPem);
  if (layout.format === 'der') return Buffer.from(newClient.raw);

  const text = layout.data.toString('utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const withEol = (pem: string): string => trimPem(pem).replace(/\n/g, eol);
  const blocks = [...text.matchAll(CERT_BLOCK)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
  const clientIndex = blocks.findIndex((b) => derOfBlock(b.text)?.equals(layout.clientDer));
  if (clientIndex < 0) {
    // Should not happen (we found the client certificate in this very file); fall back to the canonical layout.
    return Buffer.from(`${withEol(clientPem)}${eol}${blocks.length > 1 ? `${withEol(caPem)}${eol}` : ''}`, 'utf8');
  }

  let out = '';
  let cursor = 0;
  let caWritten = false;
  blocks.forEach((block, i) => {
    out += text.slice(cursor, block.start);
    cursor = block.end;
    if (i === clientIndex) {
      out += withEol(clientPem);
    } else if (!caWritten) {
      out += withEol(caPem);
      caWritten = true;
    } else {
      // A further old CA block: drop it together with the line break that followed it.
      if (text.startsWith(eol, cursor)) cursor += eol.length;
      else if (out.endsWith(eol)) out = out.slice(0, -eol.length);
    }
  });
  out += text.slice(cursor);
  return Buffer.from(out, 'utf8');
}
