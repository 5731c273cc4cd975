/**
 * The one import of node-forge: only its ASN.1 module (with the util and oids it needs). `import forge from
 * 'node-forge'` loads every cipher, TLS and PKI module too (~300 KB bundled, all compiled at load) although the
 * project uses nothing but forge.asn1. And that module runs on first use, not on import: `kyma-cert inspect` and
 * the index read common certificates without forge (core/derFields.ts), and a CLI run pays for what it runs.
 */
import type * as Forge from 'node-forge';

let loaded: typeof Forge.asn1 | undefined;

export const asn1: typeof Forge.asn1 = new Proxy({} as typeof Forge.asn1, {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  get: (_target, property) => Reflect.get((loaded ??= require('node-forge/lib/asn1') as typeof Forge.asn1), property),
});
export type Asn1 = Forge.asn1.Asn1;
export type ByteStringBuffer = Forge.util.ByteStringBuffer;
