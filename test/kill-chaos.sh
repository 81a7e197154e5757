#!/usr/bin/env bash
# kill -9 of ncompose at random points of an `up`, RUNS times (default 20). After every kill, the
# next `up` must converge: exit 0, then a plan with no changes, the expected containers running
# under their proper names, no lock left, and the data in the named volume intact.
# Usage: test/kill-chaos.sh   (env: RUNS, MAX_DELAY_MS, NCOMPOSE_BIN, NCOMPOSE_TEST_IMAGE)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${NCOMPOSE_BIN:-$ROOT/bin/ncompose.js}"
IMAGE="${NCOMPOSE_TEST_IMAGE:-ncompose-test/busybox:latest}"
RUNS="${RUNS:-20}"
MAX_DELAY_MS="${MAX_DELAY_MS:-3000}"
P="ncchaos$(date +%s)$RANDOM"
DIR="$(mktemp -d)"
PAYLOAD="payload-$P-$RANDOM"

nc() { NO_COLOR=1 node "$BIN" -p "$P" "$@"; }

cleanup() {
  nc down -v --lock-timeout 60 >/dev/null 2>&1 || true
  for kind in "ps -aq" "network ls -q" "volume ls -q"; do
    local ids
    ids="$(docker $kind --filter "label=com.docker.compose.project=$P")"
    [ -z "$ids" ] && continue
    case "$kind" in
      ps*) docker rm -f -v $ids >/dev/null ;;
      network*) docker network rm $ids >/dev/null ;;
      volume*) docker volume rm -f $ids >/dev/null ;;
    esac
  done
  local extra
  extra="$(docker volume ls -q --filter "label=ncompose.revision.project=$P")"
  [ -n "$extra" ] && docker volume rm -f $extra >/dev/null
  extra="$(docker ps -aq --filter "label=ncompose.lock.project=$P")"
  [ -n "$extra" ] && docker rm -f $extra >/dev/null
  rm -rf "$DIR"
}
trap cleanup EXIT

# db writes to the volume on every start; api waits for db healthy; web waits for api.
write_compose() {
  cat > "$DIR/compose.yaml" <<EOF
services:
  db:
    image: $IMAGE
    command: ["sh", "-c", "trap 'exit 0' TERM; echo start >> /data/starts; touch /ready; sleep 3600 & wait"]
    environment: { RELEASE: "$1" }
    healthcheck: { test: ["CMD-SHELL", "test -f /ready"], interval: 200ms, timeout: 1s, retries: 30 }
    volumes: [data:/data]
    stop_grace_period: 1s
  api:
    image: $IMAGE
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    environment: { RELEASE: "$1" }
    depends_on: { db: { condition: service_healthy } }
    stop_grace_period: 1s
  web:
    image: $IMAGE
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    environment: { RELEASE: "$1" }
    depends_on: [api]
    stop_grace_period: 1s
volumes:
  data: {}
EOF
}

fail() {
  echo "kill-chaos: run $1: $2" >&2
  docker ps -a --filter "label=com.docker.compose.project=$P" --format '{{.Names}} {{.Status}}' >&2
  exit 1
}

check_converged() {
  local run="$1" release="$2"
  (cd "$DIR" && nc plan --detailed-exitcode >/dev/null) || fail "$run" "a second plan still has changes"
  local names
  names="$(docker ps --filter "label=com.docker.compose.project=$P" --format '{{.Names}}' | sort | tr '\n' ' ')"
  [ "$names" = "$P-api-1 $P-db-1 $P-web-1 " ] || fail "$run" "running containers are [$names]"
  [ -z "$(docker ps -aq --filter "label=ncompose.lock.project=$P")" ] || fail "$run" "the lock is still held"
  for s in api db web; do
    docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$P-$s-1" | grep -qx "RELEASE=$release" || fail "$run" "$s does not run release $release"
  done
  local got
  got="$(docker run --rm -v "${P}_data:/data" "$IMAGE" cat /data/payload)"
  [ "$got" = "$PAYLOAD" ] || fail "$run" "volume data changed: [$got]"
}

write_compose 0
(cd "$DIR" && nc up -d --wait --progress quiet) || fail 0 "the first up failed"
docker run --rm -v "${P}_data:/data" "$IMAGE" sh -c "echo $PAYLOAD > /data/payload"
check_converged 0 0

for i in $(seq 1 "$RUNS"); do
  write_compose "$i"
  delay_ms=$((RANDOM % MAX_DELAY_MS))
  (cd "$DIR" && exec node "$BIN" -p "$P" up -d --wait --progress quiet >/dev/null 2>&1) &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null && state="killed after ${delay_ms}ms" || state="finished before ${delay_ms}ms"
  wait "$pid" 2>/dev/null || true
  out="$( (cd "$DIR" && nc up -d --wait --progress plain --lock-timeout 30) 2>&1)" || fail "$i" "the up after the kill failed ($state):
$out"
  check_converged "$i" "$i"
  echo "kill-chaos: run $i/$RUNS: $state; the next up converged, data intact"
done
echo "kill-chaos: $RUNS runs, every next up converged and the volume data was intact"
