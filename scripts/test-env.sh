#!/usr/bin/env bash
# Sets up (or checks) the real test environment for the e2e suite, idempotently:
#   - Debian packages: docker.io + docker-buildx from trixie (pinned low), docker-registry, apache2-utils,
#     qemu-user-static, binfmt-support, busybox-static, and the arm64 busybox-static binary (downloaded, not installed)
#   - /etc/docker/daemon.json (containerd image store, NO bridge, no iptables) and a running dockerd
#   - binfmt_misc with qemu-aarch64 enabled (arm64 RUN steps)
#   - two registries on 127.0.0.1: open (:5000) and htpasswd-protected (:5001)
#   - a stand-in for Docker Hub: a TLS registry with htpasswd auth on 127.0.0.1:443 whose certificate (from a local
#     CA, name-constrained to docker.io) is valid for registry-1.docker.io, index.docker.io and docker.io; those
#     three names map to 127.0.0.1 in /etc/hosts, and dockerd's BuildKit trusts the CA (/etc/docker/certs.d)
#   - the local multi-platform base image (scripts/make-base-image.sh) in the open registry
#   - an env file for the tests: $STATE_DIR/env (see docs/test-environment.md)
# Fast when everything is already up. Never creates a bridge network; every server listens on 127.0.0.1 only.
#
# Usage: bash scripts/test-env.sh [--smoke] [--stop]
#   --smoke  also build a two-platform image with a RUN step (arm64 under QEMU), push it to the auth
#            registry after `docker login`, and run both platforms (network host).
#   --stop   stop the registries and dockerd started by this script (for testing a restart), then exit.
set -euo pipefail

STATE_DIR=${PUBLISH_IMAGE_TEST_ENV_DIR:-/tmp/publish-image-test-env}
OPEN_PORT=${REGISTRY_OPEN_PORT:-5000}
AUTH_PORT=${REGISTRY_AUTH_PORT:-5001}
REGISTRY_USER=testuser
# inmemory (default): registry 2.8's filesystem driver rewrites tag links in place (truncate, then write), so a
# read racing a write sees an empty link and answers 500 "invalid checksum digest format". buildx 0.13 with the
# docker driver pushes twice (BuildKit, then `docker push`), and that second push races itself: 2 of ~40 pushes
# failed with "unexpected status from HEAD request to .../manifests/latest: 500 Internal Server Error".
# The in-memory driver holds a lock per operation. Its content is lost when the registry restarts (this script
# then pushes the base image again). REGISTRY_STORAGE=filesystem keeps it under $STATE_DIR/registry-*/data.
REGISTRY_STORAGE=${REGISTRY_STORAGE:-inmemory}
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The Debian CLI (26.1). Another docker CLI may be first on PATH (e.g. /usr/local/bin/docker 28.x): it finds the
# same buildx plugin in /usr/libexec/docker/cli-plugins, but the scripts use this one to be sure.
DOCKER=/usr/bin/docker
export DEBIAN_FRONTEND=noninteractive
# Other jobs on the machine may hold the dpkg/apt locks: wait for them instead of failing at once.
APT_OPTS=(-o DPkg::Lock::Timeout=600)

SMOKE=0
STOP=0
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    --stop) STOP=1 ;;
    *) echo "usage: $0 [--smoke] [--stop]" >&2; exit 2 ;;
  esac
done

T0=$SECONDS
log() { printf '[test-env %3ss] %s\n' "$((SECONDS - T0))" "$*"; }
die() { printf '[test-env] ERROR: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "must run as root (installs packages, starts dockerd)"

mkdir -p "$STATE_DIR"

stop_pidfile() { # name pidfile
  local pid
  if [ -f "$2" ] && pid=$(cat "$2") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "stopping $1 (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && die "$1 (pid $pid) did not stop"
  fi
  rm -f "$2"
}

if [ "$STOP" = 1 ]; then
  stop_pidfile registry-open "$STATE_DIR/registry-open.pid"
  stop_pidfile registry-auth "$STATE_DIR/registry-auth.pid"
  stop_pidfile registry-hub "$STATE_DIR/registry-hub.pid"
  stop_pidfile dockerd "$STATE_DIR/dockerd.pid"
  exit 0
fi

# ---------------------------------------------------------------------------------------------------- packages
PACKAGES=(docker.io docker-cli docker-buildx docker-registry apache2-utils qemu-user-static binfmt-support busybox-static curl openssl)
TRIXIE_PACKAGES=(docker.io docker-cli docker-buildx)
# docker-cli is only a Recommends of trixie's docker.io: name it, since we install without recommends.

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
# docker.io must be trixie's 26.x (bookworm's 20.10 has no containerd image store); check the version too.
if [[ ! " ${missing[*]} " =~ " docker.io " ]]; then
  v=$(dpkg-query -W -f='${Version}' docker.io)
  dpkg --compare-versions "$v" ge 26 || missing+=(docker.io)
fi

BUSYBOX_AMD64=/bin/busybox
BUSYBOX_ARM64=$STATE_DIR/busybox-arm64/bin/busybox

if [ "${#missing[@]}" -gt 0 ] || [ ! -x "$BUSYBOX_ARM64" ]; then
  if [ ! -f /usr/share/keyrings/debian-archive-trixie-stable.gpg ]; then
    # An old bookworm keyring cannot verify trixie's Release file: get the current one first.
    log "upgrading debian-archive-keyring (it has no trixie key)"
    apt-get "${APT_OPTS[@]}" update -qq
    apt-get "${APT_OPTS[@]}" install -y -qq debian-archive-keyring >/dev/null
  fi
  trixie_src=/etc/apt/sources.list.d/publish-image-trixie.sources
  if [ ! -f "$trixie_src" ]; then
    log "adding the Debian trixie suite (amd64 only) at $trixie_src, pinned at priority 100"
    cat >"$trixie_src" <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Architectures: amd64
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  fi
  # Priority 100: nothing from trixie is installed or upgraded unless asked for by name (pkg/trixie).
  cat >/etc/apt/preferences.d/publish-image-trixie <<'EOF'
Package: *
Pin: release n=trixie
Pin-Priority: 100
EOF
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    log "adding the arm64 dpkg architecture (only to download busybox-static:arm64)"
    dpkg --add-architecture arm64
  fi
  log "apt-get update"
  apt-get "${APT_OPTS[@]}" update -qq
  if [ "${#missing[@]}" -gt 0 ]; then
    args=()
    for p in "${missing[@]}"; do
      if [[ " ${TRIXIE_PACKAGES[*]} " =~ " $p " ]]; then args+=("$p/trixie"); else args+=("$p"); fi
    done
    # docker.io/trixie (not -t trixie): only the named packages and the dependencies that need it (containerd,
    # docker-cli) come from trixie; libc and the rest stay bookworm's.
    log "apt-get install ${args[*]}"
    apt-get "${APT_OPTS[@]}" install -y -qq --no-install-recommends "${args[@]}" >"$STATE_DIR/apt.log" 2>&1 \
      || { tail -30 "$STATE_DIR/apt.log" >&2; die "apt-get install failed (full log: $STATE_DIR/apt.log)"; }
  fi
  if [ ! -x "$BUSYBOX_ARM64" ]; then
    log "downloading busybox-static:arm64 to $STATE_DIR/busybox-arm64"
    tmp=$(mktemp -d)
    chmod 755 "$tmp"; chown _apt "$tmp" 2>/dev/null || true # else apt warns "Download is performed unsandboxed"
    (cd "$tmp" && apt-get "${APT_OPTS[@]}" download -qq busybox-static:arm64)
    rm -rf "$STATE_DIR/busybox-arm64"
    dpkg-deb -x "$tmp"/busybox-static_*_arm64.deb "$STATE_DIR/busybox-arm64"
    rm -rf "$tmp"
    [ -x "$BUSYBOX_ARM64" ] || die "no $BUSYBOX_ARM64 in busybox-static:arm64"
  fi
else
  log "packages present"
fi
[ -x "$DOCKER" ] || die "$DOCKER missing after install"
[ -x /usr/libexec/docker/cli-plugins/docker-buildx ] || die "buildx plugin missing"

# ----------------------------------------------------------------------------------------------------- binfmt
if [ ! -f /proc/sys/fs/binfmt_misc/status ]; then
  log "mounting binfmt_misc"
  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
fi
if ! grep -qx enabled /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null; then
  log "enabling qemu-aarch64 in binfmt_misc"
  update-binfmts --enable qemu-aarch64 || update-binfmts --import qemu-aarch64
  grep -qx enabled /proc/sys/fs/binfmt_misc/qemu-aarch64 || die "qemu-aarch64 binfmt not enabled"
fi
# The interpreter must be opened at registration (flag F) to work inside containers' mount namespaces.
grep -q '^flags: .*F' /proc/sys/fs/binfmt_misc/qemu-aarch64 \
  || log "WARNING: qemu-aarch64 binfmt lacks the F flag: arm64 RUN steps may fail with 'exec format error'"

# ----------------------------------------------------------------------------------------------------- dockerd
DAEMON_JSON='{"features":{"containerd-snapshotter":true},"bridge":"none","iptables":false,"ip-masq":false}'
mkdir -p /etc/docker
daemon_changed=0
if [ "$(cat /etc/docker/daemon.json 2>/dev/null)" != "$DAEMON_JSON" ]; then
  log "writing /etc/docker/daemon.json"
  printf '%s\n' "$DAEMON_JSON" >/etc/docker/daemon.json.new
  if ! cmp -s /etc/docker/daemon.json.new /etc/docker/daemon.json 2>/dev/null; then daemon_changed=1; fi
  mv /etc/docker/daemon.json.new /etc/docker/daemon.json
fi

docker_up() { "$DOCKER" info >/dev/null 2>&1; }
if docker_up && [ "$daemon_changed" = 1 ]; then
  if [ -f "$STATE_DIR/dockerd.pid" ]; then
    stop_pidfile dockerd "$STATE_DIR/dockerd.pid"
  else
    die "daemon.json changed but dockerd was not started by this script: restart it yourself"
  fi
fi
if ! docker_up; then
  [ -S /var/run/docker.sock ] && rm -f /var/run/docker.sock
  log "starting dockerd (log: $STATE_DIR/dockerd.log)"
  setsid nohup /usr/sbin/dockerd --pidfile "$STATE_DIR/dockerd.pid" >>"$STATE_DIR/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 120); do docker_up && break; sleep 0.5; done
  docker_up || { tail -20 "$STATE_DIR/dockerd.log" >&2; die "dockerd did not come up"; }
fi
# Check the engine is the one we configured (containerd store, no bridge network).
driver=$("$DOCKER" info -f '{{.Driver}}')
[[ "$driver" == overlayfs || "$driver" == native || "$driver" == stargz || "$driver" == *snapshotter* ]] \
  || [[ "$("$DOCKER" info -f '{{json .DriverStatus}}')" == *io.containerd.snapshotter* ]] \
  || die "dockerd is not using the containerd image store (driver: $driver); check /etc/docker/daemon.json"
if "$DOCKER" network ls --format '{{.Driver}}' | grep -qx bridge; then
  die "a bridge network exists in dockerd: this environment must have none (bridge: none in daemon.json)"
fi
log "dockerd up: engine $("$DOCKER" version -f '{{.Server.Version}}'), buildx $("$DOCKER" buildx version | awk '{print $2}'), storage $driver"

# -------------------------------------------------------------------------------------------------- registries
PASSWORD_FILE=$STATE_DIR/registry-password
if [ ! -s "$PASSWORD_FILE" ]; then
  (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$PASSWORD_FILE")
fi
HTPASSWD=$STATE_DIR/htpasswd
if [ ! -s "$HTPASSWD" ] || ! htpasswd -vbB "$HTPASSWD" "$REGISTRY_USER" "$(cat "$PASSWORD_FILE")" >/dev/null 2>&1; then
  htpasswd -Bbn "$REGISTRY_USER" "$(cat "$PASSWORD_FILE")" >"$HTPASSWD"
fi

write_registry_config() { # name port [auth [tls-cert tls-key]]
  local dir=$STATE_DIR/registry-$1
  mkdir -p "$dir"
  if [ "$REGISTRY_STORAGE" = filesystem ]; then mkdir -p "$dir/data"; fi
  {
    echo "version: 0.1"
    echo "log: {level: warn, accesslog: {disabled: true}}"
    echo "storage:"
    if [ "$REGISTRY_STORAGE" = filesystem ]; then
      echo "  filesystem: {rootdirectory: $dir/data}"
    else
      echo "  inmemory: {}"
    fi
    echo "  delete: {enabled: true}"
    echo "http:"
    echo "  addr: 127.0.0.1:$2"
    echo "  secret: publish-image-test-$1"
    if [ -n "${4:-}" ]; then
      echo "  tls: {certificate: $4, key: $5}"
    fi
    if [ "${3:-}" = auth ]; then
      echo "auth:"
      echo "  htpasswd: {realm: publish-image-test, path: $HTPASSWD}"
    fi
  } >"$dir/config.yml.new"
  if cmp -s "$dir/config.yml.new" "$dir/config.yml"; then
    rm "$dir/config.yml.new"
  else
    mv "$dir/config.yml.new" "$dir/config.yml"
    # A registry started by an earlier run with another config: restart it.
    stop_pidfile "registry-$1 (config changed)" "$STATE_DIR/registry-$1.pid"
  fi
}

registry_status() { # port [https URL of /v2/, checked against the Docker Hub stand-in's CA]
  if [ -n "${2:-}" ]; then
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 --cacert "$HUB_CA" "$2" || true
  else
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/v2/" || true
  fi
}

start_registry() { # name port expected-status-of-/v2/ [https URL of /v2/]
  local name=$1 port=$2 want=$3 url=${4:-} got
  got=$(registry_status "$port" "$url")
  if [ "$got" = "$want" ]; then return; fi
  if [ "$got" != 000 ]; then die "127.0.0.1:$port answers $got, expected $want: something else is on that port"; fi
  log "starting registry-$name on 127.0.0.1:$port"
  setsid nohup /usr/bin/docker-registry serve "$STATE_DIR/registry-$name/config.yml" \
    >>"$STATE_DIR/registry-$name.log" 2>&1 </dev/null &
  echo $! >"$STATE_DIR/registry-$name.pid"
  for _ in $(seq 1 50); do [ "$(registry_status "$port" "$url")" = "$want" ] && return; sleep 0.2; done
  tail -20 "$STATE_DIR/registry-$name.log" >&2
  die "registry-$name did not come up on 127.0.0.1:$port"
}

write_registry_config open "$OPEN_PORT"
write_registry_config auth "$AUTH_PORT" auth
start_registry open "$OPEN_PORT" 200
start_registry auth "$AUTH_PORT" 401
log "registries up: open 127.0.0.1:$OPEN_PORT, auth 127.0.0.1:$AUTH_PORT (user $REGISTRY_USER)"

# ---------------------------------------------------------------------------------------- Docker Hub stand-in
# Docker Hub cannot be reached here, yet its names (docker.io, index.docker.io, registry-1.docker.io) are what a test
# of "one registry identity" needs: a TLS registry with htpasswd auth on 127.0.0.1:443 answers to them. Only those
# three names are mapped (/etc/hosts). The CA is made here and name-constrained to docker.io, so its key, which sits
# in the state directory, can vouch for nothing else. dockerd's BuildKit trusts it through /etc/docker/certs.d;
# dockerd's own login and push to Docker Hub check the system roots only (the test gives its own engine
# SSL_CERT_FILE; see docs/test-environment.md); the action's Node trusts it through NODE_EXTRA_CA_CERTS, set by the
# test for its step.
HUB_NAMES=(registry-1.docker.io index.docker.io docker.io)
HUB_DIR=$STATE_DIR/registry-hub
HUB_CA=$HUB_DIR/ca.crt
mkdir -p "$HUB_DIR"
if [ ! -s "$HUB_CA" ] || [ ! -s "$HUB_DIR/ca.key" ]; then
  log "making the Docker Hub stand-in's CA ($HUB_CA)"
  (umask 077; openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -keyout "$HUB_DIR/ca.key" -out "$HUB_CA" -subj "/CN=publish-image test CA (Docker Hub stand-in)" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "nameConstraints=critical,permitted;DNS:docker.io" 2>>"$HUB_DIR/openssl.log")
  chmod 644 "$HUB_CA"
  rm -f "$HUB_DIR/server.crt"
fi
if [ ! -s "$HUB_DIR/server.crt" ] || ! openssl verify -CAfile "$HUB_CA" "$HUB_DIR/server.crt" >/dev/null 2>&1 \
  || ! openssl x509 -in "$HUB_DIR/server.crt" -noout -checkend 86400 >/dev/null; then
  log "making the Docker Hub stand-in's certificate for ${HUB_NAMES[*]}"
  san=$(printf 'DNS:%s,' "${HUB_NAMES[@]}")
  (umask 077; openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$HUB_DIR/server.key" \
    -subj "/CN=registry-1.docker.io" -out "$HUB_DIR/server.csr" 2>>"$HUB_DIR/openssl.log")
  openssl x509 -req -in "$HUB_DIR/server.csr" -CA "$HUB_CA" -CAkey "$HUB_DIR/ca.key" -CAcreateserial -days 825 \
    -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\nbasicConstraints=critical,CA:FALSE\n' \
      "${san%,}") -out "$HUB_DIR/server.crt" 2>>"$HUB_DIR/openssl.log"
  rm -f "$HUB_DIR/server.csr"
  stop_pidfile "registry-hub (new certificate)" "$STATE_DIR/registry-hub.pid"
fi
HOSTS_MARK='# publish-image test-env: Docker Hub stand-in'
if ! grep -qF "$HOSTS_MARK" /etc/hosts; then
  log "mapping ${HUB_NAMES[*]} to 127.0.0.1 in /etc/hosts"
  # appended in place, not replaced: /etc/hosts is often a bind mount
  printf '127.0.0.1 %s %s\n' "${HUB_NAMES[*]}" "$HOSTS_MARK" >>/etc/hosts
fi
for name in "${HUB_NAMES[@]}"; do
  if ! cmp -s "$HUB_CA" "/etc/docker/certs.d/$name/ca.crt"; then
    mkdir -p "/etc/docker/certs.d/$name"
    cp "$HUB_CA" "/etc/docker/certs.d/$name/ca.crt"
  fi
done
write_registry_config hub 443 auth "$HUB_DIR/server.crt" "$HUB_DIR/server.key"
start_registry hub 443 401 https://registry-1.docker.io/v2/
log "Docker Hub stand-in up: https://registry-1.docker.io (127.0.0.1:443, user $REGISTRY_USER, CA $HUB_CA)"

# -------------------------------------------------------------------------------------------------- base image
BASE_IMAGE=127.0.0.1:$OPEN_PORT/test/busybox:latest
DOCKER="$DOCKER" BUSYBOX_AMD64="$BUSYBOX_AMD64" BUSYBOX_ARM64="$BUSYBOX_ARM64" STATE_DIR="$STATE_DIR" \
  bash "$SCRIPT_DIR/make-base-image.sh" "$BASE_IMAGE"

# ---------------------------------------------------------------------------------------------------- env file
ENV_FILE=$STATE_DIR/env
cat >"$ENV_FILE.new" <<EOF
# Written by scripts/test-env.sh; read by test/e2e/helpers/env.ts. Shell-sourceable.
STATE_DIR=$STATE_DIR
DOCKER=$DOCKER
REGISTRY_OPEN=127.0.0.1:$OPEN_PORT
REGISTRY_AUTH=127.0.0.1:$AUTH_PORT
REGISTRY_USER=$REGISTRY_USER
REGISTRY_PASSWORD_FILE=$PASSWORD_FILE
BASE_IMAGE=$BASE_IMAGE
BUSYBOX_AMD64=$BUSYBOX_AMD64
BUSYBOX_ARM64=$BUSYBOX_ARM64
REGISTRY_HUB=registry-1.docker.io
REGISTRY_HUB_CA=$HUB_CA
EOF
mv "$ENV_FILE.new" "$ENV_FILE"
log "env file $ENV_FILE:"
sed -n 's/^\([A-Z]\)/  \1/p' "$ENV_FILE"

# ------------------------------------------------------------------------------------------------------- smoke
if [ "$SMOKE" = 1 ]; then
  log "smoke: two-platform build FROM $BASE_IMAGE with RUN, pushed to the auth registry"
  ctx=$(mktemp -d)
  export DOCKER_CONFIG=$STATE_DIR/smoke-docker-config
  mkdir -p "$DOCKER_CONFIG"
  cat >"$ctx/Dockerfile" <<EOF
FROM $BASE_IMAGE
RUN echo "built on \$(uname -m)" > /built && date +%s%N > /nonce
CMD ["sh", "-c", "cat /built; echo \"runs on \$(uname -m)\""]
EOF
  out=$("$DOCKER" login "127.0.0.1:$AUTH_PORT" -u "$REGISTRY_USER" --password-stdin <"$PASSWORD_FILE" 2>&1) \
    || { echo "$out" >&2; die "smoke: docker login failed"; }
  ref=127.0.0.1:$AUTH_PORT/smoke/hello:latest
  t=$SECONDS
  "$DOCKER" buildx build --network host --platform linux/amd64,linux/arm64 --no-cache \
    -t "$ref" --push "$ctx" >"$STATE_DIR/smoke-build.log" 2>&1 \
    || { tail -30 "$STATE_DIR/smoke-build.log" >&2; die "smoke build failed (log: $STATE_DIR/smoke-build.log)"; }
  log "smoke: build+push took $((SECONDS - t))s"
  "$DOCKER" buildx imagetools inspect "$ref" | sed -n 's/^ *Platform: *//p' | paste -sd' ' | sed 's/^/[test-env] smoke: pushed platforms: /'
  for plat in linux/amd64 linux/arm64; do
    "$DOCKER" rmi -f "$ref" >/dev/null 2>&1 || true
    out=$("$DOCKER" run --rm --pull always -q --network host --platform "$plat" "$ref")
    out=$(echo $out)
    log "smoke: $plat says: $out"
    want=x86_64; [ "$plat" = linux/arm64 ] && want=aarch64
    [ "$out" = "built on $want runs on $want" ] || die "smoke: $plat image printed '$out', expected 'built on $want runs on $want'"
  done
  "$DOCKER" logout "127.0.0.1:$AUTH_PORT" >/dev/null
  rm -rf "$ctx"
  log "smoke: OK"
fi
log "ready"
