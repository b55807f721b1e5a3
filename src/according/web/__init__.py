"""HTTP API and web page for stored analyses (`according serve`)."""

from .app import check_bind, create_app

__all__ = ["create_app", "check_bind"]
