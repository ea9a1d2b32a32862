#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter: $PYTHON310, python3.10 on the PATH, or pyenv's.
set -euo pipefail
for cand in "${PYTHON310:-}" "$(command -v python3.10 2>/dev/null || true)" \
            "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python3.10; do
  if [ -n "$cand" ] && [ -x "$cand" ] && "$cand" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
    echo "$cand"; exit 0
  fi
done
echo "Python 3.10 is needed (Rasa 3.6 does not run on 3.11+). Install it, e.g. 'pyenv install 3.10.13'," >&2
echo "or set PYTHON310=/path/to/python3.10. See README.md, 'Python 3.10'." >&2
exit 1
