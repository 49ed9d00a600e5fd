"""The web server: a FastAPI app around the Gradio Blocks, served by uvicorn.

`build_server(services)` composes it: `/health` and `/ready`, the security layers
(headers, CORS, request size, rate limit, private uploads) and the Gradio app on "/".
`serve(app)` runs it on GRADIO_SERVER_NAME/GRADIO_SERVER_PORT (default 127.0.0.1:7860).
"""

from opdrachtassistent.server.compose import build_server
from opdrachtassistent.server.run import serve

__all__ = ["build_server", "serve"]
