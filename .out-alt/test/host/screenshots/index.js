"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.run = run;
/**
 * The mocha entry point for `npm run screenshots`: the runner (test/host/runner.mjs) passes it as
 * extensionTestsPath. Loads every *.shots.js next to it (compiled by tsc to out/test/host/screenshots/). Not part
 * of `npm test`: these write the README images into media/screenshots/.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const mocha_1 = __importDefault(require("mocha"));
/** Called by the extension host; settles when mocha is done (rejects if any shot failed). */
function run() {
    const mocha = new mocha_1.default({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60000, slow: 5000 });
    if (process.env.HOST_TEST_GREP)
        mocha.grep(new RegExp(process.env.HOST_TEST_GREP));
    for (const file of (0, node_fs_1.readdirSync)(__dirname).filter((f) => f.endsWith('.shots.js')).sort())
        mocha.addFile((0, node_path_1.join)(__dirname, file));
    return new Promise((resolve, reject) => {
        try {
            mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} screenshot(s) failed.`)) : resolve()));
        }
        catch (err) {
            reject(err);
        }
    });
}
//# sourceMappingURL=index.js.map