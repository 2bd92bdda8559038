#!/usr/bin/python3
"""Runs route tables through a real FastAPI app and prints what it answers.

stdin:  {"cases": [{"routes": [HarnessRoute...], "requests": [{"method", "path"}...]}]}
stdout: {"cases": [[{"status", "route", "location", "allow"}...]...]}

One FastAPI app per case: one APIRouter per controller with its prefix, included in declaration
order; one endpoint per route with status_code=defaultStatus; a param's type is its annotation
(int, float, UUID, str), a convertor goes in the path (`{id:int}`), a catch-all is `{rest:path}`.

Requests go straight to the ASGI app with the scope uvicorn (h11) builds from the request line:
path = unquote(raw path), raw_path and query_string as sent. Starlette's TestClient is not used
because httpx normalises the URL before sending: `//a` becomes `/` (taken as a host), `/a/../b`
becomes `/b`, `%7e` becomes `%7E` (see differential/FINDINGS.md).

The route that answered comes from an `x-route` header: the endpoint sets it, and the 405 and 422
exception handlers set it from `scope["endpoint"]`, which Starlette fills in for the route that
produced the error (for a 405: the first route whose path matched).

Run with Debian's /usr/bin/python3 (python3-fastapi 0.92, Starlette 0.26, pydantic 1).
"""

import asyncio
import inspect
import json
import re
import sys
import uuid

from harness_http import call_asgi, path_and_query

from fastapi import APIRouter, FastAPI, Response
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

ANNOTATIONS = {"integer": int, "number": float, "uuid": uuid.UUID, "string": str, "path": str, "boolean": bool}
TEMPLATE_PARAM = re.compile(r"\{([^{}]+)\}")


def starlette_path(route):
    params = {p["name"]: p for p in route["params"]}

    def replace(match):
        name = match.group(1)
        convertor = params.get(name, {}).get("convertor")
        return "{%s:%s}" % (name, convertor) if convertor else "{%s}" % name

    return TEMPLATE_PARAM.sub(replace, route["localPath"])


def make_endpoint(route):
    route_id = route["id"]

    async def endpoint(response: Response, **_params):
        response.headers["x-route"] = route_id
        return {"route": route_id}

    # FastAPI reads the parameters from the signature: give it the typed path params.
    parameters = [inspect.Parameter("response", inspect.Parameter.KEYWORD_ONLY, annotation=Response)]
    for param in route["params"]:
        annotation = str if param["convertor"] == "path" else ANNOTATIONS.get(param["type"], str)
        parameters.append(inspect.Parameter(param["name"], inspect.Parameter.KEYWORD_ONLY, annotation=annotation))
    endpoint.__signature__ = inspect.Signature(parameters)
    endpoint.__name__ = "route_%d" % id(endpoint)
    endpoint.routecraft_id = route_id
    return endpoint


def build_app(routes):
    # No /docs, /redoc, /openapi.json: a real app has them first in its table (FINDINGS.md).
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    def answered_by(request, response):
        endpoint = request.scope.get("endpoint")
        route_id = getattr(endpoint, "routecraft_id", None)
        if route_id is not None:
            response.headers["x-route"] = route_id
        return response

    @app.exception_handler(StarletteHTTPException)
    async def on_http_exception(request, exc):
        response = await http_exception_handler(request, exc)
        return answered_by(request, response) if exc.status_code == 405 else response

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request, exc):
        return answered_by(request, await request_validation_exception_handler(request, exc))

    routers = []  # (controller, prefix, router) in the order controllers first appear
    for route in routes:
        key = (route["controller"], route["prefix"])
        if not routers or routers[-1][0] != key:
            routers.append((key, APIRouter(prefix=route["prefix"])))
        router = routers[-1][1]
        router.add_api_route(
            starlette_path(route),
            make_endpoint(route),
            methods=[route["method"]],
            status_code=route["defaultStatus"],
        )
    for _, router in routers:
        app.include_router(router)
    return app


async def send_request(app, method, target):
    _, status, headers, _ = await call_asgi(app, method, target)
    return outcome(status, headers)


def outcome(status, headers):
    location = path_and_query(headers.get("location"))
    return {"status": status, "route": headers.get("x-route"), "location": location, "allow": headers.get("allow")}


async def run_case(case):
    try:
        app = build_app(case["routes"])
    except Exception as error:  # a table FastAPI refuses: say so for every request
        return [{"status": None, "route": None, "location": None, "allow": None, "error": "%s: %s" % (type(error).__name__, error)}
                for _ in case["requests"]]
    return [await send_request(app, r["method"], r["path"]) for r in case["requests"]]


async def main():
    data = json.load(sys.stdin)
    results = [await run_case(case) for case in data["cases"]]
    json.dump({"cases": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    asyncio.run(main())
