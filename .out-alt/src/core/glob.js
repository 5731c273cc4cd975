"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.globMatcher = globMatcher;
/**
 * Workspace-relative path globs with the syntax of VS Code's `files.exclude` (`**`, `*`, `?`, `{a,b}`, `[!0-9]`),
 * matched by picomatch. The index needs this on watcher events, where the editor offers no matcher.
 */
const picomatch_1 = __importDefault(require("picomatch"));
/** Returns a predicate that is true when the relative path matches any of the globs. */
function globMatcher(globs) {
    const patterns = globs.filter((g) => g.trim() !== '').map((g) => g.replace(/\\/g, '/'));
    if (patterns.length === 0)
        return () => false;
    // dot: `**` and `*` match dot folders too (`**/node_modules/**` excludes `.cache/node_modules/x`), as in VS Code.
    // posix: `[!0-9]` negates a class, as in VS Code (picomatch otherwise reads the `!` literally).
    const isMatch = (0, picomatch_1.default)(patterns, { dot: true, posix: true });
    // Backslashes are folder separators on every platform (paths may come from a Windows watcher).
    return (relativePath) => isMatch(relativePath.replace(/\\/g, '/'));
}
//# sourceMappingURL=glob.js.map