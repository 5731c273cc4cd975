"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ui = exports.Selectors = void 0;
exports.uiAvailable = uiAvailable;
/**
 * Client for the runner's DOM bridge (HARNESS_UI_URL): lets tests in the extension host read and drive the
 * real workbench page. Selectors are Playwright selectors (CSS, `>> text=…`, `:has-text(…)`).
 */
const node_http_1 = require("node:http");
/** Selectors verified against code-server 4.99.4 (VS Code 1.99.3). */
exports.Selectors = {
    statusBar: '[id="workbench.parts.statusbar"]',
    statusBarItem: '[id="workbench.parts.statusbar"] .statusbar-item',
    /**
     * A status bar item by its DOM id: for `createStatusBarItem('status', …)` in extension kyma-cert.kyma-cert the
     * element id is 'kyma-cert.kyma-cert.status' (extension id + "." + item id).
     */
    statusBarItemById: (id) => `[id="workbench.parts.statusbar"] [id="${id}"]`,
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
    editorText: (text) => `.monaco-editor .view-lines .view-line span >> text=${text}`,
    quickInput: '.quick-input-widget',
    quickInputRow: '.quick-input-widget .monaco-list-row',
    /** The "Restricted Mode" status bar item shown when the folder is untrusted. */
    restrictedModeIndicator: '[id="workbench.parts.statusbar"] [id="status.workspaceTrust"]',
};
/** True when the suite runs under test/host/runner.mjs (the bridge exists). */
function uiAvailable() {
    return Boolean(process.env.HARNESS_UI_URL);
}
function call(op, args = {}) {
    const url = process.env.HARNESS_UI_URL;
    if (!url)
        return Promise.reject(new Error('HARNESS_UI_URL not set: not run by test/host/runner.mjs'));
    return new Promise((resolve, reject) => {
        const req = (0, node_http_1.request)(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c) => { body += c; });
            res.on('end', () => {
                try {
                    const answer = JSON.parse(body);
                    if (answer.ok)
                        resolve(answer.result);
                    else
                        reject(new Error(`ui.${op}: ${answer.error}`));
                }
                catch (e) {
                    reject(e);
                }
            });
        });
        req.on('error', reject);
        req.end(JSON.stringify({ op, ...args }));
    });
}
/** The DOM bridge operations on one workbench window (undefined: the test window). Timeouts are in ms (default 15 s). */
function windowUi(window) {
    return {
        /** Trimmed textContent of every element matching `selector` (empty array when none). */
        texts: (selector) => call('texts', { selector, window }),
        /** Number of elements matching `selector` right now. */
        count: (selector) => call('count', { selector, window }),
        /** Waits until the first match reaches `state` (default visible); rejects on timeout. */
        waitFor: (selector, options = {}) => call('waitFor', { selector, window, ...options }),
        /** Clicks the first match (waits for it to be actionable). */
        click: (selector, options = {}) => call('click', { selector, window, ...options }),
        /** Moves the mouse over the first match (e.g. an editor word to trigger a hover). */
        hover: (selector, options = {}) => call('hover', { selector, window, ...options }),
        /** Presses a key or chord in the page, e.g. 'Escape', 'Enter', 'Control+Shift+P'. */
        press: (key) => call('press', { key, window }),
        /** Types text into whatever has focus (e.g. a quick input). */
        type: (text) => call('type', { text, window }),
        /** outerHTML of the first match, or the whole page when no selector is given. */
        html: (selector) => call('html', { selector, window }),
    };
}
exports.ui = {
    ...windowUi(),
    /** Saves a PNG (page, or the first match of `selector`); relative paths go to the runner's --screenshot-dir. Returns the absolute path. */
    screenshot: (path, selector) => call('screenshot', { path, selector }),
    /**
     * Opens another workbench window on `folder` with the extension under development but no tests running in it:
     * it shows modal dialogs (the test window refuses them). Drive it with `ui.inWindow(n)`.
     */
    openWindow: (folder) => call('openWindow', { folder }),
    closeWindow: (window) => call('closeWindow', { window }),
    inWindow: (window) => windowUi(window),
};
//# sourceMappingURL=ui.js.map