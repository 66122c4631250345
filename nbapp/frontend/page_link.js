// st.page_link: a link to a page of this app (shown without a reload, like the menu's links)
// or to an external URL (opened in a new tab).
let clicks = 0;
export default {
  render({ model, el }) {
    function draw() {
      const props = model.get("props") || {};
      el.replaceChildren();
      const box = document.createElement("div");
      box.className = "nbapp-page-link";
      const link = document.createElement("a");
      link.href = props.href;
      if (props.disabled) link.className = "nbapp-disabled";
      if (props.help) link.title = props.help;
      const icon = props.icon && !props.icon.startsWith(":material/") ? props.icon : "";
      link.textContent = icon && props.icon_position !== "right" ? icon + " " + props.label
        : props.label + (icon ? " " + icon : "");
      if (props.external) {
        link.target = "_blank";
        link.rel = "noopener";
      } else {
        link.addEventListener("click", function (event) {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          clicks += 1;
          model.set("value", props.url_path + "#" + clicks);  // a new value each click, even to the same page
          model.save_changes();
        });
      }
      box.append(link);
      el.append(box);
    }
    draw();
    model.on("change:props", draw);
    return function () { model.off("change:props", draw); };
  },
};
