#!/usr/bin/env python3
"""feedserver.py - a local HTTP server for akhbar's fetch tests.

Binds 127.0.0.1 on an ephemeral port, prints the port on the first line
of stdout, and exits by itself after --timeout seconds. Threaded, HTTP/1.1
with keep-alive. Each request is logged to --log as one line:
"PATH STATUS inm=<If-None-Match> ims=<If-Modified-Since> ae=<Accept-Encoding>"

Endpoints:
  /file/NAME        a file from --root, with ETag and Last-Modified and a 304
                    on revalidation (If-None-Match or If-Modified-Since)
  /etag/NAME        the same, ETag only;   /lastmod/NAME: Last-Modified only
  /gzip/NAME        the file gzip-compressed (Content-Encoding: gzip)
  /redirect/N       302 chain of N hops ending at /file/a.xml
  /loop             an endless 302 loop
  /moved            301 to /file/moved.xml;   /moved308: 308 to the same
  /status/CODE      an empty response with that status (404, 500...)
  /429              429 with Retry-After: 3600;  /503: 503 Retry-After: 7200
  /slow             headers, then a byte every second for 60 s
  /big              33 MB body with Content-Length
  /big-nolen        33 MB body without Content-Length (connection close)
  /bomb             a gzip bomb: 40 KB that inflate to 64 MB
  /drop             announces 100000 bytes, sends 2000 and hangs up
  /tofile, /toftp   302 to file:///etc/passwd and ftp://127.0.0.1/feed
  /gen/I            a generated feed I (--items items of --item-size bytes)
  /evil-status      500 whose reason phrase holds CSI, OSC and an 8-bit CSI
  /evil-moved       301 to a Location holding escape sequences
  /reset            headers and 100 bytes of a feed, then a TCP reset
  /evil-etag        a feed whose ETag holds a CR and a fake header
  /echo             a small feed; logs "ECHO ua=<User-Agent> token=<X-Token>
                    cookie=<Cookie> auth=<Authorization>" first
  /auth             401 (WWW-Authenticate: Basic) unless the request has
                    Basic auth for ali:p@ss, then /echo
  /auth-away        302 to /echo on http://localhost:PORT (another host
                    name): credentials must not follow
A request for an absolute http:// URL (a client using this server as its
proxy) is logged as "PROXY HOST" and served as its path.
  /page/NAME        a web page from --root, its Content-Type from the name:
                    NAME.html text/html UTF-8, NAME.1256.html text/html
                    windows-1256 (the header alone says it), else
                    application/octet-stream; ?slow=S waits S seconds first
  /echo-page/NAME   the same page; logs "PAGE <path> host=<Host> ua=<User-Agent>
                    token=<X-Token> cookie=<Cookie> auth=<Authorization>" first
  /page-away/NAME   302 to /echo-page/NAME?away on http://localhost:PORT
                    (another host name): credentials and headers must not
                    follow
"""
import argparse
import base64
import email.utils
import gzip
import hashlib
import os
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARGS = None
LOG_LOCK = threading.Lock()
GEN_CACHE = {}
BOMB = None


def log(line):
    if ARGS.log:
        with LOG_LOCK, open(ARGS.log, "a") as f:
            f.write(line + "\n")


def gen_feed(i):
    body = GEN_CACHE.get(i)
    if body is not None:
        return body
    words = ("\u0627\u0644\u0623\u062e\u0628\u0627\u0631 news market "
             "\u0633\u064a\u0627\u0633\u0629 world report ").split()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
             '<channel><title>Generated feed %d \u062e\u0628\u0631</title>'
             '<link>http://example.com/%d</link>' % (i, i)]
    for j in range(ARGS.items):
        text = " ".join(words[(j + k) % len(words)]
                        for k in range(ARGS.item_size // 8))
        date = email.utils.formatdate(1700000000 + i * 1000 + j * 60,
                                      usegmt=True)
        parts.append('<item><title>Item %d of feed %d \u0639\u0646\u0648'
                     '\u0627\u0646</title><link>http://example.com/%d/%d'
                     '</link><guid>gen-%d-%d</guid><pubDate>%s</pubDate>'
                     '<description>%s</description></item>'
                     % (j, i, i, j, i, j, date, text))
    parts.append("</channel></rss>\n")
    body = "".join(parts).encode()
    GEN_CACHE[i] = body
    return body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def note(self, status):
        log("%s %d inm=%s ims=%s ae=%s" % (
            self.path, status, self.headers.get("If-None-Match", "-"),
            self.headers.get("If-Modified-Since", "-"),
            self.headers.get("Accept-Encoding", "-")))

    def send(self, status, body=b"", headers=(), length=True):
        self.note(status)
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def redirect(self, status, where):
        self.send(status, b"", [("Location", where)])

    def serve_file(self, name, etag=True, lastmod=True, compress=False):
        path = os.path.join(ARGS.root or ".", os.path.basename(name))
        try:
            with open(path, "rb") as f:
                body = f.read()
            mtime = os.stat(path).st_mtime
        except OSError:
            return self.send(404, b"no such file")
        tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        lm = email.utils.formatdate(mtime, usegmt=True)
        hdrs = [("Content-Type", "application/rss+xml; charset=utf-8")]
        if etag:
            hdrs.append(("ETag", tag))
        if lastmod:
            hdrs.append(("Last-Modified", lm))
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (etag and inm == tag) or (not etag and lastmod and ims == lm):
            return self.send(304, b"", hdrs, length=False)
        if compress:
            body = gzip.compress(body)
            hdrs.append(("Content-Encoding", "gzip"))
        self.send(200, body, hdrs)

    def do_GET(self):
        if self.path.startswith("http://"):
            # asked as a proxy: log the host, serve the path
            host, _, rest = self.path[7:].partition("/")
            log("PROXY %s" % host)
            self.path = "/" + rest
        p = self.path.split("?")[0]
        if p.startswith("/file/"):
            return self.serve_file(p[6:])
        if p.startswith("/etag/"):
            return self.serve_file(p[6:], lastmod=False)
        if p.startswith("/lastmod/"):
            return self.serve_file(p[9:], etag=False)
        if p.startswith("/gzip/"):
            return self.serve_file(p[6:], compress="gzip" in
                                   self.headers.get("Accept-Encoding", ""))
        if p.startswith("/redirect/"):
            n = int(p[10:] or 0)
            return self.redirect(302, "/redirect/%d" % (n - 1) if n > 0
                                 else "/file/a.xml")
        if p == "/loop":
            return self.redirect(302, "/loop2")
        if p == "/loop2":
            return self.redirect(302, "/loop")
        if p == "/moved":
            return self.redirect(301, "/file/moved.xml")
        if p == "/moved308":
            return self.redirect(308, "/file/moved.xml")
        if p.startswith("/status/"):
            return self.send(int(p[8:]), b"error page")
        if p == "/429":
            return self.send(429, b"slow down", [("Retry-After", "3600")])
        if p == "/503":
            return self.send(503, b"busy", [("Retry-After", "7200")])
        if p == "/tofile":
            return self.redirect(302, "file:///etc/passwd")
        if p == "/toftp":
            return self.redirect(302, "ftp://127.0.0.1/feed.xml")
        if p == "/slow":
            return self.slow()
        if p == "/big":
            return self.send(200, b"<" * (33 << 20))
        if p == "/big-nolen":
            return self.big_nolen()
        if p == "/bomb":
            return self.send(200, BOMB, [("Content-Encoding", "gzip")])
        if p == "/drop":
            return self.drop()
        if p == "/evil-status":
            return self.evil_status()
        if p == "/evil-moved":
            return self.evil_moved()
        if p == "/reset":
            return self.reset()
        if p == "/evil-etag":
            return self.send(200, b'<rss><channel><title>E</title>'
                             b'</channel></rss>',
                             [("ETag", '"a"\rX-Injected: 1')])
        if p == "/echo":
            return self.echo()
        if p == "/auth":
            good = "Basic " + base64.b64encode(b"ali:p@ss").decode()
            if self.headers.get("Authorization") != good:
                return self.send(401, b"who are you?",
                                 [("WWW-Authenticate",
                                   'Basic realm="akhbar"')])
            return self.echo()
        if p == "/auth-away":
            return self.redirect(302, "http://localhost:%d/echo"
                                 % self.server.server_address[1])
        if p.startswith("/page/"):
            return self.serve_page(p[6:])
        if p.startswith("/echo-page/"):
            log("PAGE %s host=%s ua=%s token=%s cookie=%s auth=%s" % (
                self.path, self.h_get("Host"), self.h_get("User-Agent"),
                self.h_get("X-Token"), self.h_get("Cookie"),
                self.h_get("Authorization")))
            return self.serve_page(p[11:])
        if p.startswith("/page-away/"):
            return self.redirect(302, "http://localhost:%d/echo-page/%s?away"
                                 % (self.server.server_address[1], p[11:]))
        if p.startswith("/gen/"):
            return self.send(200, gen_feed(int(p[5:])),
                             [("ETag", '"gen-%s"' % p[5:])]) \
                if self.headers.get("If-None-Match") != '"gen-%s"' % p[5:] \
                else self.send(304, b"", [("ETag", '"gen-%s"' % p[5:])],
                               length=False)
        self.send(404, b"unknown endpoint")

    def h_get(self, name):
        # http.server decodes headers as Latin-1: give UTF-8 back
        v = self.headers.get(name, "-")
        return v.encode("latin-1", "replace").decode("utf-8", "replace")

    def echo(self):
        def h_get(name):
            # http.server decodes headers as Latin-1: give UTF-8 back
            v = self.headers.get(name, "-")
            return v.encode("latin-1", "replace").decode("utf-8", "replace")
        log("ECHO ua=%s token=%s cookie=%s auth=%s" % (
            h_get("User-Agent"), h_get("X-Token"), h_get("Cookie"),
            h_get("Authorization")))
        self.send(200, ('<?xml version="1.0" encoding="UTF-8"?>'
                  '<rss version="2.0"><channel><title>\u0635\u062f\u0649'
                  '</title><item><title>\u062e\u0628\u0631 %s</title>'
                  '<guid>echo-%s</guid></item></channel></rss>'
                  % (self.path, self.path)).encode(),
                  [("Content-Type", "application/rss+xml")])
    def serve_page(self, name):
        q = self.path.split("?", 1)[1] if "?" in self.path else ""
        if q.startswith("slow="):
            time.sleep(float(q[5:]))
        path = os.path.join(ARGS.root or ".", os.path.basename(name))
        try:
            with open(path, "rb") as f:
                body = f.read()
        except OSError:
            return self.send(404, b"<html><body>Not found</body></html>",
                             [("Content-Type", "text/html")])
        if name.endswith(".1256.html"):
            ctype = "text/html; charset=windows-1256"
        elif name.endswith(".html"):
            ctype = "text/html; charset=utf-8"
        else:
            ctype = "application/octet-stream"
        self.send(200, body, [("Content-Type", ctype)])

    def slow(self):
        self.note(200)
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def big_nolen(self):
        self.note(200)
        self.send_response(200)
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<" * (1 << 20)
        try:
            for _ in range(33):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def drop(self):
        self.note(200)
        self.send_response(200)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b'<?xml version="1.0"?><rss version="2.0">' +
                         b" " * 2000)
        self.wfile.flush()
        self.close_connection = True


    def evil_status(self):
        self.note(500)
        # send_response() would not let the escapes through: write it.
        self.wfile.write(b"HTTP/1.1 500 Bad\x1b[2J\x1b]0;pwned\x07 "
                         b"\xc2\x9b31mthing\xe2\x80\xae\r\n"
                         b"Content-Length: 0\r\n\r\n")
        self.wfile.flush()

    def evil_moved(self):
        self.note(301)
        self.wfile.write(b"HTTP/1.1 301 Moved\r\nLocation: /file/"
                         b"escapes-all.xml?\x1b]0;pwned\x07\x1b[2J"
                         b"\xe2\x80\xaeX\r\nContent-Length: 0\r\n\r\n")
        self.wfile.flush()

    def reset(self):
        self.note(200)
        self.send_response(200)
        self.send_header("Content-Length", "4000")
        self.end_headers()
        self.wfile.write(b'<?xml version="1.0"?><rss version="2.0">' +
                         b" " * 60)
        self.wfile.flush()
        # SO_LINGER with a zero timeout: close() sends RST, not FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        os.close(self.connection.detach())
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        pass    # clients hanging up on purpose (size caps, timeouts)


def main():
    global ARGS, BOMB
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", help="directory served under /file/")
    ap.add_argument("--log", help="request log file")
    ap.add_argument("--timeout", type=float, default=60,
                    help="exit after this many seconds")
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--item-size", type=int, default=2800)
    ARGS = ap.parse_args()
    BOMB = gzip.compress(b"\0" * (64 << 20), compresslevel=9)
    srv = Server(("127.0.0.1", 0), Handler)
    print(srv.server_address[1], flush=True)
    threading.Timer(ARGS.timeout, lambda: os._exit(0)).start()
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
