#!/usr/bin/env python3
"""The pages of `gongwen serve` in a real browser: Debian's headless chromium driven by selenium.

Ingests the five seeds of corpus/ and testdata/serve/hostile.txt into a new database, starts
`gongwen serve --port 0` on it, and checks, each step with a timeout:

  1. the document page of the seed with `29275万人` opened at its finding's URL
     (`/documents/ID#finding-N`) shows the number underlined (the finding's link, a wavy red
     underline) and scrolled into view; clicking it opens the popover with stated and recomputed;
  2. with JavaScript disabled the same click jumps to the finding's detail (the popover degrades
     to a link);
  3. the search box of the documents page finds `网格化治理` (江苏省民政厅's report);
  4. the hostile document renders its `<script>` and `<img onerror>` as text: no dialog, no
     injected element, the only script the server's own file.

Saves screenshots of the overview, documents, document, findings and claims pages in --out;
with --docs, copies the document, findings and claims ones to docs/screenshots/.
Exits 0 when every check passes, 1 on a failed check, 2 when chromium or selenium is missing.
"""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fail(message):
    print(f"browser test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print(f"browser test: ok: {message}")


def get_json(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


def start_server(binary, database):
    """Starts `gongwen serve --port 0` and returns the process and the URL it prints."""
    server = subprocess.Popen(
        [binary, "serve", "--db", database, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            if server.poll() is not None:
                fail(f"gongwen serve exited with status {server.returncode}")
            continue
        if " on http://" in line:
            url = line.split(" on ", 1)[1].split(" ", 1)[0]
            return server, url.rstrip("/")
    server.kill()
    fail("gongwen serve printed no URL within 60 s")


def browser(javascript=True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,760", "--force-device-scale-factor=0.8", "--hide-scrollbars", "--lang=zh-CN"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(30)
    return driver


def no_alert(driver):
    from selenium.common.exceptions import NoAlertPresentException
    try:
        text = driver.switch_to.alert.text
        return f"an alert opened: {text}"
    except NoAlertPresentException:
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/gongwen"))
    parser.add_argument("--out", default=os.path.join(ROOT, ".build/browser"))
    parser.add_argument("--docs", action="store_true", help="copy three screenshots to docs/screenshots/")
    args = parser.parse_args()

    for program in ["chromium", "chromedriver"]:
        if not shutil.which(program):
            print(f"browser test: {program} is missing (make deps installs chromium and chromium-driver)", file=sys.stderr)
            sys.exit(2)
    try:
        import selenium  # noqa: F401
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        print("browser test: the Python package selenium is missing (make deps installs it)", file=sys.stderr)
        sys.exit(2)
    if not os.access(args.bin, os.X_OK):
        fail(f"{args.bin} is not built (swift build)")

    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="gongwen-browser-")
    database = os.path.join(work, "serve.sqlite")
    seeds = sorted(os.path.join("corpus", name) for name in os.listdir(os.path.join(ROOT, "corpus")) if name.endswith(".txt"))
    subprocess.run([args.bin, "ingest", *seeds, "testdata/serve/hostile.txt", "--db", database],
                   cwd=ROOT, check=True, timeout=600, stdout=subprocess.DEVNULL)
    server, base = start_server(args.bin, database)
    drivers = []
    try:
        driver = browser()
        drivers.append(driver)
        wait = WebDriverWait(driver, 30)
        shots = {}

        def shoot(name):
            path = os.path.join(args.out, name + ".png")
            driver.save_screenshot(path)
            shots[name] = path

        # 1. The finding of 29275万人, opened at its URL, underlined, in view; the popover.
        findings = get_json(base, "/findings.json?rule=magnitude.implausible")
        finding = next((f for f in findings if "29275" in f["message"]), None)
        check(finding is not None, "the checker reports 29275万人 (magnitude.implausible)")
        url = f"{base}/documents/{finding['document_id']}#finding-{finding['id']}"
        driver.get(url)
        link = wait.until(lambda d: d.find_element(By.ID, f"finding-{finding['id']}"))
        check("29275万人" in link.text, f"#finding-{finding['id']} holds 29275万人 ({link.text!r})")
        decoration = driver.execute_script(
            "var s = getComputedStyle(arguments[0]); return [s.textDecorationLine, s.textDecorationStyle, s.textDecorationColor];", link)
        check(decoration[0] == "underline" and decoration[1] == "wavy", f"the finding is underlined, wavy: {decoration}")
        top = driver.execute_script("return arguments[0].getBoundingClientRect().top;", link)
        height = driver.execute_script("return window.innerHeight;")
        scrolled = driver.execute_script("return window.scrollY;")
        check(scrolled > 0 and 0 <= top < height, f"the page opened scrolled to the finding (scrollY {scrolled}, top {top})")
        link.click()
        popover = wait.until(lambda d: d.find_element(By.ID, "popover") if d.find_element(By.ID, "popover").is_displayed() else None)
        check("stated" in popover.text and "29275" in popover.text, f"clicking it shows stated and recomputed: {popover.text!r}")
        shoot("document")

        # 2. Without JavaScript the finding is a link to its detail.
        plain = browser(javascript=False)
        drivers.append(plain)
        plain.get(url)
        plain.find_element(By.ID, f"finding-{finding['id']}").click()
        WebDriverWait(plain, 30).until(lambda d: d.current_url.endswith(f"#finding-{finding['id']}-detail"))
        detail = plain.find_element(By.ID, f"finding-{finding['id']}-detail")
        check("stated" in detail.text and detail.is_displayed(), "without JavaScript the finding links to its detail")

        # 3. The search box finds 网格化治理.
        driver.get(base + "/documents")
        box = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "input[name=q]"))
        box.send_keys("网格化治理")
        box.submit()
        wait.until(lambda d: "q=" in d.current_url)
        marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "table.rows mark")]
        rows = driver.find_elements(By.CSS_SELECTOR, "table.rows tbody tr")
        check(len(rows) == 1 and "江苏省民政厅" in rows[0].text and "网格化治理" in marks,
              f"the search box finds 网格化治理 in 江苏省民政厅's report ({len(rows)} rows)")
        shoot("search")

        # 4. The hostile document renders as text.
        documents = get_json(base, "/documents.json")["rows"]
        hostile = next(d for d in documents if d["source"].endswith("hostile.txt"))
        driver.get(f"{base}/documents/{hostile['id']}")
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "article.text"))
        time.sleep(0.5)
        problem = no_alert(driver)
        check(problem is None, "no dialog opens on the hostile document" + (f" ({problem})" if problem else ""))
        injected = driver.execute_script("""
            return document.querySelectorAll('img, iframe, svg[onload], b[onmouseover], [onerror], [onload], [onmouseover]').length;""")
        check(injected == 0, f"no injected element on the hostile document ({injected} found)")
        scripts = driver.execute_script("return Array.from(document.scripts).map(s => s.getAttribute('src'));")
        check(scripts == ["/static/gongwen.js"], f"the only script is the server's own ({scripts})")
        body = driver.find_element(By.TAG_NAME, "body").text
        check("<script>alert(1)</script>" in body and '"><img src=x onerror=alert(1)>' in body,
              "the hostile markup shows as text")
        check("alert" not in (driver.title or "") or "<script>" in driver.title, "the title is text too")

        # Screenshots of each page kind.
        for name, path in [("overview", "/"), ("documents", "/documents"), ("findings", "/findings"),
                           ("claims", "/claims?unit=%E4%BA%BA&min=1000")]:
            driver.get(base + path)
            wait.until(lambda d: d.find_element(By.TAG_NAME, "main"))
            check(no_alert(driver) is None, f"{path} opens no dialog")
            shoot(name)
        if args.docs:
            target = os.path.join(ROOT, "docs", "screenshots")
            os.makedirs(target, exist_ok=True)
            for name in ["document", "findings", "claims"]:
                shutil.copy(shots[name], os.path.join(target, f"serve-{name}.png"))
        print(f"browser test: passed; screenshots in {args.out}")
    finally:
        for driver in drivers:
            try:
                driver.quit()
            except Exception:
                pass
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
