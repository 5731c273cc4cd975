/**
 * The command-line parser every subcommand uses, in a file of its own: `inspect` needs it without what args.ts
 * also brings for the gateway commands (the resolver, the proxy agent and its `net`/`tls`/`http` modules).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './output';

export type Options = NonNullable<ParseArgsConfig['options']>;

export type Values = Record<string, string | boolean | undefined>;

/** parseArgs with strict checking; its errors become usage errors (exit 2). */
export function parse(argv: readonly string[], options: Options, allowPositionals = false): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals, strict: true });
    return { values: values as Values, positionals };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
