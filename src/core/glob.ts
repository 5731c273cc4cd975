/**
 * Workspace-relative path globs with the syntax of VS Code's `files.exclude` (`**`, `*`, `?`, `{a,b}`, `[!0-9]`),
 * matched by picomatch. The index needs this on watcher events, where the editor offers no matcher.
 */
import picomatch from 'picomatch';

/**
 * Returns a predicate that is true when the relative path matches any of the globs. Compiled once per list of
 * globs: the index asks for every file it finds and on every watcher event (compiling cost ~80 µs a file).
 */
export function globMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const key = JSON.stringify(globs);
  let matcher = compiled.get(key);
  if (!matcher) {
    matcher = compile(globs);
    compiled.set(key, matcher);
    if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
  }
  return matcher;
}

const compiled = new Map<string, (relativePath: string) => boolean>();
const MAX_COMPILED = 64;

function compile(globs: readonly string[]): (relativePath: string) => boolean {
  const patterns = globs.filter((g) => g.trim() !== '').map((g) => g.replace(/\\/g, '/'));
  if (patterns.length === 0) return () => false;
  // dot: `**` and `*` match dot folders too (`**/node_modules/**` excludes `.cache/node_modules/x`), as in VS Code.
  // posix: `[!0-9]` negates a class, as in VS Code (picomatch otherwise reads the `!` literally).
  const isMatch = picomatch(patterns, { dot: true, posix: true });
  // Backslashes are folder separators on every platform (paths may come from a Windows watcher).
  return (relativePath) => isMatch(relativePath.replace(/\\/g, '/'));
}
