#!/usr/bin/python3
"""Runs generated FastAPI stub projects (shared/codegen/fastapi-stubs.ts) and reports what they do.

stdin:  {"cases": [{"dir": PROJECT, "requests": [{"method", "path", "body"?}...]}]}
stdout: {"cases": [{"openapi": <what the app serves at /openapi.json>, "answers": [{"status", "route",
         "location", "allow"}...]} | {"error": "..."}]}

Each project is imported as it would run (`uvicorn main:app` from its folder): its `main`, `models`
and `routers` modules are loaded fresh for every case. Requests go straight to the ASGI app with the
scope uvicorn builds (as differential/fastapi_harness.py does, so no client rewrites the path).
The route that answered is `scope["endpoint"]`, which Starlette fills in for the route that took
the request (or, for a 405, the first route whose path matched); it is reported as
"METHOD /path" with the path as FastAPI documents it (convertors left out).

Run with Debian's /usr/bin/python3 (python3-fastapi 0.92, Starlette 0.26, pydantic 1).
"""

import asyncio
import importlib
import json
import re
import sys
import traceback
from urllib.parse import unquote

PROJECT_MODULES = ("main", "models", "routers")


def load_app(project):
    for name in list(sys.modules):
        if name in PROJECT_MODULES or name.startswith("routers."):
            del sys.modules[name]
    sys.path.insert(0, project)
    try:
        return importlib.import_module("main").app
    finally:
        sys.path.remove(project)


def route_keys(app):
    keys = {}
    for route in app.routes:
        methods = getattr(route, "methods", None) or set()
        path = getattr(route, "path_format", None) or getattr(route, "path", "")
        if route.endpoint is not None and methods:
            method = sorted(m for m in methods if m != "HEAD")[0] if methods - {"HEAD"} else "HEAD"
            keys[route.endpoint] = "%s %s" % (method, path)
    return keys


async def send_request(app, keys, method, target, body):
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
    headers = answer["headers"]
    return {
        "body": answer["body"],
        "status": answer["status"],
        "route": keys.get(scope.get("endpoint")),
        "location": path_and_query(headers.get("location")),
        "allow": headers.get("allow"),
    }


def path_and_query(location):
    if location is None:
        return None
    match = re.match(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^/?#]*", location)
    return location[match.end():] if match else location


async def run_case(case):
    try:
        app = load_app(case["dir"])
        keys = route_keys(app)
        served = await send_request(app, keys, "GET", "/openapi.json", None)
        if served["status"] != 200:
            raise RuntimeError("GET /openapi.json answered %s" % served["status"])
        openapi = json.loads(served["body"])
    except Exception:
        return {"error": traceback.format_exc()}
    answers = []
    for r in case["requests"]:
        answer = await send_request(app, keys, r["method"], r["path"], r.get("body"))
        del answer["body"]
        answers.append(answer)
    return {"openapi": openapi, "answers": answers}


async def main():
    data = json.load(sys.stdin)
    results = [await run_case(case) for case in data["cases"]]
    json.dump({"cases": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    asyncio.run(main())
