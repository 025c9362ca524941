#!/usr/bin/env bash
# The one-time podman setting the image tests (and `podman run` of the image) need on a
# Debian machine like CI's: podman sets no rlimits of its own on a container
# (default_ulimits = [] under [containers] in containers.conf), as this kind of machine
# refuses them ("error setting rlimit type 7: operation not permitted"). Idempotent: the
# key is set whether the file, the section or the key exist or not; nothing else changes.
# The tests also run podman with --runtime runc (Debian's runc; crun is not needed).
set -euo pipefail
conf=${1:-/etc/containers/containers.conf}
mkdir -p "$(dirname "$conf")"
touch "$conf"
tmp=$(mktemp "$conf.XXXXXX")
awk '
  function emit() { if (!done) { print "default_ulimits = []"; done = 1 } }
  /^[[:space:]]*\[/ {
    if (in_section) emit()
    in_section = ($0 ~ /^[[:space:]]*\[containers\][[:space:]]*(#.*)?$/)
    seen = seen || in_section
    print
    next
  }
  skipping { if ($0 ~ /\]/) skipping = 0; next }
  in_section && /^[[:space:]]*default_ulimits[[:space:]]*=/ {
    emit()
    # an array written over several lines: drop them up to its closing bracket
    value = $0; sub(/^[^=]*=/, "", value); sub(/#.*/, "", value)
    skipping = (value ~ /\[/ && value !~ /\]/)
    next
  }
  { print }
  END {
    if (in_section) emit()
    if (!seen) { if (NR) print ""; print "[containers]"; print "default_ulimits = []" }
  }
' "$conf" >"$tmp"
chmod 0644 "$tmp"
mv "$tmp" "$conf"
