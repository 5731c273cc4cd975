/**
 * Finds the certificates, private keys and CSRs in a file, PEM (any number of blocks) or DER (one object).
 *
 * The scan is line by line with no backtracking regular expressions, so hostile input costs linear time, and
 * the input is capped at MAX_INPUT_BYTES. A BEGIN/END block whose body is not valid base64 (or that has no END
 * line, or whose END label differs) is still reported, as kind `other` with `problem` saying why and on which
 * line: the editor can point at it, and the caller decides whether that is fatal.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { KymaCertError } from './errors';
import { TAG_BIT_STRING, TAG_CONTEXT_0_CONSTRUCTED, TAG_INTEGER, TAG_OCTET_STRING, TAG_SEQUENCE, readChildren, readTlv, tlvOid } from './der';

/** Largest input any parser accepts (4 MiB). Real certificate bundles are a few KiB. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

export type BlockKind = 'certificate' | 'private-key' | 'encrypted-private-key' | 'csr' | 'other';
export type KeyFormat = 'pkcs1' | 'pkcs8' | 'sec1';

/** One object found in a file. */
export interface CryptoBlock {
  kind: BlockKind;
  /** The PEM label (`CERTIFICATE`, `RSA PRIVATE KEY`, …); for DER input the label the object would have in PEM. */
  label: string;
  /** The decoded bytes (empty when the block has a `problem`). */
  der: Buffer;
  /** 0-based line of the BEGIN line (DER: 0). */
  startLine: number;
  /** 0-based line of the END line, inclusive (DER: 0; a block without END: the last line scanned). */
  endLine: number;
  /** For private keys (plain or encrypted): the key structure. */
  keyFormat?: KeyFormat;
  /** Set when the block could not be decoded (kind is then `other`), e.g. `invalid base64 on line 7`. */
  problem?: string;
  /**
   * Legacy encrypted keys only (`Proc-Type: 4,ENCRYPTED`): the RFC 1421 header lines (`DEK-Info: DES-EDE3-CBC,…`),
   * which hold the cipher and IV needed to decrypt `der`.
   */
  pemHeaders?: string[];
}

export interface ParsedFile {
  format: 'pem' | 'der' | 'none';
  blocks: CryptoBlock[];
}

interface LabelInfo {
  kind: BlockKind;
  keyFormat?: KeyFormat;
}

const LABELS: Readonly<Record<string, LabelInfo>> = {
  CERTIFICATE: { kind: 'certificate' },
  'X509 CERTIFICATE': { kind: 'certificate' },
  'TRUSTED CERTIFICATE': { kind: 'certificate' },
  'RSA PRIVATE KEY': { kind: 'private-key', keyFormat: 'pkcs1' },
  'PRIVATE KEY': { kind: 'private-key', keyFormat: 'pkcs8' },
  'EC PRIVATE KEY': { kind: 'private-key', keyFormat: 'sec1' },
  'ENCRYPTED PRIVATE KEY': { kind: 'encrypted-private-key', keyFormat: 'pkcs8' },
  'CERTIFICATE REQUEST': { kind: 'csr' },
  'NEW CERTIFICATE REQUEST': { kind: 'csr' },
};

/** Throws `too-large` when the input is above the cap. */
export function assertInputSize(data: Buffer | string, what = 'input'): void {
  const size = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
  if (size > MAX_INPUT_BYTES) {
    throw new KymaCertError(
      'too-large',
      `${what} is ${size} bytes, above the ${MAX_INPUT_BYTES}-byte limit`,
      'Certificate, key and CSR files are a few kilobytes; check that the right file was chosen.',
    );
  }
}

/**
 * Finds every certificate, private key and CSR in `data`.
 * PEM text → format `pem` (every BEGIN/END block, unknown labels as `other`); DER → format `der` with one block;
 * text without any BEGIN line → `none`. Throws `too-large` above MAX_INPUT_BYTES, `parse` for binary that is not
 * a DER certificate, key or CSR.
 */
export function parseCryptoFile(data: Buffer | string): ParsedFile {
  assertInputSize(data);
  if (typeof data === 'string') return scanPemText(data);
  if (data.length > 0 && data[0] === TAG_SEQUENCE) {
    const block = detectDer(data);
    if (block) return { format: 'der', blocks: [block] };
  }
  if (data.includes('-----BEGIN ') || !looksBinary(data)) {
    return scanPemText(data.toString('utf8'));
  }
  throw new KymaCertError('parse', 'binary file is not a DER certificate, private key or CSR');
}

/** Heuristic: NUL or other C0 control bytes (other than tab, LF, VT, FF, CR, ESC) mean "not text". */
function looksBinary(data: Buffer): boolean {
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// PEM

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';

function labelOf(line: string, prefix: string): string | undefined {
  if (!line.startsWith(prefix) || !line.endsWith(DASHES) || line.length < prefix.length + DASHES.length) return undefined;
  return line.slice(prefix.length, line.length - DASHES.length).trim();
}

function isBase64Char(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2b || // +
    code === 0x2f // /
  );
}

interface OpenBlock {
  label: string;
  startLine: number;
  headers: string[];
  inHeaders: boolean;
  base64: string[];
  padded: boolean;
  problem?: string;
}

function scanPemText(text: string): ParsedFile {
  return scanTidyPem(text) ?? scanPemLines(text);
}

/** A block body as OpenSSL writes it: lines of base64, padding only at the end of the last one. */
const TIDY_BODY = /^(?:[A-Za-z0-9+/]+\r?\n)*[A-Za-z0-9+/]*={0,2}\r?\n$/;

/**
 * The usual PEM file (what OpenSSL and kyma-cert write) without splitting it into lines: LF or CRLF line breaks,
 * BEGIN and END lines without surrounding whitespace, plain base64 bodies, no headers, and no `-----` in the text
 * between blocks. Gives exactly what scanPemLines gives for such text (the same finishBlock checks), and
 * undefined for anything else, which scanPemLines then reads. Linear: each character is looked at a few times.
 */
function scanTidyPem(text: string): ParsedFile | undefined {
  if (/\r(?!\n)/.test(text)) return undefined; // a lone CR breaks lines too
  const blocks: CryptoBlock[] = [];
  let pos = 0; // always at the start of a line
  let line = 0; // the line number at pos
  for (;;) {
    const begin = text.indexOf(DASHES, pos);
    if (begin < 0) break;
    if (begin > 0 && text[begin - 1] !== '\n') return undefined;
    line += newlinesIn(text, pos, begin);
    const beginEnd = text.indexOf('\n', begin);
    if (beginEnd < 0) return undefined;
    const label = labelOf(text.slice(begin, text[beginEnd - 1] === '\r' ? beginEnd - 1 : beginEnd), BEGIN);
    if (!label || label !== label.trim()) return undefined;
    const endMarker = `\n${END}${label}${DASHES}`;
    const endAt = text.indexOf(endMarker, beginEnd);
    if (endAt < 0) return undefined;
    const body = text.slice(beginEnd + 1, endAt + 1);
    if (!TIDY_BODY.test(body)) return undefined;
    let after = endAt + endMarker.length;
    if (text[after] === '\r') after++;
    if (after < text.length && text[after] !== '\n') return undefined;
    const startLine = line;
    line += 1 + newlinesIn(body, 0, body.length); // the END line
    const open: OpenBlock = { label, startLine, headers: [], inHeaders: false, base64: [body.replace(/\r?\n/g, '')], padded: false };
    blocks.push(finishBlock(open, line, undefined));
    if (after >= text.length) return { format: 'pem', blocks };
    pos = after + 1;
    line++;
  }
  return { format: blocks.length > 0 ? 'pem' : 'none', blocks };
}

function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The general scanner, line by line (exported for the property test that holds scanTidyPem to it). */
export function scanPemLines(text: string): ParsedFile {
  const blocks: CryptoBlock[] = [];
  // A split on line terminators is linear; CRLF, LF and lone CR all work.
  const lines = text.split(/\r\n|\r|\n/);
  let open: OpenBlock | undefined;
  let sawBegin = false;

  const close = (block: OpenBlock, endLine: number, problem?: string): void => {
    blocks.push(finishBlock(block, endLine, problem ?? block.problem));
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const beginLabel = labelOf(line, BEGIN);
    if (beginLabel !== undefined) {
      if (open) close(open, i - 1, `no END line for BEGIN ${open.label} on line ${open.startLine + 1}`);
      open = { label: beginLabel, startLine: i, headers: [], inHeaders: true, base64: [], padded: false };
      sawBegin = true;
      continue;
    }
    if (!open) continue; // text outside blocks (openssl's "subject=…" lines, comments, garbage) is ignored
    const endLabel = labelOf(line, END);
    if (endLabel !== undefined) {
      const problem = endLabel === open.label ? undefined : `END ${endLabel} on line ${i + 1} does not match BEGIN ${open.label}`;
      close(open, i, problem);
      open = undefined;
      continue;
    }
    if (open.problem) continue; // already broken: skip to END
    if (open.inHeaders) {
      // RFC 1421 headers (Proc-Type, DEK-Info) come before the base64, ended by a blank line.
      if (line === '' && open.headers.length > 0) {
        open.inHeaders = false;
        continue;
      }
      if (line.includes(':')) {
        open.headers.push(line);
        continue;
      }
      if (open.headers.length > 0 && /^[ \t]/.test(lines[i]) && line !== '') {
        open.headers[open.headers.length - 1] += ` ${line}`; // folded header line
        continue;
      }
      open.inHeaders = false;
    }
    addBase64Line(open, lines[i], i);
  }
  if (open) close(open, lines.length - 1, `no END line for BEGIN ${open.label} on line ${open.startLine + 1}`);
  return { format: sawBegin ? 'pem' : 'none', blocks };
}

/** A line of nothing but base64 characters (no padding, no whitespace): nearly every line of a PEM body. */
const PLAIN_BASE64_LINE = /^[A-Za-z0-9+/]+$/;

function addBase64Line(block: OpenBlock, rawLine: string, lineIndex: number): void {
  if (!block.padded && PLAIN_BASE64_LINE.test(rawLine)) {
    block.base64.push(rawLine); // what the loop below would keep, without copying it character by character
    return;
  }
  let clean = '';
  for (let j = 0; j < rawLine.length; j++) {
    const code = rawLine.charCodeAt(j);
    if (code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c) continue; // whitespace inside base64
    if (code === 0x3d) {
      // '=' is padding: only at the end of the data
      block.padded = true;
      clean += '=';
      continue;
    }
    if (!isBase64Char(code) || block.padded) {
      block.problem = `invalid base64 on line ${lineIndex + 1}`;
      return;
    }
    clean += rawLine[j];
  }
  if (clean !== '') block.base64.push(clean);
}

function finishBlock(block: OpenBlock, endLine: number, problem: string | undefined): CryptoBlock {
  const base = { label: block.label, startLine: block.startLine, endLine: Math.max(endLine, block.startLine) };
  if (problem) return { ...base, kind: 'other', der: Buffer.alloc(0), problem };
  const b64 = block.base64.join('');
  const unpadded = b64.replace(/=+$/, '');
  if (unpadded.includes('=') || b64.length - unpadded.length > 2 || unpadded.length % 4 === 1) {
    return { ...base, kind: 'other', der: Buffer.alloc(0), problem: `invalid base64 padding in block starting on line ${block.startLine + 1}` };
  }
  if (unpadded.length === 0) {
    return { ...base, kind: 'other', der: Buffer.alloc(0), problem: `empty block starting on line ${block.startLine + 1}` };
  }
  let der = Buffer.from(unpadded, 'base64');
  const info: LabelInfo = LABELS[block.label] ?? { kind: 'other' };
  const encryptedLegacy = block.headers.some((h) => /^proc-type:\s*4\s*,\s*encrypted\b/i.test(h));
  if (block.label === 'TRUSTED CERTIFICATE') {
    // OpenSSL appends trust settings after the certificate; keep only the certificate itself.
    const first = readTlv(der);
    if (first) der = der.subarray(0, first.end);
  }
  if (encryptedLegacy && info.kind === 'private-key') {
    return { ...base, kind: 'encrypted-private-key', der, keyFormat: info.keyFormat, pemHeaders: [...block.headers] };
  }
  return info.keyFormat ? { ...base, kind: info.kind, der, keyFormat: info.keyFormat } : { ...base, kind: info.kind, der };
}

// ---------------------------------------------------------------------------------------------
// DER

/** Identifies a single DER object; undefined when it is none of the kinds we know. */
function detectDer(data: Buffer): CryptoBlock | undefined {
  const outer = readTlv(data);
  if (!outer || outer.tag !== TAG_SEQUENCE) return undefined;
  const der = data.subarray(0, outer.end); // trailing bytes after the object are ignored
  const at = { startLine: 0, endLine: 0 };

  if (looksLikeCertificate(der)) {
    try {
      new X509Certificate(der);
      return { kind: 'certificate', label: 'CERTIFICATE', der, ...at };
    } catch {
      // fall through: structurally similar but not a certificate
    }
  }
  for (const [type, label] of [
    ['pkcs8', 'PRIVATE KEY'],
    ['pkcs1', 'RSA PRIVATE KEY'],
    ['sec1', 'EC PRIVATE KEY'],
  ] as const) {
    try {
      createPrivateKey({ key: der, format: 'der', type });
      return { kind: 'private-key', label, der, keyFormat: type, ...at };
    } catch {
      // try the next structure
    }
  }
  if (looksLikeEncryptedPkcs8(der)) {
    return { kind: 'encrypted-private-key', label: 'ENCRYPTED PRIVATE KEY', der, keyFormat: 'pkcs8', ...at };
  }
  if (looksLikeCsr(der)) return { kind: 'csr', label: 'CERTIFICATE REQUEST', der, ...at };
  return undefined;
}

/** Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm SEQUENCE, signature BIT STRING } */
function looksLikeCertificate(der: Buffer): boolean {
  const outer = readTlv(der);
  const parts = outer && readChildren(der, outer);
  if (!parts || parts.length !== 3) return false;
  if (parts[0].tag !== TAG_SEQUENCE || parts[1].tag !== TAG_SEQUENCE || parts[2].tag !== TAG_BIT_STRING) return false;
  const tbs = readChildren(der, parts[0]);
  // A CSR has the same outer shape; its info starts with INTEGER then Name, a certificate's with [0] version or serial.
  return !!tbs && tbs.length >= 6;
}

/** EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING } */
function looksLikeEncryptedPkcs8(der: Buffer): boolean {
  const outer = readTlv(der);
  const parts = outer && readChildren(der, outer);
  if (!parts || parts.length !== 2 || parts[0].tag !== TAG_SEQUENCE || parts[1].tag !== TAG_OCTET_STRING) return false;
  const alg = readChildren(der, parts[0]);
  const oid = alg && alg.length > 0 ? tlvOid(der, alg[0]) : undefined;
  // PBES2 (1.2.840.113549.1.5.13), PKCS#5 v1 (1.2.840.113549.1.5.x) and PKCS#12 PBE (1.2.840.113549.1.12.1.x)
  return !!oid && (oid.startsWith('1.2.840.113549.1.5.') || oid.startsWith('1.2.840.113549.1.12.1.'));
}

/**
 * CertificationRequest ::= SEQUENCE { info SEQUENCE { version INTEGER, subject Name, spki SEQUENCE, [0] attributes },
 * signatureAlgorithm SEQUENCE, signature BIT STRING }
 */
export function looksLikeCsr(der: Buffer): boolean {
  const outer = readTlv(der);
  const parts = outer && readChildren(der, outer);
  if (!parts || parts.length !== 3) return false;
  if (parts[0].tag !== TAG_SEQUENCE || parts[1].tag !== TAG_SEQUENCE || parts[2].tag !== TAG_BIT_STRING) return false;
  const info = readChildren(der, parts[0]);
  return (
    !!info &&
    info.length === 4 &&
    info[0].tag === TAG_INTEGER &&
    info[1].tag === TAG_SEQUENCE &&
    info[2].tag === TAG_SEQUENCE &&
    info[3].tag === TAG_CONTEXT_0_CONSTRUCTED
  );
}

/** The blocks of one kind. */
export function blocksOfKind(file: ParsedFile, kind: BlockKind): CryptoBlock[] {
  return file.blocks.filter((b) => b.kind === kind);
}
