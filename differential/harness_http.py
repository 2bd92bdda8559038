"""What the Python harnesses share: one request sent straight to an ASGI app, and Location read
as path and query.

The scope is the one uvicorn builds for the request (path = unquote(raw path), raw_path and
query_string as sent), so no client rewrites the path on its way to the framework.
"""

import json
import re
from urllib.parse import unquote


async def call_asgi(app, method, target, body=None):
    """Sends `METHOD target` (with `body` as JSON when given) to `app`.

    Returns (scope, status, headers, body): header names lower-case, each with its first value.
    An app that raises after the server error middleware sent its 500 counts as that 500.
    """
    raw_path, _, query = target.partition("?")
    data = b"" if body is None else json.dumps(body).encode("utf-8")
    headers = [(b"host", b"testserver"), (b"accept", b"*/*")]
    if body is not None:
        headers += [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode("ascii"))]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote(raw_path),
        "raw_path": raw_path.encode("ascii"),
        "query_string": query.encode("ascii"),
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    answer = {"status": None, "headers": {}, "body": b""}
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}
        return {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            for name, value in message.get("headers", []):
                answer["headers"].setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    try:
        await app(scope, receive, send)
    except Exception:  # the server error middleware has sent its 500 already, then re-raises
        if answer["status"] is None:
            answer["status"] = 500
    return scope, answer["status"], answer["headers"], answer["body"]


def path_and_query(location):
    """`http://testserver/a?b` → `/a?b`; a relative Location stays as it is."""
    if location is None:
        return None
    match = re.match(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^/?#]*", location)
    return location[match.end():] if match else location
