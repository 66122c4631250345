/**
 * nbapp in JupyterLab: a notebook's apps beside it, live on save, and %%app cells that pop out.
 *
 * - "Open as app" shows the notebook as `nbapp run` shows it (the server extension
 *   nbapp.serve.labext serves that page at /nbapp/render/PATH) in a panel split right;
 *   "Open as app in new tab" opens the same page in a browser tab.
 * - The panel's "Render on save" (on by default): the page's kernel reruns an app whose
 *   cell was saved with a new body, keeping widget values; a save that changes anything
 *   else the page shows (cells added or removed, other code, markdown) reloads the page.
 * - Each %%app cell gets a marker in its prompt area and a "pop out" button that opens
 *   the cell's output (the live app, same kernel, same widgets) in its own panel.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette, MainAreaWidget, IFrame, ToolbarButton } from '@jupyterlab/apputils';
import { Cell, CodeCell } from '@jupyterlab/cells';
import { PageConfig, URLExt } from '@jupyterlab/coreutils';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { KernelAPI } from '@jupyterlab/services';
import { launchIcon, refreshIcon } from '@jupyterlab/ui-components';
import { Widget } from '@lumino/widgets';

namespace CommandIDs {
  export const openApp = 'nbapp:open-app';
  export const openAppTab = 'nbapp:open-app-tab';
  export const popOut = 'nbapp:pop-out';
}

const APP_LINE = /^\s*%%app(\s|$)/;
const PYTHON = 'text/x-ipython';

/** True for a code cell whose first line is `%%app` (with or without a name). */
function isAppCell(cell: Cell): boolean {
  return cell.model.type === 'code' && APP_LINE.test(cell.model.sharedModel.getSource());
}

/** The URL of the app page of the notebook at `path` (relative to the server root). */
function appUrl(path: string, watch: boolean): string {
  const url = URLExt.join(PageConfig.getBaseUrl(), 'nbapp/render', URLExt.encodeParts(path));
  return watch ? url : `${url}?watch=0`;
}

/**
 * What a save must reload the page for: the code and markdown the page shows or runs,
 * with the body of each app cell left out (the page's kernel reruns those in place).
 */
function pageShape(panel: NotebookPanel): string {
  return JSON.stringify(
    panel.content.widgets.map(cell => {
      if (isAppCell(cell)) {
        return 'app';
      }
      return cell.model.type === 'raw' ? '' : `${cell.model.type}:${cell.model.sharedModel.getSource()}`;
    })
  );
}

/** The notebook shown as an app, in an iframe, with a "Render on save" toggle. */
class AppPanel extends MainAreaWidget<IFrame> {
  constructor(readonly notebook: NotebookPanel) {
    const frame = new IFrame({
      sandbox: ['allow-scripts', 'allow-same-origin', 'allow-forms', 'allow-popups', 'allow-downloads', 'allow-modals']
    });
    super({ content: frame });
    this.addClass('nbapp-app-panel');
    this.id = `nbapp-app-${notebook.id}`;
    this.title.closable = true;
    this._toggle = Private.checkbox('Render on save', true, () => this.load());
    this.toolbar.addItem('render-on-save', this._toggle.widget);
    this.toolbar.addItem(
      'reload',
      new ToolbarButton({ icon: refreshIcon, tooltip: 'Run the app again (a fresh session)', onClick: () => this.load() })
    );
    this.toolbar.addItem(
      'new-tab',
      new ToolbarButton({
        icon: launchIcon,
        tooltip: 'Open as app in new tab',
        onClick: () => window.open(appUrl(this.notebook.context.path, true), '_blank')
      })
    );
    notebook.context.saveState.connect(this._onSaveState, this);
    notebook.context.pathChanged.connect(() => this.load(), this);
    notebook.disposed.connect(() => this.dispose());
    this.load();
  }

  /** Whether a save updates the page. */
  get renderOnSave(): boolean {
    return this._toggle.input.checked;
  }

  /** (Re)load the page in a fresh session; the previous page's kernel is shut down. */
  load(): void {
    this._shutDownPageKernel();
    this.title.label = `App: ${this.notebook.context.localPath.split('/').pop()}`;
    this._shape = pageShape(this.notebook);
    this.content.url = appUrl(this.notebook.context.path, this.renderOnSave);
  }

  dispose(): void {
    if (!this.isDisposed) {
      this._shutDownPageKernel();
    }
    super.dispose();
  }

  private _onSaveState(_: unknown, state: string): void {
    if (state !== 'completed' || !this.renderOnSave) {
      return;
    }
    // App bodies alone changed: the page's kernel reruns them in place (widget values kept).
    if (pageShape(this.notebook) !== this._shape) {
      this.load();
    }
  }

  /** Voilà's page shuts its kernel down on unload with a beacon; do it here too, as the beacon can be lost. */
  private _shutDownPageKernel(): void {
    const kernelId = Private.pageKernelId(this.content);
    if (kernelId) {
      KernelAPI.shutdownKernel(kernelId).catch(() => undefined); // gone already: nothing to do
    }
  }

  private _toggle: { widget: Widget; input: HTMLInputElement };
  private _shape = '';
}

/** One %%app cell's output (the live app, same kernel and widgets) in its own panel. */
function popOut(app: JupyterFrontEnd, panel: NotebookPanel, cell: CodeCell): MainAreaWidget {
  const content = cell.cloneOutputArea();
  const widget = new MainAreaWidget({ content });
  widget.id = `nbapp-popout-${cell.model.id}`;
  widget.addClass('nbapp-popout');
  const index = panel.content.widgets.indexOf(cell);
  widget.title.label = `App: ${panel.context.localPath.split('/').pop()} [${index + 1}]`;
  widget.title.closable = true;
  cell.disposed.connect(() => widget.dispose());
  panel.disposed.connect(() => widget.dispose());
  app.shell.add(widget, 'main', { mode: 'split-right', ref: panel.id });
  return widget;
}

/** Marks %%app cells (prompt-area marker, pop-out button, Python editor) in one notebook. */
class CellDecorator {
  constructor(private panel: NotebookPanel, private onPopOut: (cell: CodeCell) => void) {
    panel.content.modelContentChanged.connect(this.schedule, this);
    panel.content.activeCellChanged.connect(this.schedule, this);
    void panel.revealed.then(() => this.schedule());
  }

  schedule(): void {
    if (!this._queued) {
      this._queued = true;
      requestAnimationFrame(() => {
        this._queued = false;
        if (!this.panel.isDisposed) {
          this.panel.content.widgets.forEach(cell => this.decorate(cell));
        }
      });
    }
  }

  decorate(cell: Cell): void {
    const app = isAppCell(cell);
    cell.toggleClass('nbapp-app-cell', app);
    const area = cell.inputArea?.node;
    const marker = area?.querySelector(':scope > .nbapp-cell-marker');
    if (app && !area && !this._waiting.has(cell)) {
      // Not drawn yet (JupyterLab draws cells lazily): decorate it once it is.
      this._waiting.add(cell);
      void cell.ready.then(() => {
        this._waiting.delete(cell);
        this.schedule();
      });
    }
    if (!app || !area) {
      marker?.remove();
      return;
    }
    if (cell.model.mimeType !== PYTHON) {
      cell.model.mimeType = PYTHON; // the body is a Python script, whatever the magic line says
    }
    if (!marker) {
      area.appendChild(this._marker(cell as CodeCell));
    }
  }

  private _marker(cell: CodeCell): HTMLElement {
    const marker = document.createElement('div');
    marker.className = 'nbapp-cell-marker';
    const badge = document.createElement('span');
    badge.className = 'nbapp-cell-badge';
    badge.textContent = 'app';
    badge.title = 'An nbapp app: this cell reruns top to bottom on every widget change';
    const button = document.createElement('button');
    button.className = 'nbapp-popout-button';
    button.title = 'Pop out this app';
    button.setAttribute('aria-label', 'Pop out this app');
    button.appendChild(launchIcon.element({ tag: 'span' }));
    button.addEventListener('click', event => {
      event.stopPropagation();
      this.onPopOut(cell);
    });
    marker.append(badge, button);
    return marker;
  }

  private _queued = false;
  private _waiting = new WeakSet<Cell>();
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'nbapp-labextension:plugin',
  description: 'Open a notebook as an nbapp app beside it, rerun it on save, pop out %%app cells.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ICommandPalette],
  activate: (app: JupyterFrontEnd, tracker: INotebookTracker, palette: ICommandPalette | null) => {
    const panels = new Map<string, AppPanel>();
    const current = (): NotebookPanel | null => {
      const widget = app.shell.currentWidget;
      return widget instanceof NotebookPanel ? widget : tracker.currentWidget;
    };

    app.commands.addCommand(CommandIDs.openApp, {
      label: 'Open as app',
      caption: 'Show this notebook as an nbapp app, in a panel on the right',
      isEnabled: () => current() !== null,
      execute: async () => {
        const notebook = current();
        if (!notebook) {
          return;
        }
        await notebook.context.ready;
        let panel = panels.get(notebook.id);
        if (!panel || panel.isDisposed) {
          panel = new AppPanel(notebook);
          panels.set(notebook.id, panel);
          app.shell.add(panel, 'main', { mode: 'split-right', ref: notebook.id });
        }
        app.shell.activateById(panel.id);
      }
    });
    app.commands.addCommand(CommandIDs.openAppTab, {
      label: 'Open as app in new tab',
      isEnabled: () => current() !== null,
      execute: () => {
        const notebook = current();
        if (notebook) {
          window.open(appUrl(notebook.context.path, true), '_blank');
        }
      }
    });
    app.commands.addCommand(CommandIDs.popOut, {
      label: 'Pop out app',
      caption: "Open the active %%app cell's app in its own panel",
      isEnabled: () => {
        const cell = current()?.content.activeCell;
        return !!cell && isAppCell(cell);
      },
      execute: () => {
        const notebook = current();
        const cell = notebook?.content.activeCell;
        if (notebook && cell && isAppCell(cell)) {
          popOut(app, notebook, cell as CodeCell);
        }
      }
    });
    if (palette) {
      for (const command of [CommandIDs.openApp, CommandIDs.openAppTab, CommandIDs.popOut]) {
        palette.addItem({ command, category: 'nbapp' });
      }
    }

    app.docRegistry.addWidgetExtension('Notebook', {
      createNew: (panel: NotebookPanel) => {
        const button = new ToolbarButton({
          icon: launchIcon,
          label: 'App',
          tooltip: 'Open as app',
          className: 'nbapp-open-app-button',
          onClick: () => {
            app.shell.activateById(panel.id);
            void app.commands.execute(CommandIDs.openApp);
          }
        });
        panel.toolbar.insertAfter('cellType', 'nbapp-open-app', button);
        return button;
      }
    });
    tracker.widgetAdded.connect((_, panel) => {
      new CellDecorator(panel, cell => popOut(app, panel, cell));
    });
  }
};

namespace Private {
  /** A labelled checkbox for a toolbar. */
  export function checkbox(label: string, checked: boolean, onChange: () => void): { widget: Widget; input: HTMLInputElement } {
    const node = document.createElement('label');
    node.className = 'nbapp-toolbar-toggle';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = checked;
    input.addEventListener('change', onChange);
    node.append(input, document.createTextNode(` ${label}`));
    return { widget: new Widget({ node }), input };
  }

  /** The id of the kernel behind the page in `frame`, when it has loaded that far. */
  export function pageKernelId(frame: IFrame): string | null {
    const iframe = frame.node.querySelector('iframe');
    try {
      const holder = iframe?.contentDocument?.getElementById('jupyter-config-data');
      return holder ? JSON.parse(holder.textContent || '{}').kernelId || null : null;
    } catch {
      return null; // a page that is not ours (an error page), or not loaded yet
    }
  }
}

export default plugin;
