import { X509Certificate } from 'node:crypto';
import { parseCryptoFile } from '../core/pem';

/** What a certificate file looks like, so that a renewed file can look the same. */
export interface CertificateFileLayout {
  format: 'pem' | 'der';
  /** The original bytes. */
  data: Buffer;
  /** DER of the certificate in the file that is the client certificate (the one matching the key). */
  clientDer: Buffer;
}

/** Where a certificate block sits in the text: [start, end) character offsets from its BEGIN to its END dashes. */
interface BlockSpan {
  start: number;
  end: number;
  der: Buffer;
}

/**
 * The certificate blocks of `text` with their character offsets. It reuses the PEM scanner (one linear pass, no
 * backtracking) instead of a `BEGIN[\s\S]*?END` regular expression, which is quadratic on a file with thousands
 * of lone BEGIN lines (issue 7, row 15). Blocks the scanner could not decode are left out, so they are kept as
 * they are, byte for byte.
 */
function certificateSpans(text: string): BlockSpan[] {
  const lineStarts = lineStartOffsets(text);
  const spans: BlockSpan[] = [];
  for (const block of parseCryptoFile(text).blocks) {
    if (block.kind !== 'certificate' || block.problem !== undefined) continue;
    const first = lineAt(text, lineStarts, block.startLine);
    const last = lineAt(text, lineStarts, block.endLine);
    spans.push({
      start: lineStarts[block.startLine] + (first.length - first.trimStart().length),
      end: lineStarts[block.endLine] + last.trimEnd().length,
      der: block.der,
    });
  }
  return spans;
}

/** Offsets where each line starts, splitting exactly like the scanner (CRLF, LF or a lone CR). */
function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return starts;
}

function lineAt(text: string, starts: readonly number[], line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(starts[line], end).replace(/(?:\r\n|\r|\n)$/, '');
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
  const blocks = certificateSpans(text);
  const clientIndex = blocks.findIndex((b) => b.der.equals(layout.clientDer));
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
