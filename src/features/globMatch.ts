/**
 * A small glob matcher for workspace-relative paths, with the syntax of VS Code's `files.exclude`:
 * `**` (any number of folders), `*` and `?` (within one path segment), `{a,b}` (alternatives, nestable),
 * `[abc]` / `[!abc]` (character classes). No `vscode` import: the index uses it on watcher events, where
 * the editor offers no matcher, and unit tests use it in plain Node.
 */

/** Compiles a glob into an anchored RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${translate(glob.replace(/\\/g, '/'))}$`);
}

/** Returns a predicate that is true when the relative path matches any of the globs. */
export function globMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const expressions = globs.filter((g) => g.trim() !== '').map(globToRegExp);
  return (relativePath) => {
    const path = relativePath.replace(/\\/g, '/');
    return expressions.some((re) => re.test(path));
  };
}

function translate(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const next = glob[i + 2];
      if (atSegmentStart && next === '/') {
        out += '(?:.*/)?'; // "**/" : zero or more whole folders
        i += 3;
      } else if (atSegmentStart && next === undefined && out.endsWith('/')) {
        out = `${out.slice(0, -1)}(?:/.*)?`; // "/**" at the end: the folder itself or anything below it
        i += 2;
      } else {
        out += '.*';
        i += 2;
      }
    } else if (c === '*') {
      out += '[^/]*';
      i += 1;
    } else if (c === '?') {
      out += '[^/]';
      i += 1;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i += 1;
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close + 1;
    } else if (c === '{') {
      const close = matchingBrace(glob, i);
      if (close < 0) {
        out += '\\{';
        i += 1;
        continue;
      }
      const alternatives = splitTopLevel(glob.slice(i + 1, close));
      out += `(?:${alternatives.map(translate).join('|')})`;
      i = close + 1;
    } else {
      out += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
      i += 1;
    }
  }
  return out;
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
