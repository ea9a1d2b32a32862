#!/usr/bin/env bash
# scripts/venv.sh NAME LOCKFILE: create/refresh .venv-NAME from a fully pinned lock file, only
# when the lock file changed (sha256 stamp). --no-deps: the lock is complete, pip never resolves.
set -euo pipefail
name=$1; lock=$2
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv-$name"
stamp="$venv/.lock.sha256"
want=$(sha256sum "$root/$lock" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$venv/bin/python" ]; then
  exit 0
fi
py=$("$root/scripts/python310.sh")
echo "==> setting up $venv from $lock (one time, a few minutes)"
rm -rf "$venv"
"$py" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pip==24.2"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$root/$lock"
"$venv/bin/python" -m pip check >/dev/null || { "$venv/bin/python" -m pip check; exit 1; }
echo "$want" > "$stamp"
