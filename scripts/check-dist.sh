#!/usr/bin/env bash
# dist/ is committed: a workflow runs `uses: owner/publish-image@ref` straight from the repository, so the bundle
# must be exactly what `npm run build` makes from the sources of the same commit. This rebuilds it and fails, naming
# every differing or untracked file, when it is not. The one copy of that check: .ci/run, check-dist.yml and
# release.yml all call it. Dependencies must be installed first (npm ci).
#
# CHECK_DIST_BUILD overrides the build command (the script's own tests use it); the default is `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${CHECK_DIST_BUILD:-npm run build}
# Word-split on purpose: the command and its arguments, never a shell string.
# shellcheck disable=SC2086
$build

# Modified, deleted and untracked files alike; ignored files (.gitignore) are not part of dist/.
changes=$(git status --porcelain --untracked-files=all -- dist/)
if [ -z "$changes" ]; then
  echo "dist/ matches the sources"
  exit 0
fi

message="dist/ is stale: 'npm run build' changed it. Run 'npm run build' and commit dist/."
if [ "${GITHUB_ACTIONS:-}" = true ]; then
  echo "::error title=dist/ is stale::$message"
fi
{
  echo "$message"
  echo "Files that differ (M modified, D deleted, ?? untracked):"
  # Each line starts with its status code, so no file name can start a log line (workflow commands).
  printf '%s\n' "$changes" | sed 's/^/  /'
  git --no-pager diff --shortstat -- dist/
} >&2
exit 1
