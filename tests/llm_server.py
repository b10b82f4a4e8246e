"""A small OpenAI-compatible chat server for tests: real HTTP on loopback, answering
/v1/chat/completions with edits built from the request, in one of several modes."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ChatServer:
    """mode: 'good' (sensible edits), 'unsafe' (one unsafe edit among good ones),
    'garbage' (not JSON), 'bad_replace' (a replace of text not in the reply)."""

    def __init__(self, mode: str = "good") -> None:
        self.mode = mode
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                if self.path != "/v1/chat/completions":
                    self.send_response(404)
                    self.end_headers()
                    return
                content = outer.answer(json.loads(body["messages"][-1]["content"]))
                data = json.dumps({"id": "t", "object": "chat.completion", "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def answer(self, req: dict) -> str:
        if self.mode == "garbage":
            return "Sure! Here are some ideas: be nicer."
        feeling = req.get("seeker_feeling") or "overwhelmed"
        good = {"operations": [
            {"op": "insert", "position": "start", "text": f"It sounds like you've been feeling really {feeling} lately."},
            {"op": "insert", "position": "end", "text": "What has the hardest part been for you?"}]}
        if self.mode == "unsafe":
            return json.dumps({"suggestions": [
                {"operations": [{"op": "insert", "position": "end", "text": "Honestly you're just being dramatic."}]},
                good]})
        if self.mode == "bad_replace":
            return json.dumps({"suggestions": [
                {"operations": [{"op": "replace", "original": "words that are not there", "text": "Something."}]}]})
        return json.dumps({"suggestions": [good]})

    def __enter__(self) -> "ChatServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
