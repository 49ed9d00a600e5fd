"""Start the Opdrachtassistent web app: settings -> services -> web server -> uvicorn.

Host and port come from GRADIO_SERVER_NAME and GRADIO_SERVER_PORT (default 127.0.0.1:7860).
"""

import os
import sys

from opdrachtassistent.config import Settings, set_offline_switches
from opdrachtassistent.errors import OpdrachtError, os_reason


def main() -> None:
    """Start the app; a store that cannot be opened, or a network address without a login,
    ends the start with a Dutch message for the operator and a non-zero exit, not a
    traceback."""
    # Nothing may leave the machine: set the offline switches before gradio is imported.
    set_offline_switches()
    from opdrachtassistent.auth import login_for
    from opdrachtassistent.server import build_server, serve
    from opdrachtassistent.services import build_services

    settings = Settings()
    try:
        # refused before anything is built: no open app on a network address
        login = login_for(settings, os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"))
        app = build_server(build_services(settings), login=login)
    except OpdrachtError as exc:
        print(f"Fout: {exc.message}", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    except OSError as exc:
        print(
            f"Fout: de datamap {settings.data_dir} kan niet worden gebruikt ({os_reason(exc)}: "
            f"{exc.filename}). Geef de app schrijfrechten op die map of kies met "
            "OPDRACHTASSISTENT_DATA_DIR een andere map.",
            file=sys.stderr,
        )
        raise SystemExit(1) from None
    serve(app)


if __name__ == "__main__":
    main()
