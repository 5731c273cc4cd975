import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeJsonText, redactSecrets, redactUrl, safeDisplayText, tokenOf } from '../../../src/core/displayText';
import { KymaCertError } from '../../../src/core/errors';

describe('safeDisplayText (issue 7, row 11)', () => {
  it('escapes ESC, CR, LF, other C0/C1 controls, DEL, separators and bidi overrides; keeps ordinary text', () => {
    assert.equal(safeDisplayText('\u001b[31mred\r\nRenewed\u0007'), '\\e[31mred\\r\\nRenewed\\x07');
    assert.equal(safeDisplayText('a\u0085b\u009bc\u007fd'), 'a\\x85b\\x9bc\\x7fd');
    assert.equal(safeDisplayText('x\u202eevil\u2066y\u2028z\u200f'), 'x\\u202eevil\\u2066y\\u2028z\\u200f');
    assert.equal(safeDisplayText('CN=Müller, O=株式会社 ✓'), 'CN=Müller, O=株式会社 ✓');
  });

  it('caps the length with an ellipsis and never splits a surrogate pair', () => {
    assert.equal(safeDisplayText('x'.repeat(50), 10), `${'x'.repeat(10)}…`);
    assert.equal(safeDisplayText(`${'x'.repeat(9)}😀`, 10), `${'x'.repeat(9)}…`);
    const huge = safeDisplayText('\n'.repeat(5_000_000));
    assert.ok(huge.length <= 1001);
  });
});

describe('token masking (issue 7, row 10)', () => {
  it('masks token values in URLs and free text, keeping the rest', () => {
    assert.equal(redactUrl('https://h:1/v1/info?token=abc123&x=1#frag'), 'https://h:1/v1/info?token=***&x=1');
    assert.equal(redactUrl('https://user:pw@h/p?Connector-Token=zz'), 'https://h/p?Connector-Token=***');
    assert.equal(redactUrl('https://a b/x?token=SECRET'), 'https://a b/x?token=***');
    assert.equal(redactSecrets('failed for "https://h/x?one_time_token=SECRET", retry'), 'failed for "https://h/x?one_time_token=***", retry');
    assert.equal(redactSecrets('bare SECRETVALUE here', ['SECRETVALUE']), 'bare *** here');
    assert.equal(JSON.parse(redactSecrets(JSON.stringify({ m: 'url "https://h?token=S3CR3T" end' }))).m, 'url "https://h?token=***" end');
    assert.equal(tokenOf('https://h/x?a=1&token=T0K'), 'T0K');
  });

  it('KymaCertError masks tokens in message and hint whoever builds it, and escapes the server text', () => {
    const e = new KymaCertError('network', 'cannot reach https://h/x?token=SECRET', 'try https://h/x?token=SECRET again', { serverMessage: 'a\nb' });
    assert.ok(!JSON.stringify(e).includes('SECRET'));
    assert.ok(!e.message.includes('SECRET') && !e.hint?.includes('SECRET'));
    assert.equal(e.serverMessage, 'a\\nb');
  });

  it('is linear on hostile input (many "token" names, long runs)', () => {
    const started = performance.now();
    redactSecrets('token'.repeat(400_000));
    redactSecrets('a.'.repeat(1_000_000));
    redactSecrets('token='.repeat(300_000));
    assert.ok(performance.now() - started < 3000);
  });
});

describe('escapeJsonText', () => {
  it('keeps the JSON value and escapes what a terminal would interpret', () => {
    const json = JSON.stringify({ s: 'a\u202eb\u0085c\u2028' }, null, 2);
    const escaped = escapeJsonText(json);
    assert.ok(!/[\u202e\u0085\u2028]/.test(escaped));
    assert.deepEqual(JSON.parse(escaped), { s: 'a\u202eb\u0085c\u2028' });
  });
});
