import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { suggestedFileName } from '../../../src/views/fileNames';

test('the suggested file name is the application name, file-safe and not taken', () => {
  assert.equal(
    suggestedFileName('orders-service', () => false),
    'orders-service',
  );
  assert.equal(
    suggestedFileName('orders-service', (n) => n === 'orders-service'),
    'orders-service-2',
  );
  assert.equal(
    suggestedFileName('../etc/passwd', () => false),
    'etc-passwd',
  );
  assert.equal(
    suggestedFileName('a b/c', () => false),
    'a-b-c',
  );
  assert.equal(
    suggestedFileName('', () => false),
    'client',
  );
});
