#!/usr/bin/env bash
# Runs the examplemodel Python tests with Debian's python3 and Debian's packages (bookworm main).
# Idempotent: installs only the packages that are missing; refreshes apt lists only when needed.
# Fails loudly: any pytest failure, and "no tests collected" (exit 5), fail this script.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python=/usr/bin/python3
packages=(python3-torch python3-torchvision python3-gdal python3-numpy python3-pil python3-pytest)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed$'; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "test-python: installing missing Debian packages: ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
  else
    sudo_cmd=()
  fi
  apt_opts=(-o DPkg::Lock::Timeout=600 -o APT::Get::Assume-Yes=true)
  # Refresh the lists only when a package has no install candidate (fresh machine, empty lists).
  for pkg in "${missing[@]}"; do
    if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [^(]'; then
      "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" update
      break
    fi
  done
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"
fi

cd "$repo_root"
set +e
# -p no:cacheprovider: never write .pytest_cache into the tree; -B: no __pycache__ either.
PYTHONDONTWRITEBYTECODE=1 "$python" -B -m pytest -p no:cacheprovider examplemodel/tests -q "$@"
status=$?
set -e
case "$status" in
  0) echo "test-python: OK" >&2 ;;
  5) echo "test-python: FAILED: pytest collected no tests in examplemodel/tests (exit 5)" >&2 ;;
  *) echo "test-python: FAILED: pytest exited with status $status" >&2 ;;
esac
exit "$status"
