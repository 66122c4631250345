// The app's link to the page that shows it (invisible): reports the page's URL, query string,
// locale, time zone, theme and cookies to the app (st.context, st.query_params), and puts the
// app's query parameters and page path in the address bar without a reload. In a notebook only
// locale, time zone and theme are reported: the notebook's URL is not the app's.
function served() {
  return document.body.classList.contains("nbapp-page");
}

function pageInfo(model) {
  const isServed = served();
  let tz = null;
  try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { /* no Intl: unknown */ }
  const dark = document.body.getAttribute("data-jp-theme-light") === "false";
  return {
    served: isServed,
    url: isServed ? location.href : "",
    query: isServed ? location.search.replace(/^\?/, "") : null,
    path: isServed ? location.pathname : "",
    locale: navigator.language || null,
    languages: (navigator.languages || []).join(","),
    timezone: tz,
    timezone_offset: new Date().getTimezoneOffset(),
    theme: dark ? "dark" : "light",
    cookies: isServed ? document.cookie : "",
    user_agent: navigator.userAgent,
    host: isServed ? location.host : "",
    embedded: window.top !== window,
    // Each report differs from the last, so a back/forward to the same URL still reaches the app.
    seq: (model.get("page") && model.get("page").seq || 0) + 1,
  };
}

// The address the server sees this page's connection come from (st.context.ip_address),
// asked once per page: the kernel never sees the browser's connection itself.
let clientIp = null;
function askClientIp() {
  if (!clientIp) {
    const base = (document.body.getAttribute("data-base-url") || "/").replace(/voila\/$/, "");
    clientIp = fetch(base + "nbapp/client", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (data) { return data.ip || null; })
      .catch(function () { return null; });
  }
  return clientIp;
}

function report(model) {
  const info = pageInfo(model);
  if (!info.served) {
    model.set("page", info);
    model.save_changes();
    return;
  }
  askClientIp().then(function (ip) {
    model.set("page", Object.assign(info, { ip: ip }));
    model.save_changes();
  });
}

function applyAddress(model) {
  if (!served()) return;
  const query = model.get("query") || "";
  const path = model.get("path") || location.pathname;
  const wanted = path + (query ? "?" + query : "");
  const current = location.pathname + location.search;
  if (wanted === current) return;
  // A new page is a new history entry (back returns to the last page); a new query is not.
  if (path !== location.pathname) history.pushState({ nbapp: true }, "", wanted + location.hash);
  else history.replaceState(history.state, "", wanted + location.hash);
}

// st.form(enter_to_submit=True): Enter in one of the form's one-line boxes clicks its submit button,
// after the box has sent its value (the click goes out after it, so the submit carries it).
// Capture phase: ipywidgets' text boxes stop the key events they handle from bubbling.
function enterSubmits(el) {
  return function (e) {
    if (e.key !== "Enter" || e.shiftKey || e.isComposing || !(e.target instanceof HTMLInputElement)) return;
    const app = el.closest(".nbapp-app");
    const form = e.target.closest(".nbapp-form.nbapp-enter-submits");
    if (!app || !form || !app.contains(form)) return;
    const submit = form.querySelector("button.nbapp-form_submit_button:not([disabled])");
    if (submit) setTimeout(() => submit.click(), 0);
  };
}

// While the app is shown, the kernel hears so every second: run_every fragments tick only then
// (as in Streamlit, whose page drives them), and stop once the tab, notebook or output is gone.
const HEARTBEAT_MS = 1000;

export default {
  render({ model, el }) {
    el.style.display = "none";
    report(model);
    const alive = function () { model.send({ type: "alive" }); };
    alive();
    const heartbeat = setInterval(alive, HEARTBEAT_MS);
    const onChange = function () { applyAddress(model); };
    const onPop = function () { report(model); };
    // A run of the app was drawn to its end: widgets that wait for it (chat_input's submit_mode) hear it.
    const onDrawn = function () { window.dispatchEvent(new CustomEvent("nbapp-run-done")); };
    model.on("change:drawn", onDrawn);
    const onEnter = enterSubmits(el);
    document.addEventListener("keydown", onEnter, true);
    model.on("change:query", onChange);
    model.on("change:path", onChange);
    window.addEventListener("popstate", onPop);
    return function () {
      clearInterval(heartbeat);
      model.off("change:query", onChange);
      model.off("change:path", onChange);
      model.off("change:drawn", onDrawn);
      document.removeEventListener("keydown", onEnter, true);
      window.removeEventListener("popstate", onPop);
    };
  },
};
