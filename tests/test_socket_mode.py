"""Socket Mode end to end: the built-in client connects to a local websocket server that plays
Slack, receives an event envelope, acknowledges it, and the bot answers through the Web API."""

from __future__ import annotations

import json
import queue
import threading

from websockets.sync.server import serve

from bot.app import create_app
from bot.server import socket_mode_handler
from bot.settings import Mode
from knowledge.answering import open_knowledge
from tests.slack_harness import event_body, mention, settings_for


def test_socket_mode_starts_and_handles_an_envelope(fake, tmp_path, data_dir):
    acks: queue.Queue = queue.Queue()
    event = mention("<@UBOT0001> knife crime this year")

    def slack_socket(connection):
        connection.send(json.dumps({"type": "hello", "num_connections": 1}))
        connection.send(
            json.dumps(
                {
                    "envelope_id": "env-1",
                    "type": "events_api",
                    "accepts_response_payload": False,
                    "retry_attempt": 0,
                    "payload": event_body(event, "EvSOCKET01"),
                }
            )
        )
        for message in connection:
            acks.put(json.loads(message))

    with serve(slack_socket, "127.0.0.1", 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        fake.socket_url = f"ws://127.0.0.1:{server.socket.getsockname()[1]}/link"
        knowledge = open_knowledge(tmp_path / "socket.db", data_dir)
        app = create_app(settings_for(fake), knowledge, Mode.SOCKET)
        handler = socket_mode_handler(app, "xapp-test-token")
        handler.connect()
        try:
            assert acks.get(timeout=10) == {"envelope_id": "env-1"}
            [call] = fake.wait_for("chat.postMessage")
            assert call.params["thread_ts"] == event["ts"]
            assert "830" in json.dumps(call.params["blocks"]) and "889" in json.dumps(call.params["blocks"])
            [opened] = fake.posted("apps.connections.open")
            assert opened.headers["Authorization"] == "Bearer xapp-test-token"
        finally:
            handler.close()
            server.shutdown()
