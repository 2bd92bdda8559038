#!/usr/bin/python3
"""Runs route tables through plain Django, standing in for django-modern-rest, and prints what it
answers. Same protocol as fastapi_harness.py:

stdin:  {"cases": [{"routes": [HarnessRoute...], "requests": [{"method", "path"}...]}]}
stdout: {"cases": [[{"status", "route", "location", "allow"}...]...]}

The emulation (django-modern-rest itself is not installable here):
- one class-based View per (controller, Django pattern) holding that pattern's methods, so a
  wrong method gets Django's own 405 with `Allow`; views in the order of their first route;
- `django.urls.path()` patterns: `{x}` with a convertor is `<conv:x>`, without one `<str:x>`
  (Django's default, what `<x>` means); a catch-all is `<path:rest>`;
- each controller is `path(prefix, include([...]))`, in declaration order;
- the path params are then validated against their declared type as django-modern-rest's
  `Path[Model]` would, with pydantic (v1 here, the only one Debian has): a failure is a 422
  from that route. A convertor's value (int, UUID) passes the same validation;
- `CommonMiddleware` with `APPEND_SLASH=True`, `DEBUG=False`.

Requests are WSGI environs built as a WSGI server (gunicorn) builds them from the request line:
PATH_INFO = the raw path percent-decoded to bytes, read as latin-1; QUERY_STRING as sent.
django.test.Client is not used because it parses the path with urlparse: `//a` becomes `/`.

The route that answered comes from an `x-route` header that the handlers set. Django's own 405
and OPTIONS answers come from the View, not from one route: their route is null.

Run with Debian's /usr/bin/python3 (python3-django 3.2).
"""

import io
import json
import logging
import re
import sys
import uuid
from urllib.parse import unquote_to_bytes

from harness_http import path_and_query

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF="routecraft_case",
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    APPEND_SLASH=True,
    SECRET_KEY="routecraft-differential",
    INSTALLED_APPS=[],
    USE_TZ=True,
    LOGGING_CONFIG=None,
)
django.setup()
# 404 and 405 are expected answers here; only server errors are worth a line on stderr.
logging.getLogger("django.request").setLevel(logging.ERROR)
logging.getLogger("django.request").addHandler(logging.StreamHandler(sys.stderr))

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import clear_url_caches, include, path  # noqa: E402
from django.views import View  # noqa: E402
import pydantic  # noqa: E402

TYPES = {"integer": int, "number": float, "uuid": uuid.UUID, "string": str, "path": str, "boolean": bool}
TEMPLATE_PARAM = re.compile(r"\{([^{}]+)\}")


def django_route(route, text):
    params = {p["name"]: p for p in route["params"]}

    def replace(match):
        name = match.group(1)
        convertor = params.get(name, {}).get("convertor") or "str"
        return "<%s:%s>" % (convertor, name)

    return TEMPLATE_PARAM.sub(replace, text)


def make_handler(route):
    route_id = route["id"]
    fields = {p["name"]: (str if p["convertor"] == "path" else TYPES.get(p["type"], str), ...) for p in route["params"]}
    model = pydantic.create_model("PathModel", **fields)

    def handler(self, request, **kwargs):
        try:
            model(**kwargs)
        except pydantic.ValidationError as error:
            response = JsonResponse({"detail": json.loads(error.json())}, status=422)
        else:
            response = JsonResponse({"route": route_id}, status=route["defaultStatus"])
        response["x-route"] = route_id
        return response

    return handler


def build_urlconf(routes):
    """[(outer pattern, [(inner pattern, {method: route})])] in declaration order."""
    controllers = []
    for route in routes:
        key = (route["controller"], route["prefix"])
        if not controllers or controllers[-1][0] != key:
            controllers.append((key, []))
        outer = route["prefix"][1:]
        local = route["localPath"] if outer else route["localPath"][1:]
        inner = django_route(route, local)
        views = controllers[-1][1]
        for pattern, methods in views:
            if pattern == inner:
                methods[route["method"].lower()] = route
                break
        else:
            views.append((inner, {route["method"].lower(): route}))
    urlpatterns = []
    for (_, prefix), views in controllers:
        inner_patterns = []
        for pattern, methods in views:
            view = type("RouteView", (View,), {m: make_handler(r) for m, r in methods.items()})
            inner_patterns.append(path(pattern, view.as_view()))
        urlpatterns.append(path(prefix[1:], include(inner_patterns)))
    return urlpatterns


class Urlconf:
    urlpatterns = []


sys.modules["routecraft_case"] = Urlconf


def environ_for(method, target):
    raw_path, _, query = target.partition("?")
    return {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(raw_path).decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "CONTENT_LENGTH": "0",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }


def send_request(handler, method, target):
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split(" ", 1)[0])
        answer["headers"] = {name.lower(): value for name, value in headers}

    body = handler(environ_for(method, target), start_response)
    if hasattr(body, "close"):
        body.close()
    headers = answer["headers"]
    return {
        "status": answer["status"],
        "route": headers.get("x-route"),
        "location": path_and_query(headers.get("location")),
        "allow": headers.get("allow"),
    }


def run_case(handler, case):
    try:
        Urlconf.urlpatterns = build_urlconf(case["routes"])
    except Exception as error:  # a table Django refuses: say so for every request
        return [{"status": None, "route": None, "location": None, "allow": None, "error": "%s: %s" % (type(error).__name__, error)}
                for _ in case["requests"]]
    clear_url_caches()
    return [send_request(handler, r["method"], r["path"]) for r in case["requests"]]


def main():
    data = json.load(sys.stdin)
    handler = WSGIHandler()
    results = [run_case(handler, case) for case in data["cases"]]
    json.dump({"cases": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
