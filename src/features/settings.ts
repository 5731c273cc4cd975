/**
 * The settings as the editor sees them: one snapshot of the model in src/settingsModel.ts, replaced only when a
 * `kymaCert.*` setting changed. Nothing else calls `getConfiguration('kymaCert')`.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../constants';
import { SettingName, Settings, readSettings, settingId } from '../settingsModel';

export { DEFAULT_SETTINGS, settingId } from '../settingsModel';
export type { SettingName, Settings } from '../settingsModel';

function readFromWorkspace(): Settings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return readSettings((id) => configuration.get<unknown>(id));
}

/** What changed between two snapshots, for listeners that only care about some settings. */
export interface SettingsChange {
  readonly previous: Settings;
  readonly current: Settings;
  affects(name: SettingName): boolean;
}

/** Holds the current snapshot and re-reads it only when a `kymaCert.*` setting changed. */
export class SettingsService implements vscode.Disposable {
  private snapshot = readFromWorkspace();
  private readonly changed = new vscode.EventEmitter<SettingsChange>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the snapshot was replaced. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      const previous = this.snapshot;
      this.snapshot = readFromWorkspace();
      this.changed.fire({ previous, current: this.snapshot, affects: (name) => event.affectsConfiguration(settingId(name)) });
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
