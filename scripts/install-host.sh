#!/usr/bin/env bash
# Installs what the real-VS-Code host tests (test/host/runner.mjs) and the demo (npm start) need, on a
# machine that reaches only the npm registry and Debian apt:
#   apt: chromium (the browser that opens the workbench), ripgrep (replaces @vscode/ripgrep's GitHub
#        download), libkrb5-dev (headers for code-server's 'kerberos' module, whose prebuilt download fails),
#        build-essential + python3 (node-gyp builds code-server's native modules from source)
#   npm: code-server 4.99.4 (= VS Code 1.99.3, Node 20) into ./.vscode-test/code-server
# Idempotent: each step is skipped when already done. Progress goes to stdout.
# Env: CS_VERSION (default 4.99.4), CS_DEST (default .vscode-test/code-server)
set -euo pipefail
cd "$(dirname "$0")/.."

CS_VERSION="${CS_VERSION:-4.99.4}"
DEST="${CS_DEST:-.vscode-test/code-server}"
started=$(date +%s)
say() { echo "[install-host] $*"; }

installed_version() {
  node -e "try{console.log(require(require('path').resolve(process.argv[1],'node_modules/code-server/package.json')).version)}catch{}" "$DEST"
}

# --- apt packages ------------------------------------------------------------------------------------
need=()
for p in chromium ripgrep libkrb5-dev build-essential python3; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  say "apt: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  say "apt: chromium ripgrep libkrb5-dev build-essential python3 already installed"
fi

# --- code-server ---------------------------------------------------------------------------------------
if [ -x "$DEST/node_modules/.bin/code-server" ] && [ "$(installed_version)" = "$CS_VERSION" ]; then
  say "code-server $CS_VERSION already installed in $DEST"
  exit 0
fi

say "npm: installing code-server $CS_VERSION into $DEST (native modules build from source: about 1-2 min)"
mkdir -p "$DEST/.tmp"
# @vscode/ripgrep's postinstall looks for $TMPDIR/vscode-ripgrep-cache-<its version>/<asset> before going to
# GitHub (unreachable here): seed that cache with Debian's rg. 1.15.11 is what 4.99.x pins.
export TMPDIR
TMPDIR="$(cd "$DEST/.tmp" && pwd)"
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
case "$(uname -m)" in
  aarch64|arm64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) RG_TARGET=x86_64-unknown-linux-musl ;;
esac
tar -C "$(dirname "$(command -v rg)")" -czf "$RG_CACHE/ripgrep-v13.0.0-10-$RG_TARGET.tar.gz" rg
[ -f "$DEST/package.json" ] || echo '{"name":"kyma-cert-test-host","private":true}' > "$DEST/package.json"
# npm_config_unsafe_perm: code-server's postinstall.sh refuses to run as root without it.
# npm_config_yes: node-pty's post-install runs 'npx node-gyp', which aborts without a TTY otherwise.
(
  cd "$DEST"
  npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error --foreground-scripts=false "code-server@$CS_VERSION"
)
got="$(installed_version)"
if [ "$got" != "$CS_VERSION" ] || [ ! -d "$DEST/node_modules/code-server/lib/vscode/node_modules" ]; then
  say "ERROR: code-server install incomplete (version '$got', lib/vscode/node_modules missing?)"
  exit 1
fi
# (no 'code-server --version' here: without --config it writes ~/.config/code-server/config.yaml)
say "installed code-server $got in $DEST in $(( $(date +%s) - started ))s"
