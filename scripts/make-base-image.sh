#!/usr/bin/env bash
# Builds the local multi-platform base image (linux/amd64 + linux/arm64) from Debian's busybox-static on scratch,
# and pushes it to the open test registry. No base image can be pulled from the internet here, so every test
# Dockerfile starts `FROM 127.0.0.1:5000/test/busybox` (or FROM scratch).
# Called by scripts/test-env.sh; skips the build when the registry already holds this exact image.
#
# Usage: bash scripts/make-base-image.sh [REF] [--force]
#   REF defaults to $BASE_IMAGE from the test env file, else 127.0.0.1:5000/test/busybox:latest.
set -euo pipefail

STATE_DIR=${STATE_DIR:-${PUBLISH_IMAGE_TEST_ENV_DIR:-/tmp/publish-image-test-env}}
if [ -f "$STATE_DIR/env" ]; then
  # shellcheck disable=SC1091
  . <(grep -E '^(DOCKER|BUSYBOX_AMD64|BUSYBOX_ARM64|BASE_IMAGE)=' "$STATE_DIR/env" | sed 's/^/: ${/; s/=/:=/; s/$/}/')
fi
DOCKER=${DOCKER:-/usr/bin/docker}
BUSYBOX_AMD64=${BUSYBOX_AMD64:-/bin/busybox}
BUSYBOX_ARM64=${BUSYBOX_ARM64:-$STATE_DIR/busybox-arm64/bin/busybox}

REF=${BASE_IMAGE:-127.0.0.1:5000/test/busybox:latest}
FORCE=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -*) echo "usage: $0 [REF] [--force]" >&2; exit 2 ;;
    *) REF=$arg ;;
  esac
done

T0=$SECONDS
log() { printf '[base-image %3ss] %s\n' "$((SECONDS - T0))" "$*"; }
die() { printf '[base-image] ERROR: %s\n' "$*" >&2; exit 1; }
[ -x "$BUSYBOX_AMD64" ] || die "no $BUSYBOX_AMD64: run bash scripts/test-env.sh"
[ -x "$BUSYBOX_ARM64" ] || die "no $BUSYBOX_ARM64: run bash scripts/test-env.sh"

# The content we would build: both binaries. Stored as a label, compared with what the registry holds.
content_id=$(cat "$BUSYBOX_AMD64" "$BUSYBOX_ARM64" | sha256sum | cut -c1-16)
if [ "$FORCE" = 0 ]; then
  # One label value per platform: both must be there and equal to ours.
  have=$("$DOCKER" buildx imagetools inspect --format '{{json .Image}}' "$REF" 2>/dev/null \
    | grep -o '"test.busybox.content": *"[0-9a-f]*"' | sed 's/.*"\([0-9a-f]*\)"$/\1/' | paste -sd' ' || true)
  if [ "$have" = "$content_id $content_id" ]; then
    log "$REF is up to date"
    exit 0
  fi
fi

ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
for arch in amd64 arm64; do
  src=$BUSYBOX_AMD64; [ "$arch" = arm64 ] && src=$BUSYBOX_ARM64
  root=$ctx/rootfs-$arch
  mkdir -p "$root/bin" "$root/sbin" "$root/usr/bin" "$root/usr/sbin" "$root/tmp" "$root/etc" "$root/root"
  chmod 1777 "$root/tmp"
  cp "$src" "$root/bin/busybox"
  # Applet links at their usual paths (bin/sh, usr/bin/env, ...). Both binaries come from the same Debian
  # source version, so the amd64 binary's list is valid for arm64 too.
  "$BUSYBOX_AMD64" --list-full | while read -r applet; do
    [ "$applet" = bin/busybox ] || [ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
done
cat >"$ctx/Dockerfile" <<EOF
FROM scratch
ARG TARGETARCH
COPY rootfs-\${TARGETARCH}/ /
LABEL test.busybox.content=$content_id
ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin
CMD ["/bin/sh"]
EOF

log "building $REF (linux/amd64, linux/arm64) from busybox-static on scratch"
# --provenance=false: a plain two-entry index, no unknown/unknown attestation manifests in the base image.
"$DOCKER" buildx build --network host --platform linux/amd64,linux/arm64 --provenance=false \
  -t "$REF" --push "$ctx" >"$STATE_DIR/base-image-build.log" 2>&1 \
  || { tail -30 "$STATE_DIR/base-image-build.log" >&2; die "base image build failed (log: $STATE_DIR/base-image-build.log)"; }
log "pushed $REF ($("$DOCKER" buildx imagetools inspect "$REF" | sed -n 's/^ *Platform: *//p' | paste -sd' '))"
