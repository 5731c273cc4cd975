/**
 * The mocha entry point for `npm run screenshots`: the runner (test/host/runner.mjs) passes it as
 * extensionTestsPath. Loads every *.shots.js next to it (compiled by tsc to out/test/host/screenshots/). Not part
 * of `npm test`: these write the README images into media/screenshots/.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Called by the extension host; settles when mocha is done (rejects if any shot failed). */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60000, slow: 5000 });
  if (process.env.HOST_TEST_GREP) mocha.grep(new RegExp(process.env.HOST_TEST_GREP));
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.shots.js'))
    .sort())
    mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} screenshot(s) failed.`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
