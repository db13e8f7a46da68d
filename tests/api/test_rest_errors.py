"""Every failure of the REST API answers the one error shape (fast: no spaCy)."""

import shutil

import duckdb
import pytest
from fastapi.testclient import TestClient

from communique.api import ERROR_TYPES, create_app
from communique.api._routes import MAX_PROCESS_BODY, MAX_PROCESS_CHARS
from communique.errors import StoreError
from communique.store import DuckDBStore

TOKEN = "test-token-0123"


@pytest.fixture
def token_client(hand_db, tmp_path):
    copy = tmp_path / "writable.duckdb"
    shutil.copy(hand_db, copy)
    with TestClient(create_app(str(copy), token=TOKEN), raise_server_exceptions=False) as client:
        yield client


def assert_error(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    error = body["error"]
    assert set(error) == {"status", "type", "message", "detail"}
    assert error["status"] == status
    assert error["type"] == ERROR_TYPES[status]
    assert isinstance(error["message"], str) and len(error["message"]) > 5
    return error


def test_unknown_path_and_unknown_article_are_404(hand_client):
    assert_error(hand_client.get("/api/nothing-here"), 404)
    error = assert_error(hand_client.get("/api/articles/no-such-id"), 404)
    assert error["detail"] == {"what": "article", "key": "no-such-id"}
    assert "no-such-id" in error["message"]
    assert_error(hand_client.get("/api/actors/Nobody%20Atall%20Zzyzx"), 404)


def test_wrong_method_is_405(hand_client):
    assert_error(hand_client.post("/api/articles"), 405)


def test_invalid_parameters_are_422_naming_the_parameter(hand_client):
    error = assert_error(hand_client.get("/api/events?limit=501"), 422)
    assert error["detail"][0]["loc"] == ["query", "limit"]
    assert "limit" in error["message"]
    error = assert_error(hand_client.get("/api/articles?since=2025-13-45"), 422)
    assert error["detail"][0]["loc"] == ["query", "since"]
    assert_error(hand_client.get("/api/events?type=AGREE;DROP"), 422)
    assert_error(hand_client.get("/api/graph?level=galaxy"), 422)
    assert_error(hand_client.get("/api/search"), 422)
    assert_error(hand_client.get("/api/articles?offset=-1"), 422)
    assert_error(hand_client.post("/api/process", json={"title": "no text"}), 422)


def test_validation_errors_do_not_echo_the_input(hand_client):
    error = assert_error(hand_client.get("/api/articles?since=<script>x</script>"), 422)
    assert "<script>" not in str(error)


def test_empty_text_to_process_is_422(hand_client):
    error = assert_error(hand_client.post("/api/process", json={"text": "   "}), 422)
    assert "empty" in error["message"]


def test_too_long_text_to_process_is_413(hand_client):
    error = assert_error(hand_client.post("/api/process", json={"text": "a" * (MAX_PROCESS_CHARS + 1)}), 413)
    assert f"{MAX_PROCESS_CHARS:,}" in error["message"]


def test_too_large_body_is_413_before_parsing(hand_client):
    body = b'{"text": "' + b"a" * (MAX_PROCESS_BODY + 10) + b'"}'
    assert_error(hand_client.post("/api/process", content=body,
                                  headers={"content-type": "application/json"}), 413)


def test_internal_error_is_500_without_the_traceback(hand_client, monkeypatch):
    def broken(self):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(DuckDBStore, "stats", broken)
    error = assert_error(hand_client.get("/api/stats"), 500)
    assert "secret" not in error["message"] and error["detail"] is None


def test_ingest_needs_the_bearer_token(token_client):
    body = {"articles": [{"text": "Poland accused Belarus of provocations."}]}
    error = assert_error(token_client.post("/api/ingest", json=body), 401)
    assert "Bearer" in error["message"]
    assert token_client.post("/api/ingest", json=body).headers["www-authenticate"] == "Bearer"
    assert_error(token_client.post("/api/ingest", json=body,
                                   headers={"Authorization": "Bearer wrong-token"}), 403)
    assert_error(token_client.post("/api/ingest", json=body,
                                   headers={"Authorization": f"Basic {TOKEN}"}), 401)


def test_ingest_does_not_exist_without_a_token(hand_client):
    body = {"articles": [{"text": "Poland accused Belarus of provocations."}]}
    assert_error(hand_client.post("/api/ingest", json=body,
                                  headers={"Authorization": f"Bearer {TOKEN}"}), 404)
    assert "/api/ingest" not in hand_client.get("/openapi.json").json()["paths"]


def test_without_token_the_database_is_opened_read_only(hand_client):
    root = hand_client.app.state.stores.root
    assert root.read_only
    with pytest.raises(duckdb.Error):
        root.con.cursor().execute("DELETE FROM articles")


def test_a_missing_database_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="communique ingest"):
        create_app(str(tmp_path / "absent.duckdb"))


def test_web_pages_fail_with_an_html_page_of_the_same_status(hand_client):
    response = hand_client.get("/articles/no-such-id")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no article &#39;no-such-id&#39;" in response.text
    response = hand_client.get("/network?since=yesterday")
    assert response.status_code == 422 and "since" in response.text
