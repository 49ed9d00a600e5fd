# The app in a container: `docker build -t opdrachtassistent .`, then
# `docker run -p 127.0.0.1:7860:7860 -v opdrachtassistent-data:/data opdrachtassistent`.
# Configuration is by environment (README, "Deployment"): OPDRACHTASSISTENT_DATABASE_URL,
# OPDRACHTASSISTENT_CHROMA_URL, OPDRACHTASSISTENT_RATE_LIMIT_PER_MINUTE, the login settings.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GRADIO_SERVER_NAME=0.0.0.0 \
    GRADIO_SERVER_PORT=7860 \
    OPDRACHTASSISTENT_DATA_DIR=/data \
    HOME=/home/app

# An unprivileged user that owns only its home and the data volume.
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /home/app --create-home app \
    && mkdir -p /data \
    && chown app:app /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install . && rm -rf src
COPY app.py ./

USER app
# The knowledge index, the sessions database (SQLite), temporary uploads and exports.
VOLUME ["/data"]
EXPOSE 7860
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('GRADIO_SERVER_PORT', '7860'); sys.exit(0 if urllib.request.urlopen(f'http://127.0.0.1:{port}/health', timeout=4).status == 200 else 1)"]
CMD ["python", "app.py"]
