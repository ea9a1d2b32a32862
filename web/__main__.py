"""python -m web: serve the chat page on 127.0.0.1:$WEB_PORT (default 8080)."""

import logging

from aiohttp import web

from privacy.logfilter import installeer
from web.app import maak_app
from web.config import WebConfig

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    installeer()  # no message text, phone number or e-mail address in the log; warnings too
    config = WebConfig.uit_env()
    web.run_app(maak_app(config), host="127.0.0.1", port=config.port, access_log=None)
