#!/usr/bin/env bash
# Installs code-server (VS Code's server + web workbench) and what it needs to
# run our integration and UI tests in headless Chromium, offline from GitHub and
# Microsoft: only the npm registry and Debian apt are used.
#
#   test/runners/install-code-server.sh          # install (idempotent, cached)
#   CODE_SERVER_FORCE=1 test/runners/install-code-server.sh   # reinstall
#
# Result: .vscode-test/code-server/node_modules/.bin/code-server (git-ignored).
# See ../shared/notes/real-vscode.md for why each step is here.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"   # newest whose engines accept Node 20
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TEST_DIR="${VSCODE_TEST_DIR:-$ROOT/.vscode-test}"
DEST="$TEST_DIR/code-server"
MARKER="$DEST/.installed"
RG_CACHE_ROOT="$TEST_DIR/ripgrep-cache"   # used as TMPDIR during npm install
APT_PACKAGES=(libkrb5-dev libxkbfile-dev libsecret-1-dev chromium fonts-noto-cjk ripgrep)

log()  { printf '[install-code-server] %s\n' "$*"; }
fail() { printf '[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; [ $rc -ne 0 ] && printf "[install-code-server] FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

start=$(date +%s)

# ---------------------------------------------------------------- 1. Debian packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  log "apt: all present (${APT_PACKAGES[*]}), skipping apt-get"
else
  log "apt: missing ${missing[*]}; running apt-get update + install"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "need root (or sudo) to apt-get install: ${missing[*]}"
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]} failed"
  log "apt: installed ${missing[*]}"
fi
command -v rg >/dev/null || fail "ripgrep (rg) not on PATH after apt"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after apt"
for tool in make g++ python3; do
  command -v "$tool" >/dev/null || fail "$tool is needed to build code-server's native modules (apt-get install build-essential python3)"
done

# ---------------------------------------------------------------- 2. already installed?
BIN="$DEST/node_modules/.bin/code-server"
if [ -z "${CODE_SERVER_FORCE:-}" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$CODE_SERVER_VERSION" ] && [ -x "$BIN" ]; then
  installed="$(node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null || true)"
  if [ "$installed" = "$CODE_SERVER_VERSION" ]; then
    log "code-server $CODE_SERVER_VERSION already installed in $DEST ($(( $(date +%s) - start ))s)"
    exit 0
  fi
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = "20" ] || log "WARNING: code-server $CODE_SERVER_VERSION declares engines.node 20; this is Node $(node -v)"

# ---------------------------------------------------------------- 3. ripgrep cache
# @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless
# $TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<tag>-<target>.tar.gz exists.
# We put Debian's rg there for every published version and every tag those
# versions use (1.14.x: v13.0.0-4; 1.15.0-1.15.11: v13.0.0-10; 1.15.13+: v13.0.0-13;
# 1.17.x: v15.0.1; 1.18+ ships binaries as optional deps and downloads nothing).
case "$(uname -m)" in
  x86_64)  RG_TARGET="x86_64-unknown-linux-musl" ;;
  aarch64) RG_TARGET="aarch64-unknown-linux-musl" ;;
  *) fail "unsupported architecture $(uname -m)" ;;
esac
RG_TAGS=(v13.0.0-4 v13.0.0-10 v13.0.0-13 v15.0.1)
RG_FALLBACK_VERSIONS="1.14.1 1.14.2 1.15.0 1.15.2 1.15.3 1.15.5 1.15.6 1.15.9 1.15.10 1.15.11 1.15.13 1.15.14 1.17.0 1.17.1 1.18.0"
rg_versions="$(npm view @vscode/ripgrep versions --json 2>/dev/null | node -e '
  let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const v=JSON.parse(s);console.log((Array.isArray(v)?v:[v]).join(" "))}catch{}})' || true)"
if [ -z "$rg_versions" ]; then
  log "npm view @vscode/ripgrep versions failed; using the built-in list"
  rg_versions="$RG_FALLBACK_VERSIONS"
fi
mkdir -p "$RG_CACHE_ROOT/src"
RG_TARBALL="$RG_CACHE_ROOT/src/rg.tar.gz"
if [ ! -s "$RG_TARBALL" ]; then
  cp "$(command -v rg)" "$RG_CACHE_ROOT/src/rg"
  tar czf "$RG_TARBALL" -C "$RG_CACHE_ROOT/src" rg
fi
n=0
for v in $rg_versions; do
  d="$RG_CACHE_ROOT/vscode-ripgrep-cache-$v"
  mkdir -p "$d"
  for tag in "${RG_TAGS[@]}"; do
    f="$d/ripgrep-$tag-$RG_TARGET.tar.gz"
    [ -s "$f" ] || cp "$RG_TARBALL" "$f"
    n=$((n+1))
  done
done
log "ripgrep: cached Debian rg as $n archives for @vscode/ripgrep $rg_versions"

# ---------------------------------------------------------------- 4. npm install
rm -f "$MARKER"
mkdir -p "$DEST"
if [ -d "$DEST/node_modules" ]; then
  # An earlier install did not finish (no marker) or is another version: start clean,
  # since npm would not rerun code-server's postinstall for a package already present.
  log "npm: removing the incomplete or outdated install in $DEST/node_modules"
  rm -rf "$DEST/node_modules"
fi
if [ ! -f "$DEST/package.json" ]; then
  printf '{\n  "name": "vscode-test-code-server",\n  "private": true,\n  "description": "cache of code-server for the agreement extension tests; see test/runners/install-code-server.sh"\n}\n' > "$DEST/package.json"
fi
log "npm: installing code-server@$CODE_SERVER_VERSION into $DEST (takes a few minutes the first time)"
(
  cd "$DEST"
  export TMPDIR="$RG_CACHE_ROOT"
  export npm_config_unsafe_perm=true     # code-server's postinstall refuses root otherwise
  export npm_config_yes=true             # a nested script runs `npx node-gyp`
  export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  npm install --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION"
) || fail "npm install code-server@$CODE_SERVER_VERSION failed (see the npm output above)"

[ -x "$BIN" ] || fail "code-server binary missing at $BIN after npm install"
installed="$(node -p "require('$DEST/node_modules/code-server/package.json').version")"
[ "$installed" = "$CODE_SERVER_VERSION" ] || fail "installed code-server is $installed, wanted $CODE_SERVER_VERSION"
# postinstall must have installed VS Code's own node_modules (remote extension host).
[ -d "$DEST/node_modules/code-server/lib/vscode/node_modules" ] \
  || fail "code-server postinstall did not install lib/vscode/node_modules"
rg_bins="$(find "$DEST/node_modules/code-server/lib/vscode" -path '*@vscode/ripgrep/bin/rg' 2>/dev/null | wc -l)"
# code-server writes a config (with a generated password) under XDG_CONFIG_HOME on any start: keep it out of ~.
export XDG_CONFIG_HOME="$TEST_DIR/xdg-config" XDG_DATA_HOME="$TEST_DIR/xdg-data"
"$BIN" --version >/dev/null 2>&1 || fail "code-server --version does not run"
echo "$CODE_SERVER_VERSION" > "$MARKER"
log "code-server $("$BIN" --version 2>/dev/null | head -1) installed in $DEST ($rg_bins ripgrep binaries placed) in $(( $(date +%s) - start ))s"
