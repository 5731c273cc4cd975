/**
 * The mocha entry point the VS Code extension host loads (the runner passes it as extensionTestsPath).
 * Loads every *.test.js next to it (compiled by tsc to out/test/host/suite/).
 *
 * Filtering:
 * - HOST_TEST_GREP (env, or the runner's --grep): only tests whose full title matches this regexp.
 * - Tests whose title contains "[restricted]" run only when the workspace was opened untrusted
 *   (runner --trust restricted, HARNESS_TRUST=restricted); every other test runs only in trusted runs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Title marker of tests that need the workspace opened in restricted mode. */
export const RESTRICTED_MARKER = '[restricted]';

/** Called by the extension host; settles when mocha is done (rejects if any test failed). */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 30000, slow: 2000 });
  mocha.grep(selectionPattern(process.env.HARNESS_TRUST === 'restricted', process.env.HOST_TEST_GREP));
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} host test(s) failed.`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}

/**
 * One regexp over a test's full title (mocha has a single grep): restricted-marker tests only in restricted
 * runs, the others only in trusted runs, and, when given, only titles that also match `userGrep`.
 */
export function selectionPattern(restrictedRun: boolean, userGrep?: string): RegExp {
  const marker = RESTRICTED_MARKER.replace(/[[\]]/g, '\\$&');
  const trustPart = restrictedRun ? `(?=.*${marker})` : `(?!.*${marker})`;
  const grepPart = userGrep ? `(?=.*(?:${userGrep}))` : '';
  return new RegExp(`^${trustPart}${grepPart}`);
}
