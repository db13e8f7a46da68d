"""`communique serve` in a subprocess, driven by headless Chromium (slow).

Chromium and its driver are Debian packages (tests/web/ensure_chromium.sh installs them);
without them the browser tests skip and say so. Screenshots of every page are saved in a
pytest temporary folder (its path is printed with -s).
"""

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from api.corpus import ARTICLES, XSS_ID
from support import ROOT

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PAGES = ["/", "/articles", "/articles/t-talks", f"/articles/{XSS_ID}", "/actors", "/actors/RUS",
         "/actors/person:volodymyr-zelenskyy", "/dyad?a=RUS&b=UKR", "/network",
         "/network?level=actor", "/search?q=ceasefire", "/docs"]
PLOTTED = ["/actors/RUS", "/dyad?a=RUS&b=UKR", "/network"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local server
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture(scope="module")
def server(corpus_db, tmp_path_factory):
    """The URL of `communique serve` over a copy of the corpus, on a free local port."""
    db = tmp_path_factory.mktemp("served") / "served.duckdb"
    shutil.copy(corpus_db, db)
    port = free_port()
    log = (tmp_path_factory.mktemp("served-log") / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "communique", "serve", "--db", str(db), "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"], cwd=ROOT, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(url + "/api/stats")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("communique serve did not start: "
                            + Path(log.name).read_text(encoding="utf-8")[-2000:])
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Chromium is not installed: run tests/web/ensure_chromium.sh "
                    "(apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1366,1000",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # the Service path is explicit, or Selenium goes looking for a driver on the network
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots in {folder}")
    return folder


def open_page(browser, url):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return browser


def errors_in_console(browser):
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def wait_for_plots(browser):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(lambda d: d.execute_script(
        "var plots = document.querySelectorAll('div.plot');"
        "return plots.length > 0 && Array.from(plots).every(p => p.dataset.rendered === 'true');"))
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('div.plot')).map(p => ["
        "  p.querySelectorAll('svg.main-svg').length + p.querySelectorAll('canvas').length,"
        "  p.querySelectorAll('.scatterlayer .point, .barlayer .point').length]);")


def test_serve_answers_pages_and_the_api(server):
    status, body = fetch(server + "/api/stats")
    assert status == 200 and json.loads(body)["articles"] == len(ARTICLES)
    status, body = fetch(server + "/api/articles/none-such")
    assert status == 404 and json.loads(body)["error"]["type"] == "not_found"
    status, body = fetch(server + "/")
    assert status == 200 and b"Overview" in body


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_console_errors(server, browser, shots, path):
    open_page(browser, server + path)
    assert browser.title.endswith("communique")
    assert "Internal" not in browser.find_element("tag name", "h1").text
    name = path.strip("/").replace("/", "_").replace("?", "_").replace("&", "_").replace(":", "_")
    browser.save_screenshot(str(shots / f"{name or 'home'}.png"))
    assert errors_in_console(browser) == []


@pytest.mark.parametrize("path", PLOTTED)
def test_plots_are_drawn(server, browser, shots, path):
    open_page(browser, server + path)
    drawn = wait_for_plots(browser)
    assert drawn and all(svgs > 0 and points > 0 for svgs, points in drawn), drawn
    assert errors_in_console(browser) == []


def test_links_lead_from_an_article_to_an_actor_and_a_dyad(server, browser, shots):
    from selenium.webdriver.common.by import By

    open_page(browser, server + "/articles/t-talks")
    mention = browser.find_element(By.CSS_SELECTOR, "#text a.hl.actor")
    name = mention.text
    mention.click()
    open_page(browser, browser.current_url)
    assert "/actors/" in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text
    browser.save_screenshot(str(shots / "followed_actor.png"))
    assert name  # the link had words to click

    open_page(browser, server + "/articles/t-talks")
    browser.find_element(By.CSS_SELECTOR, "table.events a.dyad-link").click()
    open_page(browser, browser.current_url)
    assert "/dyad?a=" in browser.current_url and "&b=" in browser.current_url
    assert all(svgs > 0 for svgs, _ in wait_for_plots(browser))
    browser.save_screenshot(str(shots / "followed_dyad.png"))


def test_markup_in_an_article_is_shown_never_run(server, browser, shots):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    open_page(browser, server + f"/articles/{XSS_ID}")
    time.sleep(1)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018 - raises when no alert is open
    text = browser.find_element(By.ID, "text").text
    assert "<script>alert(1)</script>" in text
    assert "<b>We will never</b> <img src=x onerror=alert(2)>" in text
    assert "<script>alert(1)</script>" in browser.title
    injected = browser.execute_script(
        "return document.querySelectorAll('main script, main img, #text b, main b').length")
    assert injected == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in browser.page_source
    browser.save_screenshot(str(shots / "markup_as_text.png"))


def test_sql_typed_into_the_search_box_is_just_words(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header form.search input")
    from selenium.webdriver.support.ui import WebDriverWait

    box.send_keys("'; DROP TABLE articles; -- %_\\" + Keys.ENTER)
    # wait for the form's navigation before reading the URL (it was read too early at times)
    WebDriverWait(browser, 20).until(lambda d: "/search" in d.current_url)
    open_page(browser, browser.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Search"
    for path in ("/articles?search=%27%3B--", "/actors?search=%25_%5C", "/dyad?a=%27&b=%22"):
        open_page(browser, server + path)
        assert browser.find_element(By.TAG_NAME, "h1").text not in ("Error 500", "")
    status, body = fetch(server + "/api/stats")
    assert status == 200 and json.loads(body)["articles"] == len(ARTICLES)
