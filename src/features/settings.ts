import * as vscode from 'vscode';
import { SETTINGS_SECTION, SettingKey, settingId } from '../constants';
import { DEFAULT_THRESHOLDS, ExpiryThresholds } from '../core/expiry';

/** One typed, immutable snapshot of the `kymaCert.*` settings. */
export interface Settings {
  readonly thresholds: ExpiryThresholds;
  /** Globs (relative to each workspace folder) of files to index. */
  readonly include: readonly string[];
  /** Globs never indexed, on top of `files.exclude`. */
  readonly exclude: readonly string[];
  readonly maxFileSizeBytes: number;
  /** Certificate → key file pairs (paths relative to the workspace folder) that override the naming rules. */
  readonly keyFiles: Readonly<Record<string, string>>;
  /** Machine-scoped: where renewal sends the client certificate. Empty when unset. */
  readonly managementInfoUrl: string;
  readonly clusterDomain: string;
  readonly caFile: string;
  readonly insecure: boolean;
  /** Keep encrypted keys' passphrases in SecretStorage (opt-in). */
  readonly rememberKeyPassphrase: boolean;
  /** Renew with a new key (`renew --new-key`). */
  readonly rotateKey: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  thresholds: { ...DEFAULT_THRESHOLDS },
  include: ['**/*.{crt,pem,cer,der}'],
  exclude: ['**/.kyma-backups/**', '**/node_modules/**'],
  maxFileSizeBytes: 512 * 1024,
  keyFiles: {},
  managementInfoUrl: '',
  clusterDomain: '',
  caFile: '',
  insecure: false,
  rememberKeyPassphrase: false,
  rotateKey: false,
};

/** Reads the current settings; invalid values fall back to the defaults instead of breaking the index. */
export function readSettings(configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION)): Settings {
  const number = (key: SettingKey, fallback: number, min: number, max = Number.POSITIVE_INFINITY): number => {
    const value = configuration.get<unknown>(key);
    return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
  };
  const strings = (key: SettingKey, fallback: readonly string[]): readonly string[] => {
    const value = configuration.get<unknown>(key);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
  };
  const text = (key: SettingKey): string => {
    const value = configuration.get<unknown>(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const rawKeyFiles = configuration.get<unknown>('keyFiles');
  const keyFiles: Record<string, string> = {};
  if (rawKeyFiles && typeof rawKeyFiles === 'object') {
    for (const [cert, key] of Object.entries(rawKeyFiles)) if (typeof key === 'string') keyFiles[cert] = key;
  }
  const d = DEFAULT_SETTINGS;
  return {
    thresholds: {
      warnDays: number(SettingKey.warningDays, d.thresholds.warnDays, 0),
      warnFraction: number(SettingKey.warningFraction, d.thresholds.warnFraction, 0, 1),
      errorDays: number(SettingKey.errorDays, d.thresholds.errorDays, 0),
    },
    include: strings(SettingKey.include, d.include),
    exclude: strings(SettingKey.exclude, d.exclude),
    maxFileSizeBytes: number(SettingKey.maxFileSizeKb, d.maxFileSizeBytes / 1024, 1) * 1024,
    keyFiles,
    managementInfoUrl: text(SettingKey.managementInfoUrl),
    clusterDomain: text(SettingKey.clusterDomain),
    caFile: text(SettingKey.caFile),
    insecure: configuration.get<unknown>(SettingKey.insecure) === true,
    rememberKeyPassphrase: configuration.get<unknown>(SettingKey.rememberKeyPassphrase) === true,
    rotateKey: configuration.get<unknown>(SettingKey.renewalRotateKey) === true,
  };
}

/** What changed between two snapshots, for listeners that only care about some settings. */
export interface SettingsChange {
  readonly previous: Settings;
  readonly current: Settings;
  affects(key: SettingKey | 'keyFiles'): boolean;
}

/** Holds the current snapshot and re-reads it only when a `kymaCert.*` setting changed. */
export class SettingsService implements vscode.Disposable {
  private snapshot = readSettings();
  private readonly changed = new vscode.EventEmitter<SettingsChange>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the snapshot was replaced. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      const previous = this.snapshot;
      this.snapshot = readSettings();
      this.changed.fire({
        previous,
        current: this.snapshot,
        affects: (key) => event.affectsConfiguration(key === 'keyFiles' ? `${SETTINGS_SECTION}.keyFiles` : settingId(key)),
      });
    });
  }

  get current(): Settings {
    return this.snapshot;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
