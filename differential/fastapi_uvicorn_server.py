#!/usr/bin/python3
"""Serves route tables as real FastAPI apps behind uvicorn on 127.0.0.1, for mock-http.differential.test.ts.

stdin, one line:  {"cases": [{"routes": [HarnessRoute...]}...]}
stdout, one line: {"ports": [port or null, ...], "errors": [message or null, ...]}  once listening

One FastAPI app per case, built exactly as fastapi_harness.py builds it (its build_app), each on its
own port: one uvicorn server listens on all the sockets and hands a request to the app of the port it
arrived on (scope["server"]), so the app sees the scope uvicorn builds from the real request.
uvicorn runs with h11, the parser the matcher's differential tests model. The server stops when
stdin closes (the test ended or died) or on SIGTERM/SIGINT.

Run with Debian's /usr/bin/python3 (python3-fastapi 0.92, python3-uvicorn 0.17).
"""

import asyncio
import json
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import uvicorn  # noqa: E402
from fastapi_harness import build_app  # noqa: E402


def main():
    data = json.loads(sys.stdin.readline())
    apps = {}
    sockets = []
    ports = []
    errors = []
    for case in data["cases"]:
        try:
            app = build_app(case["routes"])
        except Exception as error:  # a table FastAPI refuses: no server for it
            ports.append(None)
            errors.append("%s: %s" % (type(error).__name__, error))
            continue
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # uvicorn writes the head and the body of a response separately: without TCP_NODELAY (which
        # accepted connections inherit), Nagle and delayed ACKs add 40 ms to every request.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)
        port = sock.getsockname()[1]
        apps[port] = app
        sockets.append(sock)
        ports.append(port)
        errors.append(None)

    async def dispatch(scope, receive, send):
        await apps[scope["server"][1]](scope, receive, send)

    config = uvicorn.Config(dispatch, lifespan="off", log_level="warning", access_log=False, http="h11")
    server = uvicorn.Server(config)

    async def run():
        loop = asyncio.get_running_loop()

        def on_stdin():
            if not sys.stdin.buffer.read1(4096):
                server.should_exit = True
                loop.remove_reader(sys.stdin.fileno())

        loop.add_reader(sys.stdin.fileno(), on_stdin)

        async def announce():
            while not server.started:
                await asyncio.sleep(0.01)
            sys.stdout.write(json.dumps({"ports": ports, "errors": errors}) + "\n")
            sys.stdout.flush()

        await asyncio.gather(server.serve(sockets=sockets), announce())

    asyncio.run(run())


if __name__ == "__main__":
    main()
