"""The Gradio app: callbacks that translate between the person and the services.

Gradio is imported only inside this package, so the offline switches are set here, before
any of its modules imports it.
"""

from opdrachtassistent.config import set_offline_switches

set_offline_switches()
