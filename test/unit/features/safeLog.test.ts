/** The editor's log boundary (issue 7, rows 10 and 11): no token, no raw control characters, whatever is logged. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { KymaCertError, messageOf } from '../../../src/core/errors';
import { safeLog } from '../../../src/features/safeLog';

test('safeLog escapes and masks every line; messageOf (notifications) does the same', () => {
  const lines: string[] = [];
  const record = (message: unknown): void => void lines.push(String(message));
  const fake = { info: record, warn: record, error: record, appendLine: record, name: 'x', show: () => undefined };
  const log = safeLog(fake as unknown as vscode.LogOutputChannel);
  log.info('Redeeming https://h/x?token=SECRET1234\nRenewed forged');
  log.error(new Error('\u001b[2Jboom token=SECRET1234'));
  log.warn('\u202eevil');
  assert.equal(log.name, 'x');
  for (const line of lines) {
    assert.ok(!line.includes('SECRET1234'), line);
    assert.ok(!/[\u0000-\u001f\u202e]/.test(line), JSON.stringify(line));
  }
  const shown = messageOf(new KymaCertError('server', 'Reading failed (HTTP 500): \u001b[32mRenewed\nok'));
  assert.ok(!/[\u0000-\u001f]/.test(shown), JSON.stringify(shown));
});
