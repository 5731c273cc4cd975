import type * as vscode from 'vscode';
import { safeDisplayText } from '../core/displayText';

const MESSAGE_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'appendLine', 'append']);
/** A log line may quote a whole server answer; more than this is cut. */
const MAX_LOG_CHARS = 4000;

/**
 * The extension's log with every string message escaped and token-masked (core/displayText): a server's text
 * cannot start a forged log line or carry terminal escapes, and no one-time token reaches the log file, whichever
 * feature wrote the line. Error objects passed to `error` are reduced to their (escaped) message.
 */
export function safeLog(log: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(log, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === 'error') {
        return (message: unknown, ...rest: unknown[]) =>
          method.call(target, safeDisplayText(message instanceof Error ? message.message : String(message), MAX_LOG_CHARS), ...rest);
      }
      if (typeof property === 'string' && MESSAGE_METHODS.has(property)) {
        return (message: unknown, ...rest: unknown[]) =>
          method.call(target, typeof message === 'string' ? safeDisplayText(message, MAX_LOG_CHARS) : message, ...rest);
      }
      return method.bind(target);
    },
  });
}
