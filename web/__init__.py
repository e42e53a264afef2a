"""The Flask application: a JSON API and Japanese HTML pages over ``search/``."""

from __future__ import annotations

import warnings

from flask import Flask

from search.settings import SETTINGS

warnings.filterwarnings("ignore", category=SyntaxWarning, module="whoosh")


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then ``HYOKA_*`` environment variables or ``test_config``."""
    from index.build import default_workspace

    app = Flask(__name__)
    app.config.from_mapping(
        VAR_DIR=str(default_workspace().root),
        BUILD_ON_START=True,
        **{setting.name.upper(): setting.default for setting in SETTINGS},
    )
    if test_config is None:
        app.config.from_prefixed_env("HYOKA")
    else:
        app.config.update(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from . import api, errors, headers, library, views

    library.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    app.register_blueprint(api.bp, url_prefix="/api")
    app.register_blueprint(views.bp)
    app.add_url_rule("/openapi.json", view_func=api.openapi)
    return app
