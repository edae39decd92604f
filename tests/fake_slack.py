"""A small fake of Slack's Web API on 127.0.0.1 that records every call the bot makes.

It answers auth.test, chat.postMessage, chat.postEphemeral, views.publish, views.open,
users.info, usergroups.users.list, files.info and apps.connections.open, the response_url posts
of slash commands and buttons, and the download of a file it holds (with the bot token only);
and, for scheduled posts, conversations.history (the messages posted to a channel, with their
metadata, including one whose answer was lost), conversations.info (`channels` says which are
private), conversations.open and bots.info. It can answer a method with 429 and Retry-After a
given number of times, with a server error (500, 502…) a given number of times, with an API
error (`ok: false`) a given number of times, or hang up without answering; and it can be slow:
every call waits `slow_seconds`.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse

HOME_TEAM = "THOME001"
BOT_USER = "UBOT0001"
BOT_TOKEN = "xoxb-test-token"
HANG_UP = "(hang up)"
SERVER_ERROR = "(server error)"


@dataclass
class Call:
    method: str
    params: dict
    headers: dict
    path: str = ""
    at: float = field(default_factory=time.perf_counter)
    ts: str = field(default_factory=lambda: f"{time.time():.6f}")
    """The ts Slack gives a message this call posts."""


@dataclass
class FakeSlack:
    users: dict[str, dict] = field(default_factory=dict)
    socket_url: str = ""
    calls: list[Call] = field(default_factory=list)
    delays: dict[str, float] = field(default_factory=dict)
    """Seconds to wait before answering a method: a slow Slack."""
    slow_seconds: float = 0
    """Seconds every call waits before it is answered, whatever the method."""
    port: int = 0
    """Where to listen; 0 for any free port."""
    usergroups: dict[str, list[str]] = field(default_factory=dict)
    """User group id -> its members' ids, for usergroups.users.list."""
    channels: dict[str, dict] = field(default_factory=dict)
    """Channel id -> what conversations.info says of it (e.g. {"is_private": True})."""
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """File id -> (name, content), for files.info and the download at its url_private_download."""
    _rate_limits: dict[str, tuple[int, int]] = field(default_factory=dict)
    _failures: dict[str, list[str]] = field(default_factory=dict)
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}/response/{name}"

    def start(self) -> FakeSlack:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                fake._handle(self, dict(parse_qsl(urlparse(self.path).query)))

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = dict(parse_qsl(raw))
                    params.update(parse_qsl(urlparse(self.path).query))
                fake._handle(self, params)

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    # ---- behaviour ----------------------------------------------------------------

    def rate_limit(self, method: str, times: int, retry_after: int = 1) -> None:
        self._rate_limits[method] = (times, retry_after)

    def server_error(self, method: str, times: int = 1, status: int = 500) -> None:
        """Answer the next `times` calls of a method with an HTTP server error."""
        self._failures.setdefault(method, []).extend([f"{SERVER_ERROR}{status}"] * times)

    def fail(self, method: str, error: str = "missing_scope", times: int = 1) -> None:
        """Answer the next `times` calls of a method with `{"ok": false, "error": error}`."""
        self._failures.setdefault(method, []).extend([error] * times)

    def hang_up(self, method: str, times: int = 1) -> None:
        """Close the connection without answering the next `times` calls of a method."""
        self._failures.setdefault(method, []).extend([HANG_UP] * times)

    def _answer(self, method: str, params: dict, call: Call) -> dict:
        if method == "auth.test":
            return {
                "ok": True,
                "team_id": HOME_TEAM,
                "user_id": BOT_USER,
                "bot_id": "BBOT0001",
                "team": "CSP",
            }
        if method == "chat.postMessage":
            return {"ok": True, "channel": params.get("channel"), "ts": call.ts}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"{time.time():.6f}"}
        if method == "views.open":
            view = params.get("view")
            view = json.loads(view) if isinstance(view, str) else view or {}
            return {"ok": True, "view": {"id": f"V{len(self.posted('views.open')):08d}", **view}}
        if method == "users.info":
            user = self.users.get(params.get("user"), {"team_id": HOME_TEAM, "is_stranger": False})
            return {"ok": True, "user": {"id": params.get("user"), **user}}
        if method == "usergroups.users.list":
            members = self.usergroups.get(params.get("usergroup"))
            if members is None:
                return {"ok": False, "error": "no_such_subteam"}
            return {"ok": True, "users": list(members)}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        if method == "conversations.history":
            return {"ok": True, "messages": self.history(params.get("channel")), "has_more": False}
        if method == "conversations.info":
            channel = params.get("channel")
            return {
                "ok": True,
                "channel": {"id": channel, "is_private": False, **self.channels.get(channel, {})},
            }
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(params.get("users"))[1:]}}
        if method == "bots.info":
            return {"ok": True, "bot": {"id": params.get("bot"), "app_id": "A0CSP"}}
        if method == "files.info":
            return self._file_info(params.get("file"))
        return {"ok": True}

    def history(self, channel: str | None) -> list[dict]:
        """Newest first, as Slack gives them: every post recorded for the channel (or for the
        user whose direct message it is), whether or not its answer reached the bot."""
        dm_user = "U" + channel[1:] if channel and channel.startswith("D") else None
        messages = [
            {
                "type": "message",
                "ts": c.ts,
                "text": c.params.get("text"),
                "metadata": c.params.get("metadata"),
            }
            for c in self.posted("chat.postMessage")
            if c.params.get("channel") in (channel, dm_user)
        ]
        return list(reversed(messages))

    def add_file(self, file_id: str, name: str, content: bytes) -> dict:
        """A file someone sent, and the `files` entry of the message event that carries it."""
        self.files[file_id] = (name, content)
        return {"id": file_id, "name": name, "filetype": "csv", "size": len(content)}

    def _file_info(self, file_id: str | None) -> dict:
        if file_id not in self.files:
            return {"ok": False, "error": "file_not_found"}
        name, content = self.files[file_id]
        return {
            "ok": True,
            "file": {
                "id": file_id,
                "name": name,
                "filetype": "csv",
                "size": len(content),
                "url_private_download": f"{self.url}/files-pri/{HOME_TEAM}-{file_id}/download/{name}",
            },
        }

    def _download(self, request: BaseHTTPRequestHandler, path: str) -> None:
        file_id = path.split("/")[2].split("-", 1)[-1]
        if request.headers.get("Authorization") != f"Bearer {BOT_TOKEN}" or file_id not in self.files:
            page = b"<html>Sign in to Slack</html>"  # what Slack sends without the token
            self._send_bytes(request, 200, page, "text/html")
            return
        self._send_bytes(request, 200, self.files[file_id][1], "text/csv")

    def _handle(self, request: BaseHTTPRequestHandler, params: dict) -> None:
        path = urlparse(request.path).path
        if path.startswith("/files-pri/"):
            self._record(Call("files.download", params, dict(request.headers), path))
            self._download(request, path)
            return
        method = path.removeprefix("/api/") if path.startswith("/api/") else "response_url"
        limited = self._rate_limits.get(method)
        if limited and limited[0] > 0:
            self._rate_limits[method] = (limited[0] - 1, limited[1])
            self._record(Call(f"{method}#429", params, dict(request.headers), path))
            self._send(request, 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(limited[1])})
            return
        time.sleep(self.delays.get(method, 0) + self.slow_seconds)
        with self._changed:
            failures = self._failures.get(method)
            failure = failures.pop(0) if failures else None
        if failure is not None and failure.startswith(SERVER_ERROR):
            status = int(failure.removeprefix(SERVER_ERROR))
            self._record(Call(f"{method}#{status}", params, dict(request.headers), path))
            self._send(request, status, {"ok": False, "error": "server_error"})
            return
        call = Call(method, params, dict(request.headers), path)
        self._record(call)
        if failure == HANG_UP:
            request.close_connection = True  # the client reads no status line at all
        elif failure is not None:
            self._send(request, 200, {"ok": False, "error": failure})
        else:
            self._send(request, 200, self._answer(method, params, call))

    @staticmethod
    def _send(request: BaseHTTPRequestHandler, status: int, body: dict, headers: dict | None = None) -> None:
        data = json.dumps(body).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)

    @staticmethod
    def _send_bytes(request: BaseHTTPRequestHandler, status: int, data: bytes, content_type: str) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # ---- for tests ------------------------------------------------------------------

    def posted(self, *methods: str) -> list[Call]:
        return [c for c in self.calls if c.method in methods]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10) -> list[Call]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.posted(method)) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"no {count} x {method} within {timeout}s; calls: {[c.method for c in self.calls]}"
                    )
                self._changed.wait(left)
        return self.posted(method)

    def settle(self, seconds: float = 0.5) -> None:
        """Give background listeners time to make calls that should not happen."""
        time.sleep(seconds)
