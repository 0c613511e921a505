#!/usr/bin/env bash
# Installs the Telegram Bot API emulator (npm telegram-test-api, pinned in package.json) into
# telegram-adapter/target/emulator, where the end-to-end test looks for it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../../../target/emulator"
mkdir -p "$target"
cp "$here/package.json" "$here/.npmrc" "$target/"
cd "$target"
if [ -f node_modules/telegram-test-api/package.json ] \
  && grep -q '"version": "4.2.1"' node_modules/telegram-test-api/package.json; then
  echo "telegram-test-api 4.2.1 is already installed in $target"
  exit 0
fi
npm install --no-audit --no-fund --loglevel=error
echo "telegram-test-api installed in $target"
