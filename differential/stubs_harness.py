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
import sys
import traceback

from harness_http import call_asgi, path_and_query

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
    scope, status, headers, data = await call_asgi(app, method, target, body)
    return {
        "body": data,
        "status": status,
        "route": keys.get(scope.get("endpoint")),
        "location": path_and_query(headers.get("location")),
        "allow": headers.get("allow"),
    }


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
