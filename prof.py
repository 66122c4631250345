import sys, time, subprocess, re, os, signal, json, threading
sys.path.insert(0, "/work/main/bench")
from bench_serve import server, nbapp_cmd, open_page, close, SLIDER, CHROMIUM, CHROMIUM_ARGS
from pathlib import Path
from playwright.sync_api import sync_playwright
opts = sys.argv[1:]
with server(nbapp_cmd(*opts), Path("/tmp/prof")) as running, sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    p, s = open_page(browser, running.url, 120); close(p)
    for i in range(3):
        ctx = browser.new_context(); page = ctx.new_page()
        events = []
        t0 = time.perf_counter()
        page.on("websocket", lambda ws: events.append(("ws", round(time.perf_counter()-t0, 3), ws.url[-60:])))
        page.on("console", lambda m: events.append(("console", round(time.perf_counter()-t0, 3), m.text[:100])))
        page.goto(running.url, wait_until="commit")
        page.get_by_text("25 squared is 625").first.wait_for(state="attached")
        t1 = time.perf_counter()-t0
        page.locator(SLIDER).first.wait_for(state="visible")
        t2 = time.perf_counter()-t0
        res = page.evaluate("""() => performance.getEntriesByType('resource').map(e => [e.name.slice(-70), Math.round(e.startTime), Math.round(e.responseEnd), e.encodedBodySize, e.decodedBodySize])""")
        nav = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0]; return {resp: n.responseStart, respEnd: n.responseEnd, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }""")
        print(f"open {i}: first {t1:.2f} live {t2:.2f}", nav)
        if i == 2:
            for r in sorted(res, key=lambda r: r[1]): print("  ", r)
            for e in events: print("  ", e)
        page.close(); ctx.close()
    browser.close()
