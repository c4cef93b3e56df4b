"""uvicorn's configuration for `duban serve` (a module of its own: the workers unpickle `Config` by name)."""

from __future__ import annotations

import socket

import uvicorn


class Config(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        # uvicorn creates the socket the workers share with proto 0, and asyncio turns Nagle off
        # (TCP_NODELAY) only on connections whose socket says TCP: with --workers 2 every answer on a
        # keep-alive connection waited ~40 ms (Nagle holding the body for the client's delayed ACK).
        # Re-wrapping the descriptor reads the real protocol back from the kernel.
        return socket.socket(fileno=sock.detach())


def config(**options) -> Config:
    return Config("duban.web.asgi:application", log_level="warning", lifespan="off", **options)
