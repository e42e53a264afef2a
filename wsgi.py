"""WSGI entry point: ``app`` for waitress or any WSGI server."""

from web import create_app

app = create_app()
