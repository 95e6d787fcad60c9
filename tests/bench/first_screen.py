#!/usr/bin/env python3
"""first_screen: milliseconds from starting a program on a pseudo-terminal
of COLSxROWS to the moment its output holds MARK (the reader's status
line, which curses writes in the same update as the rest of the first
screen), without tmux in between: tmux's own start and its capture-pane
polling cost 70-130 ms on a loaded 2-core machine, more than the reader.

usage: first_screen.py [-s COLSxROWS] [-m MARK] [-n RUNS] [-o FILE] PROGRAM ARGS...
Prints one line a run: the milliseconds, then "ms". The program gets
TERM=xterm-256color, is killed (SIGTERM) once MARK shows, and a run that
does not show MARK within 20 s prints "timeout" and exits 1. -o FILE
keeps the bytes written up to MARK (of the last run), to check that the
screen was complete then.
"""
import os, pty, re, select, signal, struct, sys, time, fcntl, termios

def run(argv, cols, rows, mark, out):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    t0 = time.monotonic()
    buf = b""
    found = None
    while time.monotonic() - t0 < 20:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        # curses may put cursor moves or colours between the characters
        if mark in re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", buf[-8192:]):
            found = time.monotonic() - t0
            break
    if out:
        with open(out, "wb") as f:
            f.write(buf)
    os.kill(pid, signal.SIGTERM)
    os.close(fd)
    os.waitpid(pid, 0)
    return found

def main():
    a = sys.argv[1:]
    cols, rows, mark, runs, out = 120, 40, b"?:help", 1, None
    while a and a[0].startswith("-"):
        if a[0] == "-s":
            cols, rows = map(int, a[1].split("x")); a = a[2:]
        elif a[0] == "-m":
            mark = a[1].encode(); a = a[2:]
        elif a[0] == "-o":
            out = a[1]; a = a[2:]
        elif a[0] == "-n":
            runs = int(a[1]); a = a[2:]
        else:
            sys.exit("first_screen: unknown option " + a[0])
    if not a:
        sys.exit(__doc__)
    for _ in range(runs):
        t = run(a, cols, rows, mark, out)
        if t is None:
            print("timeout")
            sys.exit(1)
        print("%.1f ms" % (t * 1000))

main()
