from communique.ingest import ReadOptions
from communique.ingest.html import read_html
from communique.records import Article, Reject

PAGE = """<!doctype html><html><head><title>Leaders meet in Rome | Example News</title>
<meta property="article:published_time" content="2025-04-26T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Leaders meet in Rome</h1>
<p>Presidents and prime ministers gathered in Rome on Saturday for a funeral that turned
into an occasion for diplomacy, officials said.</p>
<p>Two of the leaders spoke briefly inside the basilica before the ceremony began, according
to photographs released by the presidential office.</p>
<p>Officials said further meetings were expected in the coming weeks as talks on a ceasefire
continue in several capitals.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def test_html_article_text_title_and_date():
    (article,) = list(read_html(PAGE.encode(), "page.html", ReadOptions()))
    assert isinstance(article, Article)
    assert "gathered in Rome on Saturday" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.title and "Leaders meet in Rome" in article.title
    assert article.date is not None and article.date.isoformat() == "2025-04-26"


def test_html_without_article_text_is_rejected():
    page = b"<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>"
    (reject,) = list(read_html(page, "empty.html", ReadOptions()))
    assert isinstance(reject, Reject)
    assert reject.reason == "no article text found in the HTML page"
