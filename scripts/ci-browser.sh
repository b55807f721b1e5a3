#!/usr/bin/env bash
# CI: make Debian's chromium available for tests/test_web_browser.py.
# Runs as root without a terminal. The browser is driven by the `playwright`
# Python package (pinned in requirements.lock) with executable_path=/usr/bin/chromium;
# `playwright install` is never used (it would download a browser at run time).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "ci-browser: /usr/bin/chromium is missing and this is not root; browser tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core </dev/null
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo installed)"
