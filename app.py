"""Start the Opdrachtassistent web app: settings -> services -> UI -> launch.

Host and port come from GRADIO_SERVER_NAME and GRADIO_SERVER_PORT (default 127.0.0.1:7860).
"""

from opdrachtassistent.config import Settings, set_offline_switches


def main() -> None:
    # Nothing may leave the machine: set the offline switches before gradio is imported.
    set_offline_switches()
    from opdrachtassistent.services import build_services
    from opdrachtassistent.ui.app import build_app, launch

    launch(build_app(build_services(Settings())))


if __name__ == "__main__":
    main()
