import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatcher } from '../../../src/core/glob';

test('a list of globs is compiled once (the index asks for every file), and each list keeps its own answers', () => {
  const include = ['**/*.{crt,pem}'];
  assert.equal(globMatcher(include), globMatcher([...include]));
  assert.notEqual(globMatcher(include), globMatcher(['**/*.crt']));
  assert.equal(globMatcher(include)('a/b.pem'), true);
  assert.equal(globMatcher(['**/*.crt'])('a/b.pem'), false);
  assert.equal(globMatcher([])('a/b.pem'), false);
});
