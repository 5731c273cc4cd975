/**
 * Client for the runner's DOM bridge (HARNESS_UI_URL): lets tests in the extension host read and drive the
 * real workbench page. Selectors are Playwright selectors (CSS, `>> text=…`, `:has-text(…)`).
 */
import { request } from 'node:http';

/** Selectors verified against code-server 4.99.4 (VS Code 1.99.3). */
export const Selectors = {
  statusBar: '[id="workbench.parts.statusbar"]',
  statusBarItem: '[id="workbench.parts.statusbar"] .statusbar-item',
  /**
   * A status bar item by its DOM id: for `createStatusBarItem('status', …)` in extension kyma-cert.kyma-cert the
   * element id is 'kyma-cert.kyma-cert.status' (extension id + "." + item id).
   */
  statusBarItemById: (id: string) => `[id="workbench.parts.statusbar"] [id="${id}"]`,
  notificationToast: '.notifications-toasts .notification-toast',
  notificationMessage: '.notifications-toasts .notification-list-item-message',
  /** Action buttons of toasts (e.g. showWarningMessage(msg, 'Renew') → a button with text 'Renew'). */
  notificationButton: '.notifications-toasts .notification-list-item-buttons-container .monaco-button',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  contextMenuItem: '.context-view .monaco-menu .action-item',
  contextMenuLabel: '.context-view .monaco-menu .action-label',
  hover: '.monaco-hover',
  hoverContents: '.monaco-hover .hover-contents',
  editorLine: '.monaco-editor .view-lines .view-line',
  /** A rendered token of the active editor containing `text`: hover this (not the whole line) to get a hover fast. */
  editorText: (text: string) => `.monaco-editor .view-lines .view-line span >> text=${text}`,
  quickInput: '.quick-input-widget',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  /** The "Restricted Mode" status bar item shown when the folder is untrusted. */
  restrictedModeIndicator: '[id="workbench.parts.statusbar"] [id="status.workspaceTrust"]',
} as const;

export type WaitState = 'attached' | 'detached' | 'visible' | 'hidden';
export type MouseButton = 'left' | 'right' | 'middle';

interface BridgeAnswer {
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** True when the suite runs under test/host/runner.mjs (the bridge exists). */
export function uiAvailable(): boolean {
  return Boolean(process.env.HARNESS_UI_URL);
}

function call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
  const url = process.env.HARNESS_UI_URL;
  if (!url) return Promise.reject(new Error('HARNESS_UI_URL not set: not run by test/host/runner.mjs'));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => {
        try {
          const answer = JSON.parse(body) as BridgeAnswer;
          if (answer.ok) resolve(answer.result as T);
          else reject(new Error(`ui.${op}: ${answer.error}`));
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify({ op, ...args }));
  });
}

/** The DOM bridge operations on one workbench window (undefined: the test window). Timeouts are in ms (default 15 s). */
function windowUi(window?: number) {
  return {
    /** Trimmed textContent of every element matching `selector` (empty array when none). */
    texts: (selector: string): Promise<string[]> => call('texts', { selector, window }),
    /** Number of elements matching `selector` right now. */
    count: (selector: string): Promise<number> => call('count', { selector, window }),
    /** Waits until the first match reaches `state` (default visible); rejects on timeout. */
    waitFor: (selector: string, options: { state?: WaitState; timeout?: number } = {}): Promise<true> => call('waitFor', { selector, window, ...options }),
    /** Clicks the first match (waits for it to be actionable). */
    click: (selector: string, options: { button?: MouseButton; timeout?: number } = {}): Promise<true> => call('click', { selector, window, ...options }),
    /** Moves the mouse over the first match (e.g. an editor word to trigger a hover). */
    hover: (selector: string, options: { timeout?: number } = {}): Promise<true> => call('hover', { selector, window, ...options }),
    /** Presses a key or chord in the page, e.g. 'Escape', 'Enter', 'Control+Shift+P'. */
    press: (key: string): Promise<true> => call('press', { key, window }),
    /** Types text into whatever has focus (e.g. a quick input). */
    type: (text: string): Promise<true> => call('type', { text, window }),
    /** outerHTML of the first match, or the whole page when no selector is given. */
    html: (selector?: string): Promise<string> => call('html', { selector, window }),
  };
}

export const ui = {
  ...windowUi(),
  /** Saves a PNG (page, or the first match of `selector`); relative paths go to the runner's --screenshot-dir. Returns the absolute path. */
  screenshot: (path: string, selector?: string): Promise<string> => call('screenshot', { path, selector }),
  /**
   * Opens another workbench window on `folder` with the extension under development but no tests running in it:
   * it shows modal dialogs (the test window refuses them). Drive it with `ui.inWindow(n)`.
   */
  openWindow: (folder: string): Promise<number> => call('openWindow', { folder }),
  closeWindow: (window: number): Promise<true> => call('closeWindow', { window }),
  inWindow: (window: number) => windowUi(window),
};
