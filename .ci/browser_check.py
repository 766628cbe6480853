#!/usr/bin/env python3
"""Drives headless Chromium over /docs and /reader of servers already running (.ci/run starts them), as a person
would: the pages load with no console errors, Swagger UI lists the operations and a "Try it out" call succeeds, every
highlighted mention's text in the page is the API's quote for it, selecting a mention opens the right card, the
keyboard works (Enter opens, Escape closes and gives focus back, #p3 focuses paragraph 3). Also checks the static
answers over plain HTTP (types, gzip variants, ETags, 304s, the CSP). Screenshots go to --artifacts.

Usage: browser_check.py --url http://127.0.0.1:PORT [--astral-url http://127.0.0.1:PORT2] [--artifacts DIR]
Prints "browser: N passed, N failed" and exits non-zero if any check failed. Every wait is bounded.
"""
import argparse
import gzip
import json
import pathlib
import sys
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 30  # seconds, for any one thing to appear
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""), flush=True)
    return ok


def http(url, headers=None, method="GET"):
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def check_static(base):
    bundle = base + "/docs/assets/5.31.0/swagger-ui-bundle.js"
    status, plain_headers, plain = http(bundle, {"Accept-Encoding": "identity"})
    check("bundle identity 200, text/javascript", status == 200 and plain_headers["Content-Type"].startswith("text/javascript"))
    status, gz_headers, packed = http(bundle, {"Accept-Encoding": "br, gzip;q=0.8"})
    check("bundle gzip variant", status == 200 and gz_headers["Content-Encoding"] == "gzip", str(dict(gz_headers)))
    check("gzip variant decompresses to the identity bytes", gzip.decompress(packed) == plain)
    check("variants have different ETags", gz_headers["ETag"] != plain_headers["ETag"])
    check("Vary: Accept-Encoding on both", plain_headers["Vary"] == gz_headers["Vary"] == "Accept-Encoding")
    check("versioned asset immutable", "immutable" in plain_headers["Cache-Control"])
    status, _, _ = http(bundle, {"Accept-Encoding": "gzip", "If-None-Match": gz_headers["ETag"]})
    check("If-None-Match gives 304", status == 304)
    status, _, _ = http(bundle, {"Accept-Encoding": "gzip;q=0, *", "If-None-Match": gz_headers["ETag"]})
    check("gzip;q=0 refuses gzip (identity sent, so the gzip ETag does not match)", status == 200)
    for page in ("/docs", "/reader"):
        status, headers, body = http(base + page)
        check(f"{page} is HTML with a CSP", status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
              and "default-src 'self'" in (headers["Content-Security-Policy"] or ""), str(dict(headers)))
        check(f"{page} revalidates", headers["Cache-Control"] == "no-cache")


def new_driver():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1400,1000", "--lang=ar", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    return driver


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def check_docs(driver, base, artifacts):
    driver.get(base + "/docs")
    wait = WebDriverWait(driver, WAIT)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".opblock")) > 0)
    operations = driver.find_elements(By.CSS_SELECTOR, ".opblock")
    check("/docs lists the operations", len(operations) >= 10, f"{len(operations)} operations")
    driver.save_screenshot(str(artifacts / "docs.png"))
    # "Try it out" on GET /countries, then Execute: the call goes to this server; the status is in the DOM.
    block = next(op for op in operations
                 if op.find_element(By.CSS_SELECTOR, ".opblock-summary-path").get_attribute("data-path") == "/countries")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", block)
    block.find_element(By.CSS_SELECTOR, ".opblock-summary-control").click()
    wait.until(lambda d: block.find_elements(By.CSS_SELECTOR, ".try-out__btn"))
    block.find_element(By.CSS_SELECTOR, ".try-out__btn").click()
    wait.until(lambda d: block.find_elements(By.CSS_SELECTOR, ".execute"))
    block.find_element(By.CSS_SELECTOR, ".execute").click()
    cell = ".live-responses-table .response .response-col_status"
    wait.until(lambda d: block.find_elements(By.CSS_SELECTOR, cell))
    status = block.find_element(By.CSS_SELECTOR, cell).text.strip()
    check("/docs Try it out → Execute GET /countries answers 200", status.startswith("200"), status)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", block.find_element(By.CSS_SELECTOR, cell))
    driver.save_screenshot(str(artifacts / "docs-try-it-out.png"))
    errors = console_errors(driver)
    check("/docs has no console errors", not errors, "; ".join(errors))


# Runs in the page: the API's paragraphs (UTF-16 offsets) against the rendered highlights. Independent of reader.js:
# it fetches the API itself and reads the DOM by data-key (`<paragraph>-<mention index>`).
COMPARE_HIGHLIGHTS = """
const done = arguments[arguments.length - 1];
(async () => {
  const sources = await (await fetch("sources")).json();
  const id = sources.data[0].id;
  const body = await (await fetch(`sources/${encodeURIComponent(id)}/paragraphs?offsets=utf16&limit=100`)).json();
  const problems = [];
  let count = 0, maxDepth = 0;
  for (const p of body.data) {
    (p.mentions || []).forEach((m, i) => {
      count++;
      const sliced = p.text.slice(m.start, m.end);
      if (sliced !== m.quote) problems.push(`p${p.number} #${i}: the text at ${m.start}..${m.end} is "${sliced}", the quote "${m.quote}"`);
      const fragments = [...document.querySelectorAll(`[data-key="${p.number}-${i}"]`)];
      const shown = fragments.map((f) => f.textContent).join("");
      if (shown !== m.quote) problems.push(`p${p.number} #${i}: the page shows "${shown}", the quote is "${m.quote}"`);
      for (const f of fragments) {
        let depth = 0;
        for (let n = f; n; n = n.parentElement.closest(".mention")) depth++;
        maxDepth = Math.max(maxDepth, depth);
      }
    });
    const shownText = document.querySelector(`#p${p.number} .text`).textContent;
    if (shownText !== p.text) problems.push(`p${p.number}: the paragraph's text differs from the API's`);
  }
  done({count, problems, maxDepth, first: body.data.flatMap((p) => (p.mentions || []).map((m, i) => ({key: `${p.number}-${i}`, m})))});
})().catch((e) => done({count: 0, problems: [String(e)], first: []}));
"""


def check_reader(driver, base, artifacts, label):
    driver.get(base + "/reader")
    wait = WebDriverWait(driver, WAIT)
    wait.until(lambda d: d.execute_script("return document.documentElement.dataset.ready"))
    ready = driver.execute_script("return document.documentElement.dataset.ready")
    if not check(f"{label}: /reader loads", ready == "true", driver.find_element(By.ID, "text").text):
        return
    html = driver.find_element(By.TAG_NAME, "html")
    check(f"{label}: lang=ar dir=rtl", html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl")
    result = driver.execute_async_script(COMPARE_HIGHLIGHTS)
    check(f"{label}: every highlight shows its quote ({result['count']} mentions, nested {result.get('maxDepth')} deep)",
          result["count"] > 0 and not result["problems"], "; ".join(result["problems"][:5]))
    driver.save_screenshot(str(artifacts / f"reader-{label}.png"))

    # Click a mention of a person if there is one (else the first): its card names the entity.
    mentions = result["first"]
    chosen = next((x for x in mentions if x["m"]["type"] == "people"), mentions[0])
    key, mention = chosen["key"], chosen["m"]
    entity = json.loads(http(base + "/" + mention["type"] + "/" + mention["id"])[2])["data"]
    expected = entity["name"]["ar"] if isinstance(entity["name"], dict) else entity["name"]
    span = driver.find_element(By.CSS_SELECTOR, f'.mention[data-key="{key}"][tabindex="0"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", span)
    driver.execute_script("arguments[0].click()", span)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#card:not([hidden]) #card-name-ar"))
    shown = driver.find_element(By.ID, "card-name-ar").text
    check(f"{label}: clicking a mention opens its entity's card", shown == expected, f"{shown!r} != {expected!r}")
    driver.save_screenshot(str(artifacts / f"reader-{label}-card.png"))
    card_text = driver.find_element(By.ID, "card").text
    citations = entity.get("citations") or []
    if citations and citations[0].get("translation", {}).get("en"):
        check(f"{label}: the card shows a citation's English translation",
              citations[0]["translation"]["en"] in card_text)
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait.until(lambda d: d.find_element(By.ID, "card").get_attribute("hidden") is not None)
    focused = driver.switch_to.active_element.get_attribute("data-key")
    check(f"{label}: Escape closes the card and focus returns to the mention", focused == key, str(focused))
    # The keyboard alone: Enter on the focused mention opens the card again.
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#card:not([hidden]) #card-name-ar"))
    check(f"{label}: Enter on a mention opens its card", driver.find_element(By.ID, "card-name-ar").text == expected)
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)

    driver.get(base + "/reader#p2")
    wait.until(lambda d: d.execute_script("return document.documentElement.dataset.ready"))
    wait.until(lambda d: d.switch_to.active_element.get_attribute("id") == "p2")
    check(f"{label}: /reader#p2 focuses paragraph 2", driver.switch_to.active_element.get_attribute("id") == "p2")
    errors = console_errors(driver)
    check(f"{label}: /reader has no console errors", not errors, "; ".join(errors))


# A small web app on another origin, as a frontend developer writes it: the page is on http://localhost:PORT (a JSON
# answer: no CSP of ours in the way), the API on http://127.0.0.1:PORT, so every call is a CORS request.
CROSS_ORIGIN_CALLS = """
const [api, done] = arguments;
(async () => {
  const out = {};
  // Raw brackets, as fetch sends them from a string URL: a 301 to the encoded target, followed under CORS.
  let r = await fetch(`${api}/countries/kz?include=people&fields[people]=name&lang=en`);
  let body = await r.json();
  out.brackets = { status: r.status, redirected: r.redirected,
                   included: (body.included || []).map((e) => Object.keys(e).sort().join(",") + ":" + e.name) };
  // Arrays as URLSearchParams repeats them.
  const params = new URLSearchParams([["include", "organizations"], ["include", "people"], ["limit", "2"]]);
  r = await fetch(`${api}/countries?${params}`);
  body = await r.json();
  out.repeated = { status: r.status, total: r.headers.get("X-Total-Count"), link: r.headers.get("Link"),
                   included: (body.included || []).length };
  // A conditional request: If-None-Match is not CORS-safelisted, so this one is preflighted.
  const tag = r.headers.get("ETag");
  r = await fetch(`${api}/countries?${params}`, { headers: { "If-None-Match": tag } });
  out.conditional = { tag, status: r.status };
  return out;
})().then(done, (e) => done({ error: String(e) }));
"""


def check_cross_origin(driver, base):
    port = base.rsplit(":", 1)[1]
    page = f"http://localhost:{port}/"
    driver.get(page)
    result = driver.execute_async_script(CROSS_ORIGIN_CALLS, base)
    if not check("cross-origin: the calls ran", "error" not in result, result.get("error", "")):
        return
    brackets = result["brackets"]
    check("cross-origin: fields[people] with raw brackets is followed to 200",
          brackets["status"] == 200 and brackets["redirected"], str(brackets))
    check("cross-origin: included people narrowed to name, in English",
          bool(brackets["included"]) and all(i.startswith("href,id,name,type:") for i in brackets["included"]),
          str(brackets["included"]))
    repeated = result["repeated"]
    check("cross-origin: a repeated list parameter works, X-Total-Count and Link are readable",
          repeated["status"] == 200 and repeated["total"] and repeated["link"] and repeated["included"] > 0,
          str(repeated))
    conditional = result["conditional"]
    check("cross-origin: If-None-Match (preflighted) gets 304", conditional["status"] == 304, str(conditional))
    # The browser's own request for /favicon.ico (the page is a JSON answer, not ours) is not the app's error.
    errors = [e for e in console_errors(driver) if "/favicon.ico" not in e]
    check("cross-origin: no console errors", not errors, "; ".join(errors))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--astral-url")
    parser.add_argument("--artifacts", default=str(pathlib.Path(__file__).resolve().parent / "artifacts"))
    args = parser.parse_args()
    artifacts = pathlib.Path(args.artifacts)
    artifacts.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    check_static(args.url)
    driver = new_driver()
    try:
        for step, run in (("docs", lambda: check_docs(driver, args.url, artifacts)),
                          ("reader", lambda: check_reader(driver, args.url, artifacts, "bundled")),
                          ("cross-origin", lambda: check_cross_origin(driver, args.url)),
                          ("astral", lambda: args.astral_url and check_reader(driver, args.astral_url, artifacts, "astral"))):
            try:
                run()
            except Exception as error:  # a timeout or a missing element fails the step, and the others still run
                check(f"{step}: ran to the end", False, f"{type(error).__name__}: {error}")
                driver.save_screenshot(str(artifacts / f"failed-{step}.png"))
    finally:
        driver.quit()
    print(f"screenshots in {artifacts}; {time.monotonic() - started:.1f} s")
    print(f"browser: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
