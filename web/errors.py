"""One error shape: ``{"error": {"code", "message"}}`` for the API, ``error.html`` for pages."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from search.errors import IndexMissing, SearchError

HTTP_MESSAGES = {
    404: ("ページが見つかりません", "not found"),
    405: ("この操作はできません", "method not allowed"),
    500: ("サーバーで問題が起きました。しばらくしてからもう一度お試しください", "internal server error"),
}


def error_body(code: str, message_ja: str, message_en: str, status: int) -> dict:
    return {"error": {"code": code, "message": f"{message_ja} ({message_en})",
                      "message_ja": message_ja, "message_en": message_en, "status": status}}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path in ("/openapi.json", "/search.json")


def render(code: str, message_ja: str, message_en: str, status: int):
    if wants_json():
        return jsonify(error_body(code, message_ja, message_en, status)), status
    return render_template("error.html", status=status, message=message_ja), status


def init_app(app: Flask) -> None:
    @app.errorhandler(SearchError)
    def search_error(error: SearchError):
        return render(error.code, error.message_ja, error.message_en, error.status)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        ja, en = HTTP_MESSAGES.get(error.code, ("リクエストを処理できませんでした", error.name.lower()))
        body, status = render(error.name.lower().replace(" ", "_"), ja, en, error.code or 500)
        # Keep the exception's own headers (Allow on a 405), not its HTML content type.
        headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
        return body, status, headers

    @app.errorhandler(IndexMissing)
    def no_index(error: IndexMissing):
        # Only raised before the first build: tell the user how to build instead of failing.
        return render("index_missing", "索引がまだ作成されていません（make index を実行してください）",
                      "the index has not been built yet; run make index", 503)
