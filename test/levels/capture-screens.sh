#!/usr/bin/env bash
# Plays every campaign level once in the built game, in tmux, at 80×24 and a large size, and
# saves what a player sees after the briefing and after starting: for reading by a person
# (the automated check is test/tui/campaign-screens.test.tsx).
#   npm run build && test/levels/capture-screens.sh [OUT_DIR] [SIZES...]
#   e.g. test/levels/capture-screens.sh /tmp/screens 80x24 160x48
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
    tmux capture-pane -pt "$session" | grep -qF -- "$1" && { sleep 0.15; return 0; }
    sleep 0.1
  done
  echo "timed out waiting for '$1' ($size $name)" >&2
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
      tmux new-session -d -s "$session" -x "$w" -y "$h" "env -u CI XDG_DATA_HOME=$data node bin/netquest.js play levels/"
      wait_for 'Campaign'
      tmux send-keys -t "$session" Enter
      wait_for 'solved'
      for ((i = 0; i < ci; i++)); do tmux send-keys -t "$session" Down; sleep 0.05; done
      tmux send-keys -t "$session" Enter
      wait_for 'Level'
      for ((i = 0; i < li; i++)); do tmux send-keys -t "$session" Down; sleep 0.05; done
      tmux send-keys -t "$session" Enter
      wait_for 'Briefing'
      tmux capture-pane -pt "$session" >"$out/$size-$name-1-briefing.txt"
      tmux send-keys -t "$session" Enter
      wait_for 'Tasks'
      tmux capture-pane -pt "$session" >"$out/$size-$name-2-level.txt"
      tmux kill-session -t "$session"
    done
  done
done
echo "$out"
