#!/usr/bin/env bash
# Set the project up on a fresh Debian/Ubuntu machine, then serve the site or run the tests.
#
#   bash scripts/dev.sh serve [mkdocs serve options]   set up, then serve on http://127.0.0.1:8000
#   bash scripts/dev.sh test  [pytest options]         set up (Chromium too), then run every test
#   bash scripts/dev.sh setup                          only set up
#
# Needs Python 3.11+, Node.js and npm. Re-running is fast: each step remembers the
# hash of the file it installed from and does nothing while that file is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv
# pip installs uv, and uv the pinned packages: 11-14 s in a fresh venv with no download
# cache, against 24-34 s for pip alone (its own upgrade included), side by side twice.
# The venv gets no pip of its own unless it needs one: Python's pip installs uv into it
# (pip 22.3's --python), which saved 3.7 s of 7.1 with a warm cache.
UV_VERSION=0.13.9

stamp_matches() {  # stamp_matches FILE STAMP: true when STAMP holds FILE's current hash
  [ -f "$2" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$(cat "$2")" ]
}

# Every Python process of the environment compiles a module on its first import and keeps
# the bytecode, under .venv/pycache, also where PYTHONDONTWRITEBYTECODE is set (as on some
# CI machines: there every process compiled NumPy, scikit-learn and MkDocs anew; in a
# fresh clone a warm build took 3.0 s instead of 1.9 s, and pytest 410 s instead of 391 s,
# medians of three runs). A .pth file's `import` line runs as Python starts; a prefix the
# user set (PYTHONPYCACHEPREFIX) wins. Compiling every installed package at setup did the
# same in 12 s, most of it for modules never used (uv, like pip's --no-compile, compiles none).
keep_bytecode() {
  local site_packages
  site_packages=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
  echo 'import os, sys; sys.pycache_prefix = sys.pycache_prefix or os.path.join(sys.prefix, "pycache"); sys.dont_write_bytecode = False' \
    > "$site_packages/keep-bytecode.pth"
}

setup_python() {
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "error: Python 3.11 or newer is needed ('$PYTHON' is $("$PYTHON" --version 2>&1))" >&2
    exit 1
  fi
  if [ ! -x "$VENV/bin/python" ]; then  # none yet, or one that a failed attempt left half made
    rm -rf "$VENV"
    if ! "$PYTHON" -m venv --without-pip "$VENV"; then
      rm -rf "$VENV"
      need_venv_package "'$PYTHON -m venv'"
    fi
  fi
  keep_bytecode
  if ! stamp_matches requirements.txt "$VENV/.requirements.sha256"; then
    if "$PYTHON" -m pip --python "$VENV/bin/python" --version >/dev/null 2>&1; then
      "$PYTHON" -m pip --python "$VENV/bin/python" install --quiet --disable-pip-version-check \
        "uv==$UV_VERSION"
    else  # no pip beside $PYTHON, or one older than 22.3
      venv_pip install --quiet "uv==$UV_VERSION"
    fi
    if ! "$VENV/bin/python" -m uv pip install --quiet --python "$VENV/bin/python" \
         -r requirements.txt; then
      # uv reads none of pip's settings (a mirror, a certificate): pip may get through
      echo "uv could not install the packages; trying pip" >&2
      venv_pip install --quiet --no-compile -r requirements.txt
    fi
    sha256sum requirements.txt | cut -d' ' -f1 > "$VENV/.requirements.sha256"
  fi
}

venv_pip() {  # the venv's own pip, installed from Python's bundled copy when first needed
  if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1 \
     && ! "$VENV/bin/python" -m ensurepip --default-pip >/dev/null; then
    need_venv_package "'$VENV/bin/python -m ensurepip'"
  fi
  "$VENV/bin/python" -m pip --disable-pip-version-check "$@"
}

need_venv_package() {  # need_venv_package COMMAND: COMMAND failed, as it does without python3-venv
  echo "error: $1 failed; on Debian and Ubuntu the venv module is a package of" >&2
  echo "       its own: sudo apt-get install python3-venv" >&2
  exit 1
}

setup_node() {
  command -v npm >/dev/null || { echo "error: npm is needed (apt-get install nodejs npm)" >&2; exit 1; }
  if ! stamp_matches package-lock.json node_modules/.package-lock.sha256; then
    npm ci --no-audit --no-fund --loglevel=error
    sha256sum package-lock.json | cut -d' ' -f1 > node_modules/.package-lock.sha256
  fi
}

setup_packages() {  # npm installs while uv does: each mostly waits
  setup_node & local node_install=$!
  setup_python
  wait "$node_install"
}

BROWSER=/usr/bin/chromium-headless-shell

check_browser_install() {  # fails at once when the browser is missing and apt is not ours to run
  [ -x "$BROWSER" ] || [ "$(id -u)" = 0 ] && return
  echo "error: the browser tests need Debian's headless Chromium at $BROWSER:" >&2
  echo "       sudo apt-get install chromium-headless-shell" >&2
  exit 1
}

setup_browser() {
  [ -x "$BROWSER" ] && return
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null
}

# Builds read the bundled MNIST sample (data/mnist-sample) unless MNIST_DATA_DIR says otherwise.
export NO_MKDOCS_2_WARNING=1

trap wait EXIT  # after an error, never leave apt or npm running

command=${1:-}
shift || true
case "$command" in
  setup) setup_packages ;;
  serve) setup_packages; exec "$VENV/bin/mkdocs" serve "$@" ;;
  test)  # apt downloads and unpacks the browser while the packages install: each mostly waits
         check_browser_install
         setup_browser & browser_install=$!
         setup_packages
         wait "$browser_install"
         exec "$VENV/bin/pytest" "$@" ;;
  *) echo "usage: bash scripts/dev.sh {serve|test|setup} [options]" >&2; exit 2 ;;
esac
