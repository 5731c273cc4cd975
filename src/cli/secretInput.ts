import { KymaCertError } from '../core/errors';

/**
 * A secret given to the CLI (today the one-time token URL) without it sitting in the process list: `-` reads it
 * from standard input, and with no flag at all an environment variable is used. A value on the command line still
 * works (scripts use it), but anyone on the machine can see it with `ps`.
 */
export interface SecretSource {
  /** Where `-` reads from. Default: process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Where the variable is looked up. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/** A token is a line or a short document; more than this on standard input is a mistake (or a device). */
const MAX_STDIN_BYTES = 64 * 1024;

/**
 * The value of a secret flag: the flag's value, or standard input when it is `-`, or `envVar` when the flag is
 * absent. Leading/trailing whitespace (the newline of `echo`) is dropped. Undefined when none is given.
 */
export async function readSecretInput(flagValue: string | undefined, envVar: string, source: SecretSource = {}): Promise<string | undefined> {
  if (flagValue === '-') {
    const text = (await readAll(source.stdin ?? process.stdin, MAX_STDIN_BYTES)).trim();
    if (text === '') throw new KymaCertError('config', 'Standard input was empty; expected the secret on it.');
    return text;
  }
  if (flagValue !== undefined && flagValue !== '') return flagValue;
  const fromEnv = (source.env ?? process.env)[envVar]?.trim();
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function readAll(stream: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) {
        reject(new KymaCertError('too-large', `Standard input holds more than ${maxBytes / 1024} KiB; expected one secret.`));
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        return;
      }
      chunks.push(buffer);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
