"""Start the Opdrachtassistent web app: settings -> services -> UI -> launch.

Host and port come from GRADIO_SERVER_NAME and GRADIO_SERVER_PORT (default 127.0.0.1:7860).
"""

import os

# Nothing may leave the machine: set the offline switches before gradio is imported.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from opdrachtassistent.config import Settings
from opdrachtassistent.services import build_services
from opdrachtassistent.ui.app import build_app, launch

if __name__ == "__main__":
    launch(build_app(build_services(Settings())))
