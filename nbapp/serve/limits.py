"""Two guards for busy servers: enough file descriptors, and no page left open when its render fails.

Every page's kernel costs the server a dozen file descriptors (five zmq sockets with their
mailboxes, ipc files, the HTTP and websocket connections). A normal user's default soft
limit (1024 on Debian) ran out at about 50 concurrent page opens: jupyter_client's socket
creation raised EMFILE inside Voilà's render task, and Voilà 0.5.13 (``voila/handler.py``,
``get_generator``'s ``put_html``) then never finishes the response: the handler waits on a
queue that nothing fills and sends a heartbeat every 10 seconds, so the page loads forever.

* :func:`raise_open_files_limit` lifts the soft limit to the hard one (as many servers do);
* :func:`end_failed_renders` makes a render that raises write an error into the page and end
  it, so the page stops loading and says why, whatever the cause.
"""
from __future__ import annotations

import html
import logging
import resource

import voila.handler
from voila.notebook_renderer import NotebookRenderer

WANTED_OPEN_FILES = 65536  # enough for hundreds of pages; used when the hard limit is unlimited

log = logging.getLogger("nbapp")


def raise_open_files_limit() -> int:
    """Raise this process's soft limit on open files to its hard limit (at most WANTED_OPEN_FILES when unlimited).

    Returns the soft limit now in force; never lowers it, never raises.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = WANTED_OPEN_FILES if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            return wanted
        except (ValueError, OSError):  # a container that forbids it: keep what we have
            pass
    return soft


class EndingRenderer(NotebookRenderer):
    """Voilà's renderer, except that a render which raises ends the page with the error shown."""

    async def generate_content_generator(self, kernel_id=None, kernel_future=None):
        try:
            async for item in super().generate_content_generator(kernel_id, kernel_future):
                yield item
        except Exception as err:  # noqa: BLE001  (anything: the page must end either way)
            log.error("nbapp: a page could not be rendered: %s: %s", type(err).__name__, err, exc_info=True)
            yield failed_page(err), None


def failed_page(err: BaseException) -> str:
    """The HTML that ends a page whose render raised ``err``: nbapp's page alert saying so.

    The alert is streamed where the render stopped (maybe inside the still hidden cells), so a
    script moves it to the page's body and stops the loading indicator.
    """
    return ('<div class="nbapp-page-error nbapp-page-banner" role="alert">'
            '<div class="nbapp-page-error-title">This page could not start its app.</div>'
            f'<div class="nbapp-page-error-body">{html.escape(type(err).__name__)}: {html.escape(str(err))}. '
            "Reload the page; the server's log says more.</div></div>"
            "<script>(function () { const box = document.currentScript.previousElementSibling; "
            'document.body.append(box); document.body.classList.remove("nbapp-loading"); })();</script>\n')


def end_failed_renders() -> None:
    """Make Voilà's page handler render with :class:`EndingRenderer` (it looks the class up in its module)."""
    voila.handler.NotebookRenderer = EndingRenderer
