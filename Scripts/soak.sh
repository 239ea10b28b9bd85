#!/usr/bin/env bash
# Random-key soak of the dashboard (issue 5): runs `kieumau` in a private tmux server for MINUTES,
# sending random keys and resizes drawn from a fixed SEED, samples its resident memory (RSS) every
# few seconds, and fails if the program dies or its RSS grows past a bound. Not part of `swift test`.
#
#   Scripts/soak.sh [MINUTES] [SEED]          # defaults: 10 minutes, seed 20251124
#
# Environment:
#   KIEUMAU_BINARY    the program (default: .build/release/kieumau, else .build/debug/kieumau)
#   SOAK_ARGS         extra arguments for the dashboard (e.g. "--data DIR" or "--series demo")
#   SOAK_OUT          folder for rss.csv, the last screen and the log (default: a new /tmp folder);
#                     the dashboard's home, working directory and exports (`e`) go in a scratch
#                     folder inside it that is removed at the end, so nothing reaches the checkout
#   SOAK_INTERVAL     seconds between RSS samples (default 5)
#   SOAK_WARMUP       seconds before the RSS baseline is taken (default 60)
#   SOAK_GROWTH_KIB   allowed growth over the baseline, KiB (default: 20% of it, at least 8192)
#
# The same MINUTES and SEED send the same keys and sizes in the same order; a failure replays.
# See docs/HOSTILE.md for what it checks and the last recorded run.
set -euo pipefail

minutes=${1:-10}
seed=${2:-20251124}
interval=${SOAK_INTERVAL:-5}
warmup=${SOAK_WARMUP:-60}
root=$(cd "$(dirname "$0")/.." && pwd)

binary=${KIEUMAU_BINARY:-}
if [[ -z $binary ]]; then
    for candidate in "$root/.build/release/kieumau" "$root/.build/debug/kieumau"; do
        if [[ -x $candidate ]]; then binary=$candidate; break; fi
    done
fi
if [[ -z $binary || ! -x $binary ]]; then
    echo "soak: no kieumau binary; run 'swift build -c release' or set KIEUMAU_BINARY" >&2
    exit 2
fi
command -v tmux >/dev/null || { echo "soak: tmux is not installed" >&2; exit 2; }

out=${SOAK_OUT:-$(mktemp -d "/tmp/kieumau-soak-$seed-XXXXXX")}
scratch="$out/scratch"
mkdir -p "$scratch/home" "$scratch/work" "$scratch/exports"
socket="kieumau-soak-$$"
log="$out/soak.log"
csv="$out/rss.csv"
: >"$log"
say() { echo "$*" | tee -a "$log"; }

# --- a deterministic generator (64-bit LCG, Knuth's constants; bash arithmetic wraps mod 2^64) ---
state=$seed
next() {   # sets r to a number in [0, $1)
    state=$(( state * 6364136223846793005 + 1442695040888963407 ))
    r=$(( ((state >> 33) & 0x7fffffff) % $1 ))
}

# Every key the dashboard knows except quitting (q, Ctrl-C): moves, pages, drill in and out,
# filters with text, snapshots, series, sort, band, theme, language, help, repaint.
keys=(j k j k Down Up h l Left Right Enter Enter Escape Escape BSpace PageDown PageUp Space C-f C-b
      Home End g G n p '<' '>' , . D s f t L '?' F1 C-l / a h n u y e ' ' Tab BTab)

cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT

# The program runs inside a shell that prints its exit status and the tty's settings when it ends.
wrapper='trap "" INT; "$@"; echo "[exit=$?]"; echo "[tty $(stty -a | tr -s " ;" "\n\n" | grep -xE -- "-?(icanon|echo|isig)" | tr "\n" " ")]"; exec sleep 3600'
# shellcheck disable=SC2086
tmux -L "$socket" -f /dev/null new-session -d -x 120 -y 40 -s main -c "$scratch/work" \
    /bin/sh -c "$wrapper" soak env HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/config" XDG_DATA_HOME="$scratch/home/data" \
    XDG_STATE_HOME="$scratch/home/state" TERM=xterm-256color LANG=C.UTF-8 "$binary" --export-dir "$scratch/exports" ${SOAK_ARGS:-}

shell_pid=$(tmux -L "$socket" display-message -p -t main '#{pane_pid}')
pid=""
for _ in $(seq 1 200); do
    pid=$(pgrep -P "$shell_pid" | head -1 || true)
    [[ -n $pid ]] && break
    sleep 0.05
done
[[ -n $pid ]] || { say "soak: the dashboard did not start"; exit 1; }

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
alive() { [[ -d /proc/$pid ]] && ! tmux -L "$socket" capture-pane -p -t main | grep -q '^\[exit='; }

say "soak: $binary (pid $pid), $minutes min, seed $seed, samples every ${interval}s, output $out"
echo "seconds,rss_kib,keys,resizes" >"$csv"

start=$SECONDS
end=$(( start + $(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }') ))   # MINUTES may be a fraction
next_sample=$start
sent=0
resizes=0
baseline=0
peak_after=0
while (( SECONDS < end )); do
    # A burst of 1-8 keys in one tmux command, now and then a new size (1x1 up to 250x80).
    next 8; n=$(( r + 1 )); burst=()
    for (( i = 0; i < n; i++ )); do next ${#keys[@]}; burst+=("${keys[r]}"); done
    tmux -L "$socket" send-keys -t main "${burst[@]}" 2>>"$log" || true
    sent=$(( sent + n ))
    next 40
    if (( r == 0 )); then
        next 250; w=$(( r + 1 )); next 80; h=$(( r + 1 ))
        tmux -L "$socket" resize-window -t main -x "$w" -y "$h" 2>>"$log" || true
        resizes=$(( resizes + 1 ))
    fi
    next 30; sleep "0.0$(( r + 10 ))"   # 10-39 ms between bursts

    if (( SECONDS >= next_sample )); then
        if ! alive; then
            tmux -L "$socket" capture-pane -p -t main >"$out/last-screen.txt" || true
            say "soak: FAILED: the dashboard ended after $(( SECONDS - start )) s ($sent keys, $resizes resizes); screen in $out/last-screen.txt"
            exit 1
        fi
        kib=$(rss "$pid")
        t=$(( SECONDS - start ))
        echo "$t,$kib,$sent,$resizes" >>"$csv"
        if (( t < warmup )); then
            (( kib > baseline )) && baseline=$kib
        else
            (( kib > peak_after )) && peak_after=$kib
        fi
        next_sample=$(( next_sample + interval ))
    fi
done

# Back to a normal size, then quit: the program must end with status 0 and the tty restored.
tmux -L "$socket" resize-window -t main -x 120 -y 40
tmux -L "$socket" send-keys -t main Escape Escape Escape
sleep 0.3
tmux -L "$socket" send-keys -t main q
for _ in $(seq 1 100); do
    tmux -L "$socket" capture-pane -p -t main | grep -q '^\[tty ' && break
    sleep 0.1
done
tmux -L "$socket" capture-pane -p -t main >"$out/last-screen.txt"
exit_line=$(grep '^\[exit=' "$out/last-screen.txt" || true)
tty_line=$(grep '^\[tty ' "$out/last-screen.txt" || true)

growth_allowed=${SOAK_GROWTH_KIB:-$(( baseline / 5 > 8192 ? baseline / 5 : 8192 ))}
say "soak: $sent keys, $resizes resizes in $(( SECONDS - start )) s"
say "soak: RSS baseline (max of the first ${warmup}s) ${baseline} KiB, max afterwards ${peak_after} KiB, allowed growth ${growth_allowed} KiB"
awk -F, 'NR > 1 { n++; v[n] = $2; if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 }
         END { printf "soak: RSS KiB min %d, max %d, first %d, last %d over %d samples\n", min, max, v[1], v[n], n }' "$csv" | tee -a "$log"
# The curve, one line per minute (the sample nearest each whole minute).
awk -F, 'NR > 1 { m = int($1 / 60); if (!(m in seen)) { seen[m] = 1; printf "soak:   %3d min  %6d KiB\n", m, $2 } }' "$csv" | tee -a "$log"

status=0
if [[ $exit_line != "[exit=0]" ]]; then say "soak: FAILED: quitting gave '$exit_line'"; status=1; fi
for flag in icanon echo isig; do
    if ! grep -qw -- "$flag" <<<"$tty_line" || grep -qw -- "-$flag" <<<"$tty_line"; then
        say "soak: FAILED: tty not restored ($tty_line)"; status=1; break
    fi
done
if (( peak_after > baseline + growth_allowed )); then
    say "soak: FAILED: RSS grew from ${baseline} to ${peak_after} KiB (more than ${growth_allowed} KiB)"; status=1
fi
(( status == 0 )) && say "soak: PASSED (rss.csv in $out)"
exit $status
