#!/usr/bin/env python3
"""Replays issue 9's reproductions against a built `slotbook` binary over real HTTP.

    scripts/replay_hardening.py target/release/slotbook [DATABASE_URL]

Without DATABASE_URL it runs on a new SQLite file; with a postgres:// URL the database
must exist and be empty. It signs in as a provider whose zone is west of UTC, sends each
malformed request, prints its status, and fails if any answers 5xx, if the connection
drops, if the server logged a panic, or if a cookie copied before sign-out still works.
Standard library only.
"""
import html
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "correct horse battery staple"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def request(self, method, path, fields=None, raw_body=None):
        body = raw_body
        if fields is not None:
            body = urllib.parse.urlencode(fields).encode()
        req = urllib.request.Request(self.base + path, data=body, method=method)
        if body is not None:
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(req, timeout=30) as resp:
                return resp.status, resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def csrf(self, path):
        _, page = self.request("GET", path)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page)
        if not match:
            raise SystemExit(f"no CSRF token on {path}")
        return html.unescape(match.group(1))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    binary = os.path.abspath(sys.argv[1])
    data = tempfile.mkdtemp(prefix="slotbook-replay-")
    port = free_port()
    env = dict(
        os.environ,
        DATA_DIR=data,
        DATABASE_URL=sys.argv[2] if len(sys.argv) > 2 else f"sqlite://{data}/replay.db",
        BIND=f"127.0.0.1:{port}",
        SECRET_KEY="replay-secret-key-0123456789abcdef0123456789",
        LOG_LEVEL="info",
    )
    subprocess.run(
        [binary, "admin", "create", "--username", "alice", "--email", "alice@example.com",
         "--full-name", "Alice Example", "--timezone", "America/New_York",
         "--password", PASSWORD],
        env=env, check=True, capture_output=True,
    )
    log = open(os.path.join(data, "server.log"), "w")
    server = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    failures = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        alice = Browser(base)
        status, _ = alice.request("POST", "/login", {
            "csrf_token": alice.csrf("/login"), "login": "alice", "password": PASSWORD})
        assert status == 303, f"sign-in answered {status}"
        token = alice.csrf("/dashboard/services/new")
        status, page = alice.request("POST", "/dashboard/services", {
            "csrf_token": token, "name": "Intro", "slug": "intro", "duration_minutes": "30",
            "slot_interval_minutes": "30", "buffer_before_minutes": "0",
            "buffer_after_minutes": "0", "min_notice_minutes": "0", "max_days_ahead": "60",
            "hold_minutes": "30", "cancellation_notice_minutes": "0",
            "confirmation_mode": "email", "is_active": "on"})
        assert status == 303, f"creating the service answered {status}: {page[:300]}"

        guest = Browser(base)
        cases = [
            ("GET far start", guest, "GET", "/alice/intro/book?start=8210266876799", None),
            ("GET far negative start", guest, "GET", "/alice/intro/book?start=-8334601228800", None),
            ("POST far start", guest, "POST", "/alice/intro/book", {
                "csrf_token": guest.csrf("/signup"), "start": "8210266876799",
                "tz": "UTC", "name": "G", "email": "g@example.com"}),
            ("bookings to=+262142", alice, "GET", "/dashboard/bookings?to=%2B262142-12-31", None),
            ("bookings.csv to=+262142", alice, "GET", "/dashboard/bookings.csv?to=%2B262142-12-31", None),
            ("bookings from=-5000", alice, "GET", "/dashboard/bookings?from=-5000-01-01", None),
            ("GET /%00", guest, "GET", "/%00", None),
            ("GET /alice/%00", guest, "GET", "/alice/%00", None),
            ("POST /login login=NUL", guest, "POST", "/login", {
                "csrf_token": guest.csrf("/login"), "login": "\x00", "password": "x"}),
            ("time off start -0001", alice, "POST", "/dashboard/time-off", {
                "csrf_token": alice.csrf("/dashboard/time-off"), "start_date": "-0001-12-31",
                "end_date": "2030-01-01", "reason": "x"}),
            ("time off end +10000", alice, "POST", "/dashboard/time-off", {
                "csrf_token": alice.csrf("/dashboard/time-off"), "start_date": "2030-01-01",
                "end_date": "+10000-01-01", "reason": "x"}),
            ("time off reason NUL", alice, "POST", "/dashboard/time-off", {
                "csrf_token": alice.csrf("/dashboard/time-off"), "start_date": "2030-01-01",
                "end_date": "2030-01-02", "reason": "away\x00"}),
            ("override -5000", alice, "POST", "/dashboard/availability/overrides", {
                "csrf_token": alice.csrf("/dashboard/availability"), "date": "-5000-01-01",
                "closed": "on"}),
            ("bio NUL", alice, "POST", "/dashboard/settings/profile", {
                "csrf_token": alice.csrf("/dashboard/settings"), "full_name": "Alice",
                "business_name": "", "bio": "hi\x00", "timezone": "America/New_York"}),
        ]
        for name, who, method, path, fields in cases:
            try:
                status, _ = who.request(method, path, fields)
            except OSError as e:
                status = f"dropped ({e})"
            ok = isinstance(status, int) and 400 <= status < 500
            print(f"{'ok  ' if ok else 'FAIL'} {status} {name}")
            if not ok:
                failures.append(name)
        # The same forms without the bad value are accepted: the refusals above are the
        # bad value's, not a mistyped field's.
        controls = [
            ("time off", "/dashboard/time-off", "/dashboard/time-off", {
                "start_date": "2030-01-01", "end_date": "2030-01-02", "reason": "away"}),
            ("profile", "/dashboard/settings", "/dashboard/settings/profile", {
                "full_name": "Alice", "business_name": "", "bio": "hi",
                "timezone": "America/New_York"}),
        ]
        for name, form_page, path, fields in controls:
            status, _ = alice.request("POST", path, dict(fields, csrf_token=alice.csrf(form_page)))
            print(f"{'ok  ' if status == 303 else 'FAIL'} {status} a valid {name} is accepted")
            if status != 303:
                failures.append(f"valid {name}")
        for page in ["/dashboard", "/dashboard/time-off", "/dashboard/availability",
                     "/alice", "/alice/intro"]:
            status, _ = alice.request("GET", page)
            print(f"{'ok  ' if status == 200 else 'FAIL'} {status} {page} still answers")
            if status != 200:
                failures.append(page)

        copied = Browser(base)
        for cookie in alice.jar:
            copied.jar.set_cookie(cookie)
        status, _ = alice.request("POST", "/logout", {"csrf_token": alice.csrf("/dashboard")})
        status, _ = copied.request("GET", "/dashboard")
        print(f"{'ok  ' if status == 303 else 'FAIL'} {status} a cookie copied before sign-out")
        if status != 303:
            failures.append("copied cookie")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    with open(os.path.join(data, "server.log")) as f:
        if "panicked" in f.read():
            failures.append("a panic in the server log")
            print("FAIL the server log has a panic")
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
