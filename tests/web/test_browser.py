"""The graph view in a real headless Chromium: nodes drawn, no console errors, every asset same-origin.

Debian's chromium and chromedriver are installed when missing (we run as root), with a CJK font so the
screenshot shows the Chinese labels.
"""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.web.conftest import uri
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900"]
REPLY_IRI = uri("http://127.0.0.1:5000/id/doc/西民函〔2023〕53号")


def install_chromium() -> None:
    """apt-get chromium, its driver and a CJK font unless they are already there."""
    if shutil.which("chromium") and shutil.which("chromedriver") and Path("/usr/share/fonts/truetype/wqy").exists():
        return
    subprocess.run(["apt-get", "update", "-q"], check=True, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "chromium", "chromium-driver", "fonts-wqy-zenhei"],
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def browser():
    install_chromium()
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    yield driver
    driver.quit()


def count_drawn_nodes(driver) -> int:
    """Nodes in the vis network once it exists, -1 if it never appears within 15 s."""
    for _ in range(30):
        n = driver.execute_script("return window.network ? network.body.data.nodes.length : -1")
        if n > 0:
            return n
        time.sleep(0.5)
    return -1


@pytest.mark.parametrize("path", [f"/graph?focus={quote(REPLY_IRI, safe='')}", "/graph"])
def test_graph_view_draws_offline(browser, live_url, tmp_path, path):
    browser.get(live_url + path)
    drawn = count_drawn_nodes(browser)
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    browser.save_screenshot(str(tmp_path / "graph.png"))
    assert drawn >= 3
    assert errors == []
    assert resources and all(url.startswith(live_url + "/") for url in resources)


def test_clicking_a_node_opens_its_page(browser, live_url):
    browser.get(f"{live_url}/graph?focus={quote(REPLY_IRI, safe='')}")
    assert count_drawn_nodes(browser) > 0
    x, y = browser.execute_script("const p = network.canvasToDOM(network.getPosition(arguments[0]));"
                                  "return [p.x, p.y];", REPLY_IRI)
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    offset_x, offset_y = x - canvas.size["width"] / 2, y - canvas.size["height"] / 2  # from the canvas centre
    ActionChains(browser).move_to_element_with_offset(canvas, offset_x, offset_y).click().perform()
    for _ in range(20):
        if "/id/doc/" in browser.current_url:
            break
        time.sleep(0.25)
    assert browser.current_url == live_url + "/id/doc/" + quote("西民函〔2023〕53号")


@pytest.mark.parametrize("path", ["/", "/sparql", f"/id/doc/{quote('西民函〔2023〕53号')}", "/ontology"])
def test_pages_load_without_console_errors(browser, live_url, path):
    browser.get(live_url + path)
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_query_page_draws_result_table(browser, live_url):
    browser.get(live_url + "/sparql")
    browser.find_element(By.CSS_SELECTOR, "button.example").click()
    for _ in range(20):
        rows = browser.find_elements(By.CSS_SELECTOR, "#results table tbody tr")
        if rows:
            break
        time.sleep(0.25)
    assert rows and "西办通〔2022〕54号" in browser.find_element(By.ID, "results").text
