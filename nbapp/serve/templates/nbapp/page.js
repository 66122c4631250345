// nbapp's page: keeps the loading indicator until the app has drawn, applies the app's
// st.set_page_config title and icon (the app's layout draws its own sidebar toggle), and
// reports a kernel that stopped while the page is open. (Voilà's widget manager ends the
// page's kernel when the page closes.)
(function () {
  "use strict";
  const body = document.body;
  let finished = false;
  let configText = null;
  const CONNECT_TIMEOUT = 20000;  // ms after the page arrived for the app's widgets to draw
  const KERNEL_CHECK = 5000;  // ms between checks that the page's kernel still runs

  window.voila_process = function () {};  // no "Executing 1 of 1": the indicator says what happens
  window.voila_finish = function () {
    finished = true;
    // Voilà would wait for its JavaScript to load the theme; this template links the theme's
    // stylesheet itself, so the cells (and an app's snapshot) can show right away.
    document.getElementById("rendered_cells").style.display = "";
    update();
    setTimeout(function () {
      if (!body.classList.contains("nbapp-loading")) return;
      showError("This app's page could not connect to its session.",
                "Reload the page. If it keeps happening, the server's log says why.");
    }, CONNECT_TIMEOUT);
    watchKernel();
  };

  function pageConfig() {
    const holder = document.getElementById("jupyter-config-data");
    return holder ? JSON.parse(holder.textContent) : {};
  }

  // A kernel that stops later (a crash, culling) leaves widgets that answer nothing: say so.
  function watchKernel() {
    const config = pageConfig();
    if (!config.kernelId) return;
    const url = config.baseUrl + "api/kernels/" + config.kernelId;
    const timer = setInterval(function () {
      fetch(url, { cache: "no-store" }).then(function (response) {
        if (response.status === 404) return { execution_state: "dead" };
        return response.ok ? response.json() : {};
      }).then(function (kernel) {
        if (kernel.execution_state !== "dead") return;
        clearInterval(timer);
        showError("This app's session has ended.",
                  "Its kernel stopped (the app crashed it, or it was idle too long). Reload the page to start again.");
      }).catch(function () { /* the server is unreachable: the next check tries again */ });
    }, KERNEL_CHECK);
  }

  function showError(title, text) {
    const box = document.createElement("div");
    box.className = "nbapp-page-error nbapp-page-banner";
    box.setAttribute("role", "alert");
    const head = document.createElement("div");
    head.className = "nbapp-page-error-title";
    head.textContent = title;
    const detail = document.createElement("div");
    detail.className = "nbapp-page-error-body";
    detail.textContent = text;
    box.append(head, detail);
    body.append(box);
    body.classList.remove("nbapp-loading");
  }

  function iconHref(icon) {
    if (/[\/.]/.test(icon)) return icon;  // an image URL or path
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">' +
      '<text y=".9em" font-size="90">' + icon.replace(/[<&]/g, "") + "</text></svg>";
    return "data:image/svg+xml," + encodeURIComponent(svg);
  }

  // As Streamlit: set_page_config's title and icon win; else the st.navigation page's; else the first heading.
  function applyConfig(config) {
    const heading = document.querySelector(".nbapp-app .nbapp-title");
    const current = config.current_page || {};
    const title = config.page_title || current.title || (heading && heading.textContent.trim());
    if (title) document.title = title;
    const icon = config.page_icon || current.icon;
    if (icon && !String(icon).startsWith(":material/")) {
      document.querySelector("link[rel=icon]").href = iconHref(String(icon));
    }
  }

  // The snapshot (static HTML of the app's first run) shows until the live widgets have drawn
  // as much text, or for SWAP_AFTER at most once they appeared; then the live app takes its place.
  const SWAP_AFTER = 4000;
  let liveSince = null;
  let swapTimer = null;
  function swapSnapshot() {
    const snapshot = document.querySelector(".nbapp-snapshot");
    const live = document.querySelector(".lm-Widget.nbapp-app");
    if (!snapshot) return;
    body.classList.add("nbapp-snapshot-pending");
    if (!live) return;
    liveSince = liveSince || performance.now();
    const text = function (root) {
      const main = root.querySelector(".nbapp-main");
      return main ? main.textContent.trim().length : 0;
    };
    if (text(live) >= text(snapshot) || performance.now() - liveSince > SWAP_AFTER) {
      document.querySelectorAll(".nbapp-snapshot").forEach(function (node) { node.remove(); });
      body.classList.remove("nbapp-snapshot-pending");
    } else {
      if (!swapTimer) swapTimer = setTimeout(function () { swapTimer = null; update(); }, 100);  // one at a time
    }
  }

  function update() {
    swapSnapshot();
    const holder = document.querySelector(".nbapp-page-config");
    const text = holder && holder.getAttribute("data-config");
    if (text && text !== configText) {
      configText = text;
      try { applyConfig(JSON.parse(text) || {}); } catch (e) { /* a config we cannot read changes nothing */ }
    }
    const drawn = document.querySelector(".nbapp-app") || document.querySelector(".nbapp-page-error");
    const appCells = document.querySelectorAll(".nbapp-cell .jp-CodeCell").length;
    if (finished && (drawn || appCells === 0)) body.classList.remove("nbapp-loading");
  }

  let queued = false;
  new MutationObserver(function () {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; update(); });
  }).observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-config"] });
})();
