import * as vscode from 'vscode';
import type { ProxySettings } from '../connector/proxy';

/**
 * VS Code's own proxy settings for the Connector Service requests: `http.proxy` (empty: the environment's
 * HTTPS_PROXY / HTTP_PROXY, as VS Code itself does) and `http.noProxy` (added to NO_PROXY). Loopback targets
 * always go direct. Read at each request, so a changed setting applies to the next renewal.
 */
export function vscodeProxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const url = http.get<string>('proxy')?.trim();
  const noProxy = http.get<string[]>('noProxy') ?? [];
  return { url: url ? url : undefined, noProxy: noProxy.filter((entry) => typeof entry === 'string') };
}
