"""Drives headless Chromium through Lede's demo: briefing, story, a question, adding a source.

Started by scripts/browser-test. Prints one line per check and a closing
"N passed, N failed" line; exits non-zero when a check fails.
"""

import argparse
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

from playwright.sync_api import sync_playwright

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Loopback Test Gazette</title><link>http://127.0.0.1:{port}/</link><description>A feed served by the browser test.</description>
<item><title>Harbour authority approves a 40 MW shore power scheme</title>
<link>http://127.0.0.1:{port}/articles/shore-power.html</link><guid>loopback-1</guid>
<pubDate>Mon, 20 Apr 2026 09:00:00 GMT</pubDate>
<description>The harbour authority approved a 40 MW shore power scheme on Monday.</description></item>
</channel></rss>
"""

ARTICLE = """<!doctype html><html lang="en"><head><title>Harbour authority approves shore power</title></head>
<body><article><h1>Harbour authority approves a 40 MW shore power scheme</h1>
<p>The harbour authority approved a 40 MW shore power scheme on Monday, letting cruise ships switch off their engines at berth.</p>
<p>The scheme will cost 85 million euros and is due to open in 2028, the authority said in a statement.</p>
<p>Port operators said the plan would cut emissions at the quay by about a third.</p>
</article></body></html>
"""


class FeedHandler(http.server.BaseHTTPRequestHandler):
    """Serves the test feed and its article on loopback."""

    def do_GET(self):
        port = self.server.server_address[1]
        if self.path == "/feed.xml":
            body, kind = FEED.format(port=port), "application/rss+xml; charset=utf-8"
        elif self.path == "/articles/shore-power.html":
            body, kind = ARTICLE, "text/html; charset=utf-8"
        elif self.path == "/broken.xml":
            body, kind = "<html><body>This is not a feed.</body></html>", "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"  ok   {name}")
        else:
            self.failed += 1
            print(f"  FAIL {name} {detail}")


# Run in the page: what a screen-reader or keyboard user would miss. Returns a list of problems.
AUDIT = """() => {
  const problems = [];
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  if (document.querySelectorAll('h1').length !== 1) problems.push(document.querySelectorAll('h1').length + ' h1 elements');
  for (const landmark of ['main', 'header', 'footer']) {
    if (!document.querySelector(landmark)) problems.push('no <' + landmark + '> landmark');
  }
  for (const field of document.querySelectorAll('input, select, textarea')) {
    if (field.type === 'hidden') continue;
    const labelled = (field.id && document.querySelector('label[for="' + field.id + '"]')) || field.closest('label')
      || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
    if (!labelled) problems.push('unlabelled ' + field.tagName.toLowerCase() + ' ' + (field.name || field.id));
  }
  for (const button of document.querySelectorAll('button, a[href]')) {
    if (!button.textContent.trim() && !button.getAttribute('aria-label')) problems.push('a ' + button.tagName.toLowerCase() + ' without a name');
  }
  for (const image of document.querySelectorAll('img')) {
    if (!image.hasAttribute('alt')) problems.push('an image without alt');
  }
  // WCAG AA contrast of every visible text against the first opaque background behind it.
  // Computed colours come as rgb(a)(0-255 …) or, from color-mix(), as color(srgb 0-1 …).
  const rgb = (value) => {
    const numbers = (value.match(/[\d.]+/g) || []).map(Number);
    return value.startsWith('color(') ? numbers.map((n, i) => (i < 3 ? n * 255 : n)) : numbers;
  };
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || (color.length === 4 && color[3] > 0.9)) return color.slice(0, 3);
    }
    return [255, 255, 255];
  };
  for (const element of document.querySelectorAll('body *')) {
    const ownText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
    if (!ownText || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
    const [l1, l2] = [luminance(rgb(style.color).slice(0, 3)), luminance(background(element))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ' for "' + element.textContent.trim().slice(0, 30) + '"');
  }
  return problems;
}"""


def audit(checks, page, name):
    problems = page.evaluate(AUDIT)
    checks.check(f"{name}: landmarks, one h1, labelled fields, AA contrast", not problems, "; ".join(problems[:5]))


def start_lede(lede, database):
    env = dict(os.environ, LEDE_ALLOW_PRIVATE_NETWORKS="1")
    process = subprocess.Popen(
        [lede, "demo", "--serve", "--port", "0", "--database", database],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    deadline = time.time() + 300
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                raise SystemExit("browser-test: lede demo --serve exited before serving")
            continue
        match = re.search(r"serving at (http://127\.0\.0\.1:\d+)/", line)
        if match:
            return process, match.group(1)
    process.terminate()
    raise SystemExit("browser-test: lede demo --serve did not start within 300 s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede", required=True)
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()

    feed_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    threading.Thread(target=feed_server.serve_forever, daemon=True).start()
    feed_url = f"http://127.0.0.1:{feed_server.server_address[1]}/feed.xml"

    folder = tempfile.mkdtemp(prefix="lede-browser-")
    lede, base = start_lede(args.lede, os.path.join(folder, "lede.sqlite"))
    checks = Checks()
    problems = []
    shots = args.screenshots
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, headless=True, args=["--no-sandbox"])
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}") if message.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))

            print("Briefing")
            page.goto(base + "/")
            checks.check("the edition's heading shows", page.locator("h1").first.inner_text().startswith("Your briefing for"))
            headline = page.locator("article.story-card h2").first
            checks.check("the first headline is visible", headline.is_visible())
            checks.check("citations are visible", page.locator("article.story-card a.cite").first.is_visible())
            audit(checks, page, "briefing")
            page.screenshot(path=f"{shots}/briefing.png", full_page=True)
            page.keyboard.press("Tab")
            checks.check("the first Tab reaches the skip link", page.evaluate("document.activeElement.className") == "skip-link")
            page.keyboard.press("Enter")
            checks.check("the skip link moves focus to the content", page.evaluate("document.activeElement.id") == "main")
            phone = context.new_page()
            phone.set_viewport_size({"width": 390, "height": 844})
            phone.goto(base + "/")
            checks.check("the page fits a phone's width", phone.evaluate("document.documentElement.scrollWidth <= 390"))
            phone.screenshot(path=f"{shots}/briefing-phone.png")
            phone.close()

            print("Story")
            with page.expect_navigation():
                page.locator("article.story-card a.read-more").first.click()
            checks.check("the story page has its headline", page.locator("h1#story-headline").is_visible())
            checks.check("key figures are shown", page.locator("section.figures dt").count() > 0)
            checks.check("the timeline is shown", page.locator("section.timeline li").count() > 0)
            checks.check("sources are listed", page.locator("section.sources li").count() > 0)
            audit(checks, page, "story")
            page.screenshot(path=f"{shots}/story.png", full_page=True)
            story_url = page.url
            phone = context.new_page()
            phone.set_viewport_size({"width": 390, "height": 844})
            for name, url in [("story", story_url), ("sources", base + "/sources")]:
                phone.goto(url)
                checks.check(f"the {name} page fits a phone's width", phone.evaluate("document.documentElement.scrollWidth <= 390"))
                phone.screenshot(path=f"{shots}/{name}-phone.png")
            phone.close()

            print("Ask")
            page.fill("#ask-question", "How much will Amazon invest in Anthropic?")
            with page.expect_navigation():
                page.click("form.ask-form button[type=submit]")
            if page.locator("#latest .answer").count() == 0:
                page.screenshot(path=f"{shots}/answer-missing.png", full_page=True)
                print(f"  (after asking, the page is {page.url})")
            # An answer leads with what was asked for ("$25B.") and quotes the sentences behind it.
            answer = page.locator("#latest").inner_text(timeout=5_000) if page.locator("#latest").count() else ""
            checks.check("an answer is shown", page.locator("#latest .answer").is_visible() and "25" in answer, answer[:200])
            checks.check("the answer quotes its sources", page.locator("#latest .answer-sources blockquote").count() > 0)
            checks.check("the answer cites its sources", page.locator("#latest .answer-sources li a.cite").first.is_visible())
            audit(checks, page, "conversation")
            page.screenshot(path=f"{shots}/answer.png", full_page=True)
            page.goto(base + "/conversations")
            checks.check("the question is listed among conversations",
                         page.locator("main a", has_text="How much will Amazon invest in Anthropic?").count() > 0)

            print("Share")
            page.goto(story_url)
            with page.expect_navigation():
                page.click("button:has-text('Share a public link')")
            share_url = page.locator("#share-link").input_value()
            checks.check("a public link is made", "/shared/" in share_url, share_url)
            stranger = browser.new_context(viewport={"width": 1280, "height": 900})
            shared = stranger.new_page()
            shared.on("console", lambda message: problems.append(f"console {message.type}: {message.text}") if message.type == "error" else None)
            response = shared.goto(share_url)
            checks.check("the shared page opens without signing in", response.status == 200 and "/login" not in shared.url, shared.url)
            checks.check("it says it was shared from Lede", shared.locator(".kicker").inner_text().strip().lower() == "shared from lede")
            checks.check("it shows the story and its citations",
                         shared.locator("h1#story-headline").is_visible() and shared.locator("a.cite, .cite").count() > 0)
            audit(checks, shared, "shared story")
            shared.screenshot(path=f"{shots}/shared.png", full_page=True)
            stranger.close()

            print("History")
            page.goto(base + "/briefings")
            checks.check("past editions are listed", page.locator("main ul a").count() > 0)
            audit(checks, page, "history")
            with page.expect_navigation():
                page.locator("main ul a").first.click()
            checks.check("a past edition opens", page.locator("article.story-card").count() > 0)
            page.screenshot(path=f"{shots}/history.png", full_page=True)

            print("Sources")
            page.goto(base + "/sources")
            page.fill("#source-url", feed_url)
            with page.expect_navigation():
                page.click("form.inline-form button.primary")
            checks.check("a notice confirms the new source", "Now following" in page.locator("p.notice").inner_text())
            checks.check("the new source is listed", page.locator("li.source h3", has_text="Loopback Test Gazette").count() == 1)
            # The fetch runs in the background; the page polls and reloads when it is done.
            page.wait_for_function(
                "() => !document.querySelector('.fetch-panel .fetch-message') || "
                "/^Fetched|stopped/.test(document.querySelector('.fetch-panel .fetch-message').textContent)",
                timeout=120_000)
            page.wait_for_load_state()
            status = page.locator("li.source", has_text="Loopback Test Gazette").locator(".status").inner_text()
            checks.check("the new source was fetched", status == "OK", status)
            audit(checks, page, "sources")
            page.screenshot(path=f"{shots}/sources.png", full_page=True)

            print("OPML")
            port = feed_server.server_address[1]
            opml = (f'<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
                    f'<outline text="Broken"><outline text="Broken Feed" type="rss" xmlUrl="http://127.0.0.1:{port}/broken.xml"/></outline>'
                    f'<outline text="Again" type="rss" xmlUrl="{feed_url}"/></body></opml>')
            page.set_input_files("#opml-file", files=[{"name": "feeds.opml", "mimeType": "text/x-opml", "buffer": opml.encode()}])
            with page.expect_navigation():
                page.click("form[action='/sources/import'] button[type=submit]")
            checks.check("the import is confirmed", "Imported 1 source" in page.locator("p.notice").inner_text())
            page.wait_for_function(
                "() => !document.querySelector('.fetch-panel .fetch-message') || "
                "/^Fetched|stopped/.test(document.querySelector('.fetch-panel .fetch-message').textContent)",
                timeout=120_000)
            page.wait_for_load_state()
            broken = page.locator("li.source", has_text="Broken Feed")
            checks.check("the imported source keeps its folder", "in Broken" in broken.locator(".feed-url").inner_text())
            checks.check("a failing source shows its last error", broken.locator(".source-error").count() == 1)
            with page.expect_navigation():
                broken.locator("button", has_text="Retry").click()
            checks.check("retry is confirmed", "tried again" in page.locator("p.notice").inner_text())
            with page.expect_download() as download:
                page.click("a[href='/sources/export.opml']")
            exported = open(download.value.path(), encoding="utf-8").read()
            checks.check("the export lists every source with its folder",
                         "broken.xml" in exported and 'text="Broken"' in exported and feed_url in exported)
            page.screenshot(path=f"{shots}/sources-after-import.png", full_page=True)

            print("Profile, onboarding and account")
            page.goto(base + "/account")
            audit(checks, page, "account")
            page.screenshot(path=f"{shots}/account.png", full_page=True)
            page.goto(base + "/profile")
            audit(checks, page, "profile")
            page.screenshot(path=f"{shots}/profile.png", full_page=True)
            page.goto(base + "/welcome")
            audit(checks, page, "welcome")
            checks.check("onboarding offers role presets", page.locator("fieldset.presets input[type=radio]").count() >= 3)
            page.screenshot(path=f"{shots}/welcome.png", full_page=True)
            page.locator("fieldset.presets label").nth(1).click()
            with page.expect_navigation():
                page.click("form[action='/welcome'] button[type=submit]")
            # The demo reader already follows sources, so onboarding leads to an edition for the new role.
            checks.check("onboarding leads to an edition for the chosen role",
                         page.url == base + "/" and page.locator("article.story-card").count() > 0, page.url)
            page.screenshot(path=f"{shots}/after-onboarding.png", full_page=True)

            checks.check("no console errors, page errors or failed requests", not problems, "; ".join(problems[:5]))
            browser.close()
    finally:
        lede.terminate()
        try:
            lede.wait(timeout=20)
        except subprocess.TimeoutExpired:
            lede.kill()
        feed_server.shutdown()

    print(f"Screenshots in {shots}/")
    print(f"browser-test: {checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
