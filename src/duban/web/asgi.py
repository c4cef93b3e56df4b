"""ASGI entry point (uvicorn serves this; `duban serve` sets the environment first)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.web.settings")
application = get_asgi_application()
