/**
 * The one import of node-forge: only its ASN.1 module (with the util and oids it needs). `import forge from
 * 'node-forge'` loads every cipher, TLS and PKI module too (~300 KB bundled, all compiled at load) although the
 * project uses nothing but forge.asn1.
 */
import type * as Forge from 'node-forge';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const asn1: typeof Forge.asn1 = require('node-forge/lib/asn1');
export type Asn1 = Forge.asn1.Asn1;
export type ByteStringBuffer = Forge.util.ByteStringBuffer;
