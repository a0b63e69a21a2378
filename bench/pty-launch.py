#!/usr/bin/env python3
"""Launches a program in a fresh pseudo-terminal and times it to its first drawn frame.

Used by `npm run bench` (bench/startup.ts); Python's pty module stands in for node-pty, which
would be a native dependency. The clock starts right after fork, so neither Python's own start
nor a shell is counted: only the program, from exec to the first printable character it writes
(escape sequences alone, such as entering the alternate screen, are not a frame).

  pty-launch.py COLS ROWS IDLE_MS -- PROGRAM ARGS...

Prints one JSON line: {"firstFrameMs": ..., "cpuMs": ..., "rssKb": ..., "text": "..."}: cpuMs is
the program's CPU time when its first frame arrived (a figure that waiting for a busy core does
not inflate), rssKb its VmRSS IDLE_MS after that (idling), text the start of that frame.
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

cols, rows, idle_ms = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
argv = sys.argv[sys.argv.index('--') + 1:]
TIMEOUT_S = 20
ESCAPES = re.compile(rb'\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78DEHMNOZc]|[\x00-\x1f\x7f]')

pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(argv[0], argv)
start = time.monotonic()

def read_some(timeout):
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return b''
    try:
        return os.read(fd, 65536)
    except OSError:  # the program ended: EIO on the master
        return None

def cpu_ms():
    """The program's CPU time so far (all its threads, user and system), in 10 ms ticks."""
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf('SC_CLK_TCK')
    except (OSError, IndexError, ValueError):
        return None

def vm_rss_kb():
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1])
    except OSError:
        pass
    return None

out = b''
first = None
cpu = None
text = ''
while time.monotonic() - start < TIMEOUT_S:
    chunk = read_some(0.5)
    if chunk is None:
        break
    out += chunk
    visible = ESCAPES.sub(b'', out).strip()
    if visible:
        first = (time.monotonic() - start) * 1000
        cpu = cpu_ms()
        text = visible[:60].decode('utf-8', 'replace')
        break

rss = None
if first is not None:
    deadline = time.monotonic() + idle_ms / 1000
    while time.monotonic() < deadline:  # keep draining, so the program never blocks on output
        if read_some(max(0.0, deadline - time.monotonic())) is None:
            break
    rss = vm_rss_kb()

try:
    os.kill(pid, signal.SIGTERM)
except ProcessLookupError:
    pass
for _ in range(100):
    if os.waitpid(pid, os.WNOHANG) != (0, 0):
        break
    read_some(0.02)
else:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
print(json.dumps({'firstFrameMs': first, 'cpuMs': cpu, 'rssKb': rss, 'text': text}))
