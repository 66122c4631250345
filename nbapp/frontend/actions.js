// nbapp's HTML elements with behaviour: the element's HTML (the "value" trait) is drawn into
// the view, and clicks on an element carrying data-nbapp-action run that action here, so
// the HTML itself holds no inline handlers (front ends that sanitize widget HTML or enforce
// a content security policy would drop them).

function copy(button) {
  const pre = button.closest(".nbapp-codeblock").querySelector("pre");
  navigator.clipboard?.writeText(pre.innerText);
  button.classList.add("nbapp-copied");
  setTimeout(() => button.classList.remove("nbapp-copied"), 1200);
}

function sortKey(row, index) {
  const cell = row.cells[index];
  return cell.dataset.v === undefined ? cell.textContent : cell.dataset.v;
}

// Click a header to sort by its column, again to reverse; empty cells stay last.
function sort(target) {
  const th = target.closest("th");
  const table = th?.closest("table");
  if (!th || !table || !table.tHead.contains(th)) return;
  const body = table.tBodies[0];
  const index = th.cellIndex;
  const direction = th.dataset.sort === "asc" ? -1 : 1;
  for (const header of th.parentNode.cells) delete header.dataset.sort;
  th.dataset.sort = direction > 0 ? "asc" : "desc";
  const rows = Array.from(body.rows);
  rows.sort((x, y) => {
    const a = sortKey(x, index), b = sortKey(y, index);
    if (a === "") return 1;
    if (b === "") return -1;
    const p = parseFloat(a), q = parseFloat(b);
    return (!isNaN(p) && !isNaN(q) ? p - q : a.localeCompare(b, undefined, { numeric: true })) * direction;
  });
  body.append(...rows);
}

// Flips the sidebar's initial state in the browser alone: no round trip to the kernel.
function toggleSidebar(button) {
  button.closest(".nbapp-layout")?.classList.toggle("nbapp-sb-flip");
}

function dismiss(button) {
  button.closest("[data-nbapp-dismiss]").style.display = "none";
}

const ACTIONS = { copy, sort, "toggle-sidebar": toggleSidebar, dismiss };

export default {
  render({ model, el }) {
    const draw = () => { el.innerHTML = model.get("value"); };
    draw();
    model.on("change:value", draw);
    const onClick = (event) => {
      const target = event.target.closest("[data-nbapp-action]");
      if (target && el.contains(target)) ACTIONS[target.dataset.nbappAction]?.(event.target);
    };
    el.addEventListener("click", onClick);
    return () => {
      model.off("change:value", draw);
      el.removeEventListener("click", onClick);
    };
  },
};
