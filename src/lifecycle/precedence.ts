/**
 * The precedence rule of the one resolver (`resolve.ts`) for the info URL and the server CA, as pure functions with
 * no heavy imports, so that always-loaded editor code (auto-renew) can apply it without pulling in the parsers.
 * Explicit (flags, per-certificate settings, prompt answers) > remembered `<name>.kyma.json` > workspace defaults.
 */
import * as path from 'node:path';
import type { RememberedConnection } from './connection';

/** Values the user named for this certificate (flags, per-certificate settings, prompt answers). Paths absolute or cwd-relative. */
export interface ExplicitChoices {
  keyFile?: string;
  /** Where an explicit key came from, for display (`setting` in the editor). Default `flag`. */
  keyFileFrom?: 'flag' | 'setting';
  infoUrl?: string;
  caFile?: string;
}

/** Workspace-wide defaults (editor settings); used only where neither an explicit value nor a remembered one exists. */
export interface WorkspaceDefaults {
  infoUrl?: string;
  caFile?: string;
}

/** The precedence rule for the URL and the CA alone, for callers that already hold the remembered connection. */
export function precedence(
  explicit: ExplicitChoices,
  remembered: RememberedConnection | undefined,
  defaults: WorkspaceDefaults,
): { infoUrl?: string; caFile?: string } {
  const caFile = explicit.caFile || remembered?.caFile || defaults.caFile || undefined;
  return { infoUrl: explicit.infoUrl || remembered?.infoUrl || defaults.infoUrl || undefined, caFile: caFile ? path.resolve(caFile) : undefined };
}

/** The management/info URL for a cluster domain (spec §1: `https://gateway.$DOMAIN/...`). */
export function infoUrlForDomain(domain: string): string {
  const host = domain
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  return `https://gateway.${host}/v1/applications/management/info`;
}

/** The editor's workspace-wide settings as defaults (`clusterDomain` gives the info URL when no URL is set). */
export function defaultsFromSettings(settings: { managementInfoUrl?: string; clusterDomain?: string; caFile?: string }): WorkspaceDefaults {
  return {
    infoUrl: settings.managementInfoUrl || (settings.clusterDomain ? infoUrlForDomain(settings.clusterDomain) : undefined),
    caFile: settings.caFile || undefined,
  };
}
