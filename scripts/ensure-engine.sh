#!/usr/bin/env bash
# Make sure a Docker Engine answers; install and start one when we can (root on Debian/Ubuntu).
set -euo pipefail

engine_answers() { docker info >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_answers; then exit 0; fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ncompose: no Docker Engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}." >&2
  echo "Start one (e.g. 'sudo systemctl start docker' or 'sudo dockerd &') and run this again." >&2
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1 || [ ! -x /bin/busybox ]; then
  echo "Installing docker.io and busybox-static from Debian packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq docker.io busybox-static >/dev/null
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  echo "Starting dockerd (log: /tmp/dockerd.log)..." >&2
  setsid dockerd >/tmp/dockerd.log 2>&1 < /dev/null &
fi

for _ in $(seq 1 120); do
  if engine_answers; then exit 0; fi
  sleep 0.5
done
echo "ncompose: dockerd did not answer within 60 s; see /tmp/dockerd.log" >&2
tail -20 /tmp/dockerd.log >&2 || true
exit 1
