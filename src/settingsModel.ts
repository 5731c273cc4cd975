/**
 * The `kymaCert.*` settings, in one table: each property of {@link SETTINGS_MODEL} names one setting (its id under
 * `kymaCert.`), its default and how a raw value is checked. {@link Settings} is derived from the table, and
 * {@link readSettings} reads only the ids in it, so a setting that is not in the model cannot be read, and adding
 * one is one line here (plus its `contributes.configuration` entry, which a unit test compares with this table).
 * No `vscode` import: the editor passes `WorkspaceConfiguration.get`, tests pass a plain lookup.
 */
import { SETTINGS_SECTION } from './constants';
import { DEFAULT_THRESHOLDS, ExpiryThresholds } from './core/expiry';

/** How one setting is read: its id (relative to `kymaCert.`), its default, and a check of the raw value. */
interface Rule<T> {
  readonly id: string;
  readonly default: T;
  /** The value to use for `raw` (whatever the user wrote); invalid input falls back to the default. */
  read(raw: unknown): T;
}

function flag(id: string, fallback = false): Rule<boolean> {
  return { id, default: fallback, read: (raw) => (typeof raw === 'boolean' ? raw : fallback) };
}

function number(id: string, fallback: number, min: number, max = Number.POSITIVE_INFINITY): Rule<number> {
  return {
    id,
    default: fallback,
    read: (raw) => (typeof raw === 'number' && Number.isFinite(raw) && raw >= min && raw <= max ? raw : fallback),
  };
}

/** Free text, trimmed; empty when unset. */
function text(id: string): Rule<string> {
  return { id, default: '', read: (raw) => (typeof raw === 'string' ? raw.trim() : '') };
}

function strings(id: string, fallback: readonly string[]): Rule<readonly string[]> {
  return {
    id,
    default: fallback,
    read: (raw) => (Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : fallback),
  };
}

/** An object of string values (other values are dropped). */
function stringMap(id: string): Rule<Readonly<Record<string, string>>> {
  return {
    id,
    default: {},
    read: (raw) => {
      const map: Record<string, string> = {};
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
        for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') map[name] = value;
      }
      return map;
    },
  };
}

/** Every setting the extension reads. Property = how code reads it; `id` = how the user writes it. */
export const SETTINGS_MODEL = {
  warningDays: number('warningDays', DEFAULT_THRESHOLDS.warnDays, 0),
  warningFraction: number('warningFraction', DEFAULT_THRESHOLDS.warnFraction, 0, 1),
  errorDays: number('errorDays', DEFAULT_THRESHOLDS.errorDays, 0),
  /** Globs (relative to each workspace folder) of files to index. */
  include: strings('include', ['**/*.{crt,pem,cer,der}']),
  /** Globs never indexed, on top of `files.exclude`. */
  exclude: strings('exclude', ['**/.kyma-backups/**', '**/node_modules/**']),
  maxFileSizeKb: number('maxFileSizeKb', 512, 1, 4096),
  /** Certificate → key file pairs (paths relative to the workspace folder) that override the naming rules. */
  keyFiles: stringMap('keyFiles'),
  /** Machine-scoped: where renewal sends the client certificate. Empty when unset. */
  managementInfoUrl: text('managementInfoUrl'),
  clusterDomain: text('clusterDomain'),
  caFile: text('caFile'),
  insecure: flag('insecure'),
  autoRenewEnabled: flag('autoRenew.enabled'),
  /** Share of the validity period left when automatic renewal is due. */
  autoRenewThresholdFraction: number('autoRenew.thresholdFraction', 1 / 3, 0.01, 0.99),
  /** Keep encrypted keys' passphrases in SecretStorage (opt-in). */
  rememberKeyPassphrase: flag('rememberKeyPassphrase'),
  /** Renew with a new key (`renew --new-key`). */
  rotateKey: flag('renewal.rotateKey'),
} as const satisfies Record<string, Rule<unknown>>;

type Model = typeof SETTINGS_MODEL;

/** A setting's property name in {@link Settings}. */
export type SettingName = keyof Model;

/** A setting's id under `kymaCert.` (what the user writes, what `affectsConfiguration` takes). */
export type SettingKey = Model[SettingName]['id'];

/** Fully qualified setting id, e.g. `kymaCert.caFile`, for `affectsConfiguration`, messages and "Open Settings". */
export function settingId(name: SettingName): string {
  return `${SETTINGS_SECTION}.${SETTINGS_MODEL[name].id}`;
}

/** Values derived from several settings, kept next to them so every reader gets the same answer. */
interface DerivedSettings {
  readonly thresholds: ExpiryThresholds;
  readonly maxFileSizeBytes: number;
}

/** One typed, immutable snapshot of the `kymaCert.*` settings. */
export type Settings = { readonly [K in SettingName]: Model[K]['default'] } & DerivedSettings;

/** Reads every setting of the model through `get(id)`; invalid values fall back to the defaults. */
export function readSettings(get: (id: SettingKey) => unknown): Settings {
  const values = {} as Record<SettingName, unknown>;
  for (const name of Object.keys(SETTINGS_MODEL) as SettingName[]) {
    const rule: Rule<unknown> = SETTINGS_MODEL[name];
    values[name] = rule.read(get(rule.id as SettingKey));
  }
  return withDerived(values as { [K in SettingName]: Model[K]['default'] });
}

function withDerived(values: { readonly [K in SettingName]: Model[K]['default'] }): Settings {
  return {
    ...values,
    thresholds: { warnDays: values.warningDays, warnFraction: values.warningFraction, errorDays: values.errorDays },
    maxFileSizeBytes: values.maxFileSizeKb * 1024,
  };
}

/** The snapshot when nothing is set. */
export const DEFAULT_SETTINGS: Settings = readSettings(() => undefined);
