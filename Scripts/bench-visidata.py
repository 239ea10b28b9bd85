#!/usr/bin/env python3
"""Time visidata and kieumau to their first screen of the same data, side by side (docs/BENCHMARKS.md).

For each scale it writes the benchmark data directory (`kieumau generate --scale`), exports the
snapshot the dashboard opens on as one CSV (a row per ward of the map, joined with its province and
district), then starts each program in a 160x48 tmux pane and polls the pane until the first data row
is on screen:

    visidata:  vd -N DATA.csv                         until the first ward's code shows
    kieumau:   kieumau --data DIR --series demo       until its summary line ("Nationwide") shows

Both are timed the same way (tmux start to the first capture that shows the row, so both include the
same polling overhead of a few ms), N runs each, and the medians and their ratio are printed.

Usage: Scripts/bench-visidata.py [--scales national,communes,stress] [--runs 5] [--binary .build/release/kieumau]
Needs python3 and tmux; visidata is optional: without `vd` on PATH (or $VD) it says how to install it
(`pip install visidata`) and skips.
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

COLUMNS, ROWS = 160, 48
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tmux(socket, *args, check=True):
    return subprocess.run(["tmux", "-L", socket, *args], check=check, capture_output=True, text=True).stdout


def first_screen(socket, command, marker, timeout=30.0):
    """Starts `command` in a fresh pane; returns (seconds until `marker` is on screen, VmHWM MB)."""
    tmux(socket, "kill-session", "-t", "run", check=False)
    start = time.perf_counter()
    tmux(socket, "new-session", "-d", "-s", "run", "-x", str(COLUMNS), "-y", str(ROWS), "exec " + command)
    while True:
        screen = tmux(socket, "capture-pane", "-p", "-t", "run", check=False)
        elapsed = time.perf_counter() - start
        if marker in screen:
            break
        if elapsed > timeout:
            tmux(socket, "kill-session", "-t", "run", check=False)
            raise RuntimeError(f"no {marker!r} on screen after {timeout:.0f} s of: {command}\n{screen}")
    pid = tmux(socket, "display-message", "-p", "-t", "run", "#{pane_pid}").strip()
    peak = float("nan")
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    tmux(socket, "kill-session", "-t", "run", check=False)
    return elapsed, peak


def export_csv(directory, path):
    """The snapshot the dashboard opens on (the latest of series `demo`), one row per ward of its map."""
    snapshots = sorted(os.listdir(os.path.join(directory, "demo")))
    with open(os.path.join(directory, "demo", snapshots[-1]), encoding="utf-8") as f:
        snapshot = json.load(f)
    with open(os.path.join(directory, "maps", snapshot["map"] + ".map.json"), encoding="utf-8") as f:
        admin = json.load(f)
    provinces = {p[0]: p[1] for p in admin["provinces"]}
    districts = {d[0]: d[1] for d in admin.get("districts", [])}
    rows = {r[0]: r for r in snapshot["wards"]}
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["province_code", "province", "district", "ward_code", "ward", "stage", "criteria_met", "criteria"])
        for w in admin["wards"]:
            r = rows.get(w[0])
            marks = r[2] if r else ""
            met = marks.count("1") if marks and "/" not in marks else (marks.split("/")[0] if marks else "")
            out.writerow([w[2], provinces.get(w[2], ""), districts.get(w[3], "") if len(w) > 3 else "", w[0], w[1],
                          r[1] if r else "none", met, marks])
    return admin["wards"][0][0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="national,communes,stress")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "kieumau"))
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)

    vd = os.environ.get("VD") or shutil.which("vd")
    if not vd:
        print("visidata is not installed: `pip install visidata` (or `pipx install visidata`), then run this again. Skipped.")
        return 0
    if not shutil.which("tmux"):
        print("tmux is not installed (apt-get install tmux); it is needed to see each program's first screen. Skipped.")
        return 0
    if not os.access(args.binary, os.X_OK):
        print(f"no kieumau binary at {args.binary}: build it first (swift build -c release) or pass --binary PATH", file=sys.stderr)
        return 1

    socket = f"kieumau-vd-{os.getpid()}"
    work = tempfile.mkdtemp(prefix="kieumau-vd-")
    # A digest cache of the run's own (never the user's), filled by one unmeasured start per scale:
    # the starts measured are warm, as every start after a user's first is.
    env_prefix = f"env TERM=xterm-256color LANG=C.UTF-8 XDG_CONFIG_HOME={work}/config XDG_CACHE_HOME={work}/cache "
    version = subprocess.run([vd, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"visidata: {version} ({vd}); kieumau: {args.binary}; {COLUMNS}x{ROWS} tmux pane; {args.runs} runs each; medians")
    print()
    print("| scale | CSV | visidata to first screen | its peak RSS | kieumau to first screen | its peak RSS | visidata / kieumau |")
    print("|---|---|---|---|---|---|---|")
    try:
        tmux(socket, "new-session", "-d", "-s", "keep", "sleep 100000")   # keeps the server up between runs
        for scale in args.scales.split(","):
            directory = os.path.join(work, scale)
            subprocess.run([args.binary, "generate", "--scale", scale, "--out", directory], check=True, capture_output=True)
            path = os.path.join(work, scale + ".csv")
            first_ward = export_csv(directory, path)
            vd_times, vd_peaks, km_times, km_peaks = [], [], [], []
            first_screen(socket, f"{env_prefix}{args.binary} --data {directory} --series demo", "Nationwide")
            for _ in range(args.runs):
                t, m = first_screen(socket, f"{env_prefix}{vd} -N {path}", first_ward)
                vd_times.append(t); vd_peaks.append(m)
                # The dashboard draws its whole first frame at once: the summary line means the list is there too.
                t, m = first_screen(socket, f"{env_prefix}{args.binary} --data {directory} --series demo", "Nationwide")
                km_times.append(t); km_peaks.append(m)
            vd_t, km_t = statistics.median(vd_times), statistics.median(km_times)
            size = os.path.getsize(path) / 1e6
            print(f"| {scale} | {size:.1f} MB | {vd_t * 1000:.0f} ms | {statistics.median(vd_peaks):.0f} MB "
                  f"| {km_t * 1000:.0f} ms | {statistics.median(km_peaks):.0f} MB | {vd_t / km_t:.1f}× |", flush=True)
    finally:
        tmux(socket, "kill-server", check=False)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
