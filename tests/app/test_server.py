"""The web server around the Gradio app, tested on the real process (`python app.py`).

Health and readiness, security headers on pages, API answers and refusals, no CORS for
foreign origins, request size limits (413 in Dutch), the rate limit (429 in Dutch), and
uploads that only their uploader can fetch and that are deleted once read.
"""

from __future__ import annotations

import http.client
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from gradio_client import Client, handle_file
from tests.support.app_process import RunningApp, start_app
from tests.support.documents import write_docx

from opdrachtassistent.documents.limits import MAX_FILE_BYTES
from opdrachtassistent.server.headers import HEADERS
from opdrachtassistent.ui.session import DB_NAME

pytestmark = pytest.mark.slow

BOUNDARY = "oa-test-boundary"
# A documentation address (RFC 5737), never contacted: uvicorn takes it from the header
# because the request comes from loopback, its trusted proxy by default.
FOREIGN_CLIENT = "203.0.113.7"


def request(
    app: RunningApp,
    method: str,
    path: str,
    *,
    body: bytes | Iterable[bytes] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """One request with http.client: status, headers (lower-case names), body."""
    url = urlsplit(app.url)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read(),
        )
    finally:
        conn.close()


def multipart(*files: tuple[str, bytes]) -> tuple[bytes, dict[str, str]]:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode()
        + data
        + b"\r\n"
        for name, data in files
    ]
    body = b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}


def upload(app: RunningApp, name: str, data: bytes, cookie: str | None = None) -> str:
    body, headers = multipart((name, data))
    if cookie:
        headers["Cookie"] = f"oa_client={cookie}"
    status, _, answer = request(app, "POST", "/gradio_api/upload", body=body, headers=headers)
    assert status == 200, answer
    paths: list[str] = json.loads(answer)
    assert len(paths) == 1
    return paths[0]


def file_url(path: str) -> str:
    return "/gradio_api/file=" + quote(path)


def test_health_and_ready(running_app: RunningApp) -> None:
    for path in ("/health", "/healthz"):
        status, headers, body = request(running_app, "GET", path)
        assert status == 200
        assert json.loads(body) == {"status": "ok"}
    status, headers, body = request(running_app, "GET", "/ready")
    ready = json.loads(body)
    assert status == 200, ready
    assert ready["status"] in ("ready", "degraded")
    assert ready["sessions"] == "ok"
    assert ready["knowledge"] in ("ok", "not loaded", "unavailable")
    assert headers["content-type"] == "application/json"


def test_ready_is_503_with_a_dutch_reason_when_the_store_fails(
    running_app: RunningApp, data_dir: Path
) -> None:
    status, _, _ = request(running_app, "GET", "/ready")
    assert status == 200
    store = data_dir / DB_NAME
    assert store.exists()
    store.write_bytes(b"dit is geen database " * 200)
    status, _, body = request(running_app, "GET", "/ready")
    assert status == 503
    ready = json.loads(body)
    assert ready["status"] == "unready"
    assert ready["sessions"] == "unavailable"
    assert "gespreksopslag antwoordt niet" in ready["reason"]
    status, _, _ = request(running_app, "GET", "/health")
    assert status == 200  # alive, only not ready


def test_security_headers_on_every_kind_of_response(running_app: RunningApp) -> None:
    body, multipart_headers = multipart(("notities.txt", b"Herinrichting Marktplein"))
    responses = {
        "page": request(running_app, "GET", "/"),
        "api": request(running_app, "GET", "/gradio_api/info"),
        "health": request(running_app, "GET", "/health"),
        "upload": request(
            running_app, "POST", "/gradio_api/upload", body=body, headers=multipart_headers
        ),
        "missing": request(running_app, "GET", "/bestaat-niet"),
        "refused": request(
            running_app, "POST", "/gradio_api/queue/join", headers={"Content-Length": "9" * 10}
        ),
    }
    assert responses["page"][0] == 200
    assert responses["missing"][0] == 404
    for kind, (_, headers, _) in responses.items():
        for name, value in HEADERS.items():
            assert headers.get(name.lower()) == value, (kind, name)
    csp = responses["page"][1]["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "img-src 'self' data: blob:" in csp
    assert not re.search(r"https?:|\*", csp)  # no remote source at all


def test_no_cors_for_foreign_origins(running_app: RunningApp) -> None:
    for origin in ("http://localhost:9999", "http://127.0.0.1:1", "https://evil.example"):
        _, headers, _ = request(running_app, "GET", "/gradio_api/info", headers={"Origin": origin})
        assert "access-control-allow-origin" not in headers
        assert "access-control-allow-credentials" not in headers
        status, headers, _ = request(
            running_app,
            "OPTIONS",
            "/gradio_api/upload",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
        )
        assert status == 400
        assert "access-control-allow-origin" not in headers


def test_oversized_requests_are_refused_with_413_in_dutch(running_app: RunningApp) -> None:
    # a declared length above the limit is refused before any of the body is read
    url = urlsplit(running_app.url)
    conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=30)
    conn.putrequest("POST", "/gradio_api/queue/join")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(50_000_000))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413
    assert "te groot" in response.read().decode("utf-8")
    conn.close()

    # a streamed (chunked) upload is counted as it comes in
    big, headers = multipart(("groot.pdf", b"%PDF" + b"0" * (MAX_FILE_BYTES + 200_000)))
    chunks = (big[i : i + 1_000_000] for i in range(0, len(big), 1_000_000))
    status, _, body = request(
        running_app, "POST", "/gradio_api/upload", body=chunks, headers=headers
    )
    assert status == 413
    assert "Het document is te groot" in body.decode("utf-8")
    assert "25,0 MB" in body.decode("utf-8")

    # one document per upload
    two, headers = multipart(("a.txt", b"eerste"), ("b.txt", b"tweede"))
    status, _, body = request(running_app, "POST", "/gradio_api/upload", body=two, headers=headers)
    assert status == 413
    assert body.decode("utf-8") == "Stuur één document per keer."

    # an ordinary answer of a normal size still goes through
    assert upload(running_app, "klein.txt", b"Herinrichting Marktplein").endswith("klein.txt")


def test_an_upload_is_served_to_its_uploader_only(running_app: RunningApp) -> None:
    owner, other = "a" * 32, "b" * 32
    path = upload(running_app, "raadsvoorstel.txt", b"Vertrouwelijk: Marktplein", cookie=owner)
    status, _, body = request(
        running_app, "GET", file_url(path), headers={"Cookie": f"oa_client={owner}"}
    )
    assert status == 200 and b"Vertrouwelijk" in body
    variants = [path, path.replace("/raadsvoorstel.txt", "/./raadsvoorstel.txt")]
    for variant in variants:
        for cookie in (f"oa_client={other}", "", "oa_client=../../etc"):
            status, _, body = request(
                running_app, "GET", file_url(variant), headers={"Cookie": cookie}
            )
            assert status == 404, (variant, cookie)
            assert b"Vertrouwelijk" not in body
    # what Gradio already refused stays refused: traversal, files outside its folders, ids
    folder = str(Path(path).parent)
    for wrong in (
        folder + "/../../../../../../etc/passwd",
        "/etc/passwd",
        folder.rsplit("/", 1)[0] + "/" + "0" * 64 + "/raadsvoorstel.txt",
    ):
        status, _, body = request(running_app, "GET", "/gradio_api/file=" + wrong)
        assert status in (403, 404), wrong
        assert b"root:" not in body


def test_a_document_is_deleted_once_it_is_read(
    running_app: RunningApp, data_dir: Path, tmp_path: Path
) -> None:
    source = write_docx(
        tmp_path / "speelplek.docx",
        [("h", "Aanleiding"), ("p", "De speeltoestellen in het Julianapark zijn versleten.")],
    )
    client = Client(running_app.url, verbose=False, download_files=False, analytics_enabled=False)
    view = client.predict("", handle_file(str(source)), "context", api_name="/start_document")
    client.close()
    assert "speelplek.docx" in json.dumps(view[1], ensure_ascii=False)
    copies = [p for p in (data_dir / "tmp").rglob("speelplek.docx")]
    assert copies == []


@pytest.fixture
def limited_app(data_dir: Path) -> Iterator[RunningApp]:
    app = start_app(data_dir, extra_env={"OPDRACHTASSISTENT_RATE_LIMIT_PER_MINUTE": "3"})
    try:
        yield app
    finally:
        app.stop()


def test_rate_limit_answers_429_with_retry_after_in_dutch(limited_app: RunningApp) -> None:
    body, headers = multipart(("a.txt", b"notitie"))
    foreign = {**headers, "X-Forwarded-For": FOREIGN_CLIENT}
    statuses = [
        request(limited_app, "POST", "/gradio_api/upload", body=body, headers=foreign)[0]
        for _ in range(3)
    ]
    assert statuses == [200, 200, 200]
    status, answer_headers, answer = request(
        limited_app, "POST", "/gradio_api/upload", body=body, headers=foreign
    )
    assert status == 429
    assert 1 <= int(answer_headers["retry-after"]) <= 60
    assert "Te veel verzoeken" in answer.decode("utf-8")
    assert answer_headers["x-frame-options"] == "DENY"
    # another client is counted on its own; reading pages is never counted
    other = {**headers, "X-Forwarded-For": "203.0.113.8"}
    assert request(limited_app, "POST", "/gradio_api/upload", body=body, headers=other)[0] == 200
    get_foreign = {"X-Forwarded-For": FOREIGN_CLIENT}
    assert request(limited_app, "GET", "/health", headers=get_foreign)[0] == 200
    # without login this machine itself is not limited (one local user, load tests)
    for _ in range(5):
        assert (
            request(limited_app, "POST", "/gradio_api/upload", body=body, headers=headers)[0] == 200
        )
