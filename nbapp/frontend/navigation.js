// st.navigation's menu: one link per page. A click shows the page without reloading
// (the app switches page; the page bridge puts its URL in the address bar); a middle-click
// or Ctrl+click opens the page's own URL in a new tab.
export default {
  render({ model, el }) {
    function draw() {
      const props = model.get("props") || {};
      const current = model.get("value") || "";
      el.replaceChildren();
      if (props.position === "hidden") return;
      const nav = document.createElement("nav");
      nav.className = "nbapp-nav nbapp-nav-" + props.position;
      for (const [section, pages] of props.sections || []) {
        if (section) {
          const head = document.createElement("div");
          head.className = "nbapp-nav-section";
          head.textContent = section;
          nav.append(head);
        }
        for (const page of pages) {
          const link = document.createElement("a");
          link.className = "nbapp-nav-link" + (page.url_path === current ? " nbapp-nav-active" : "");
          link.href = (props.base || "/") + page.url_path;
          link.textContent = (page.icon && !page.icon.startsWith(":material/") ? page.icon + " " : "") + page.title;
          if (page.help) link.title = page.help;
          link.dataset.urlPath = page.url_path;
          link.addEventListener("click", function (event) {
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            model.set("value", page.url_path);
            model.save_changes();
            draw();
          });
          nav.append(link);
        }
      }
      el.append(nav);
    }
    draw();
    model.on("change:props", draw);
    model.on("change:value", draw);
    return function () {
      model.off("change:props", draw);
      model.off("change:value", draw);
    };
  },
};
