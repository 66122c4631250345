"""The vendored chart library in nbapp/frontend was built from the npm sources committed in frontend-src/."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAMP = ROOT / "nbapp" / "frontend" / "vega-library.stamp.json"


def test_the_committed_vega_bundle_matches_its_sources():
    stamp = json.loads(STAMP.read_text())
    digest = hashlib.sha256()
    for name in stamp["sources"]:
        digest.update(name.encode() + b"\0" + (ROOT / "frontend-src" / name).read_bytes() + b"\0")
    assert digest.hexdigest() == stamp["sha256"], (
        "nbapp/frontend/vega-library.js is stale: rebuild it with `cd frontend-src && npm ci && npm run build` "
        "and commit nbapp/frontend/vega-library.js and vega-library.stamp.json")


def test_the_bundle_holds_vega_lite_and_asks_no_cdn():
    bundle = (ROOT / "nbapp" / "frontend" / "vega-library.js").read_text(encoding="utf-8")
    assert len(bundle) > 500_000 and "vega-lite" in bundle
    assert (ROOT / "nbapp" / "frontend" / "viz-library.js").stat().st_size > 1_000_000  # Graphviz as WebAssembly
    for cdn in ("cdn.jsdelivr.net", "unpkg.com/", "cdnjs.cloudflare.com"):
        assert f'import("https://{cdn}' not in bundle and f"from\"https://{cdn}" not in bundle


def test_deck_gl_echarts_and_mermaid_are_bundled_whole():
    for name, needle, size in (("deck-library.js", "ScatterplotLayer", 1_000_000),
                               ("echarts-library.js", "registerTheme", 800_000),
                               ("mermaid-library.js", "flowchart", 2_000_000)):
        bundle = (ROOT / "nbapp" / "frontend" / name).read_text(encoding="utf-8")
        assert len(bundle) > size and needle in bundle, name
        # one file, no chunk fetched later (a dynamic import of a relative or remote URL would need the network)
        assert 'import("./' not in bundle and 'import("https://' not in bundle, name
