"""The web pages, rendered in-process over the hand-made database (fast)."""

import re

import pytest

from communique.web._highlight import Span, highlight

PAGES = ["/", "/articles", "/articles/h-attack", "/articles/h-markup", "/actors",
         "/actors/RUS", "/actors/person:volodymyr-zelenskyy", "/dyad", "/dyad?a=RUS&b=UKR",
         "/network", "/network?level=actor", "/search?q=Russia", "/search", "/docs"]


def local_only(html):
    """Every script, stylesheet, image and frame comes from this server."""
    refs = re.findall(r'<(?:script|link|img|iframe)[^>]*?(?:src|href)="([^"]*)"', html)
    return [r for r in refs if not r.startswith("/") or r.startswith("//")]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_from_local_files_only(hand_client, path):
    response = hand_client.get(path)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert local_only(response.text) == []
    assert "<title>" in response.text and "communique" in response.text


def test_home_shows_counts_events_actors_and_dyads(hand_client):
    html = hand_client.get("/").text
    assert re.search(r'<span class="big">2</span> articles', html)
    assert re.search(r'<span class="big">3</span> events', html)
    assert 'href="/dyad?a=RUS&amp;b=UKR"' in html  # the busiest pair, as a link
    assert 'href="/actors/country:RUS"' in html


def test_article_marks_actors_quotes_and_triggers(hand_client):
    html = hand_client.get("/articles/h-attack").text
    body = html.split('<div class="text" id="text">', 1)[1].split("</div>", 1)[0]
    assert '<a class="hl actor kind-country" href="/actors/country:RUS"' in body
    assert re.search(r'<mark class="hl event quad-4" title="ASSAULT: Russia \(RUS\) → Ukraine '
                     r'\(UKR\)[^"]*" id="t-\d">attacked</mark>', body)
    assert re.search(r'<span class="hl quote kind-direct" title="direct quote by Volodymyr '
                     r'Zelenskyy · cue “said”" id="q-0">We will respond,</span>', body)
    # the page text is the article text, character for character, once tags are removed
    plain = re.sub(r"<[^>]+>", "", body).replace("&#34;", '"').replace("&#39;", "'")
    assert plain == ("Russia attacked Ukraine overnight. \"We will respond,\" Zelenskyy said.\n\n"
                     "The EU sanctioned Russia on Tuesday.")
    assert 'href="/dyad?a=RUS&amp;b=UKR"' in html


def test_markup_in_articles_is_shown_as_text(hand_client):
    html = hand_client.get("/articles/h-markup").text
    assert "<script>alert" not in html
    assert "<img src=x" not in html and "<b>never" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<title>&lt;i&gt;Markup&lt;/i&gt; &amp; &lt;script&gt;alert(4)" in html
    assert 'href="javascript:' not in html  # a stored javascript: URL is not a link
    for page in ("/", "/search?q=alert", "/actors/RUS", "/dyad?a=UKR&b=RUS", "/articles"):
        assert "<script>alert" not in hand_client.get(page).text, page


def test_plot_data_cannot_close_its_script_element(hand_client):
    html = hand_client.get("/actors/RUS").text
    data = re.search(r'<script type="application/json" id="fig-timeline">(.*?)</script>', html, re.S)
    assert data and "<" not in data.group(1)  # tojson writes < as \u003c
    # the accusation's evidence starts with a script element: HTML-escaped for plotly's
    # labels (&lt;script&gt;), whose & then becomes \u0026 in the JSON
    assert "\\u0026lt;script\\u0026gt;alert(1)" in data.group(1)


def test_actor_page_has_timeline_counterparts_and_quotes(hand_client):
    html = hand_client.get("/actors/RUS").text
    assert 'data-figure="fig-timeline"' in html and '<script src="/static/plotly.min.js">' in html
    assert 'href="/dyad?a=RUS&amp;b=UKR">relation' in html
    html = hand_client.get("/actors/person:volodymyr-zelenskyy").text
    assert "We will respond," in html and "No events yet." in html


def test_network_and_dyad_pages_embed_their_figures(hand_client):
    html = hand_client.get("/network").text
    assert 'data-figure="fig-network"' in html and '"EU"' in html
    html = hand_client.get("/network?type=ACCUSE").text
    assert 'data-figure="fig-network"' in html and "<td><a href=\"/actors/EU\"" not in html
    html = hand_client.get("/dyad?a=RUS&b=UKR").text
    assert 'data-figure="fig-months"' in html and 'data-figure="fig-events"' in html


def test_plotly_is_served_from_the_installed_package(hand_client):
    plain = hand_client.get("/static/plotly.min.js", headers={"accept-encoding": "identity"})
    assert plain.status_code == 200 and plain.headers["content-type"].startswith("text/javascript")
    assert len(plain.content) > 1_000_000 and b"plotly" in plain.content[:2000].lower()
    etag = plain.headers["etag"]
    assert hand_client.get("/static/plotly.min.js", headers={"if-none-match": etag}).status_code == 304
    assert hand_client.get("/static/style.css").status_code == 200
    assert hand_client.get("/static/charts.js").status_code == 200


def test_highlight_escapes_every_piece_and_nests_overlaps():
    text = "<b>A</b> & B said \"C\""
    spans = [Span(0, 8, "quote", 'say "hi"'), Span(3, 4, "actor", "A <x>", href="/actors/a"),
             Span(3, 12, "event", "E & F")]
    html = str(highlight(text, spans))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert 'title="say &#34;hi&#34;"' in html and 'title="A &lt;x&gt;"' in html
    assert re.sub(r"<[^>]+>", "", html) == str(highlight(text, []))
    # the quote is outermost, the trigger inside it, the actor link innermost
    assert '<span class="hl quote" title="say &#34;hi&#34;"><mark class="hl event" title="E &amp; F">' \
           '<a class="hl actor" href="/actors/a" title="A &lt;x&gt;">A</a></mark></span>' in html


def test_highlight_ignores_spans_outside_the_text():
    assert str(highlight("abc", [Span(2, 9, "actor", "x"), Span(-1, 1, "quote", "y")])) == "abc"


def test_a_party_without_an_actor_of_its_own_still_has_a_page(hand_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from communique.api import create_app
    from communique.store import open_store

    copy = str(tmp_path / "no-eu.duckdb")
    shutil.copy(hand_db, copy)
    with open_store(copy) as store:
        store.con.execute("DELETE FROM actors WHERE party = 'EU'")
    with TestClient(create_app(copy), raise_server_exceptions=False) as client:
        html = client.get("/actors/EU").text
        assert "a party of events" in html and "SANCTION" in html
        assert client.get("/actors/XYZ").status_code == 404
