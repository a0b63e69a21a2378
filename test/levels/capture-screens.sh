#!/usr/bin/env bash
# Plays every campaign level once in the built game, in tmux, at 80×24 and a large size, and
# saves what a player sees after the briefing and after starting: for reading by a person
# (the automated check is test/tui/campaign-screens.test.tsx).
#   npm run build && test/levels/capture-screens.sh [OUT_DIR] [SIZES...]
#   e.g. test/levels/capture-screens.sh /tmp/screens 80x24 160x48
#   ONLY=REGEX limits it to the levels whose chapter-file name matches (e.g. ONLY=07-tcp).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
shift || true
sizes=("${@:-80x24}")
[ $# -gt 0 ] || sizes=(80x24 160x48)
mkdir -p "$out"
data=$(mktemp -d)
mkdir -p "$data/netquest"
# Every level open, so each is reached the same way.
echo '{"version":1,"packs":{},"settings":{"unlockAll":true},"settingsChangedAt":1}' >"$data/netquest/progress.json"
session="nq-capture-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$data"' EXIT

# Waits (up to 10 s) until the pane shows TEXT: a loaded machine only makes this slower.
wait_for() {
  for _ in $(seq 100); do
    tmux capture-pane -pt "$session" 2>/dev/null | grep -qF -- "$1" && { sleep 0.15; return 0; }
    sleep 0.1
  done
  echo "timed out waiting for '$1' ($size $name)" >&2
  return 1
}

# One key at a time: keys sent together may arrive as one chunk.
keys() {
  for ((k = 0; k < $2; k++)); do tmux send-keys -t "$session" "$1"; sleep 0.2; done
}

# Opens level LI of chapter CI and captures the briefing and the level screen.
capture() {
  tmux new-session -d -s "$session" -x "$w" -y "$h" "env -u CI XDG_DATA_HOME=$data node bin/netquest.js play levels/"
  wait_for 'Campaign' || return 1
  keys Enter 1
  wait_for 'solved' || return 1
  keys Down "$ci"
  keys Enter 1
  wait_for 'Level' || return 1
  keys Down "$li"
  keys Enter 1
  wait_for 'Briefing' || return 1
  # A key lost on the way opens another level: check the title.
  tmux capture-pane -pt "$session" | grep -qF -- "$title" || { echo "opened the wrong level for $name" >&2; return 1; }
  tmux capture-pane -pt "$session" >"$out/$size-$name-1-briefing.txt"
  keys Enter 1
  wait_for 'Tasks' || return 1
  tmux capture-pane -pt "$session" >"$out/$size-$name-2-level.txt"
}

# Chapter folders and their levels, in pack order (pack.yaml lists them).
mapfile -t chapters < <(ls -d levels/*/ | sort)
for size in "${sizes[@]}"; do
  w=${size%x*}
  h=${size#*x}
  for ci in "${!chapters[@]}"; do
    mapfile -t files < <(ls "${chapters[$ci]}"*.yaml | sort)
    for li in "${!files[@]}"; do
      name=$(basename "${chapters[$ci]}")-$(basename "${files[$li]}" .yaml)
      if [ -n "${ONLY:-}" ] && ! [[ "$name" =~ $ONLY ]]; then continue; fi
      title=$(node -e 'const t = require("yaml").parse(require("fs").readFileSync(process.argv[1], "utf8")).title; console.log(typeof t === "string" ? t : t.en)' "${files[$li]}")
      # A build running at the same time, or a lost key, can spoil one try: up to three.
      for try in 1 2 3; do
        capture && break
        tmux kill-session -t "$session" 2>/dev/null || true
        if [ "$try" = 3 ]; then echo "FAILED: $size $name" >&2; fi
      done
      tmux kill-session -t "$session" 2>/dev/null || true
    done
  done
done
echo "$out"
