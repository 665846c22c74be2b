"""Check the HTML docs of `dist/` the way a reader sees them: offline, in headless Chromium.

    python -m scripts.dist_browser [dist/docs/index.html]

Two checks, used by `tests/test_dist.py`:

- `external_assets(html)` reads the page's markup and lists every script, stylesheet, font
  or module import it would fetch from another host (none is allowed: the page must render
  offline);
- `render(page)` opens the page in Debian's `chromium` with every host name made
  unresolvable, expands the side menu, opens each operation from it, and reports which
  operation summaries showed up as visible headings, every request the page attempted (of
  any type: document, script, style, font, image, media, fetch, websocket..., from the page,
  its frames and its workers), and a screenshot. `network_requests()` keeps those that
  would leave the machine: any URL that is not `file:`, `data:`, `blob:` or `about:`.

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`), so no
port is opened and no client library is needed.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    # Every host name fails to resolve: what renders, renders offline.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
# URL schemes a page can load from without the network.
LOCAL_SCHEMES = ("file", "data", "blob", "about")
_REMOTE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_MODULE_IMPORT = re.compile(
    r"""(?:\bimport\s*(?:[\w*{}\s,]+from\s*)?|\bimport\s*\()\s*["']((?:https?:)?//[^"']+)["']"""
)
_CSS_REMOTE = re.compile(r"""(?:@import\s+(?:url\()?|url\()\s*["']?((?:https?:)?//[^"')\s]+)""")


# Attributes whose URL the browser fetches by itself (`<a href>` waits for a click).
_FETCHED_ATTRIBUTES = ("src", "srcset", "poster", "data", "background")
# `<link rel>` values that make the browser fetch, or connect to, the `href`.
_LINKS_THAT_LOAD = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "prerender",
    "preconnect",
    "dns-prefetch",
    "icon",
    "apple-touch-icon",
    "manifest",
    "import",
}


class _AssetParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None
        self._script_type = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in _FETCHED_ATTRIBUTES:
            urls = [u.split()[0] for u in values.get(name, "").split(",") if u.strip()]
            if name != "srcset":
                urls = [values.get(name, "")]
            self.found += [f"<{tag} {name}={url}>" for url in urls if _REMOTE.match(url)]
        if tag == "script":
            self._in, self._script_type = "script", values.get("type", "")
        elif tag == "link":
            rel = values.get("rel", "").lower().split()
            if _LINKS_THAT_LOAD & set(rel) and _REMOTE.match(values.get("href", "")):
                self.found.append(f"<link rel={' '.join(rel)} href={values['href']}>")
        elif tag == "style":
            self._in = "style"
        self.found += [
            f"<{tag} style=... {url}>" for url in _CSS_REMOTE.findall(values.get("style", ""))
        ]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script" and self._script_type == "module":
            self.found += [f"import {url}" for url in _MODULE_IMPORT.findall(data)]
        if self._in == "style":
            self.found += [f"css {url}" for url in _CSS_REMOTE.findall(data)]


def external_assets(html: str) -> list[str]:
    """What the page's markup would load from another host: scripts, stylesheets, fonts,
    images, media, frames, module imports, preconnections."""
    parser = _AssetParser()
    parser.feed(html)
    parser.close()
    return parser.found


class DevTools:
    """A headless Chromium and one DevTools protocol connection to it, over a pipe."""

    def __init__(self, binary: str | None = None, *, width: int = 1400, height: int = 1000) -> None:
        binary = binary or shutil.which("chromium") or shutil.which("chromium-browser")
        if not binary:
            raise RuntimeError("chromium is not installed (Debian: apt-get install chromium)")
        self._profile = tempfile.TemporaryDirectory(prefix="chromium-profile-")
        to_child_read, self._to_child = os.pipe()
        self._from_child, from_child_write = os.pipe()
        # Chromium reads commands on fd 3 and answers on fd 4: move both ends out of the
        # way first, then put them in place in the child.
        child_read = fcntl.fcntl(to_child_read, fcntl.F_DUPFD_CLOEXEC, 10)
        child_write = fcntl.fcntl(from_child_write, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_child_read)
        os.close(from_child_write)

        def wire_pipes() -> None:
            os.dup2(child_read, 3)
            os.dup2(child_write, 4)

        self.process = subprocess.Popen(
            [
                binary,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={self._profile.name}",
                f"--window-size={width},{height}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            pass_fds=(3, 4),
            preexec_fn=wire_pipes,  # the only way to put the pipes at fds 3 and 4
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(child_read)
        os.close(child_write)
        self._buffer = b""
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        # Called with each event as it arrives (it may send commands itself).
        self.on_event: Callable[[dict[str, Any]], None] | None = None

    def __enter__(self) -> DevTools:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer; events read meanwhile are kept."""
        self._next_id += 1
        command_id = self._next_id
        message: dict[str, Any] = {"id": command_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while command_id not in self._replies:
            received = self._read()
            if "id" in received:
                self._replies[int(received["id"])] = received
                continue
            self.events.append(received)
            if self.on_event is not None:
                self.on_event(received)
        reply = self._replies.pop(command_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_child, self._from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()


@dataclass
class Rendering:
    """What a reader saw of the page."""

    visible_headings: list[str]
    menu_items: list[str]
    requests: list[tuple[str, str]]  # (resource type, URL) of every request the page made
    screenshot: bytes
    errors: list[str] = field(default_factory=list)  # uncaught exceptions in the page
    refused: list[str] = field(default_factory=list)  # what the page's security policy blocked

    def network_requests(self) -> list[tuple[str, str]]:
        """The requests that would have left the machine, whatever their type."""
        return [(kind, url) for kind, url in self.requests if not is_local(url)]


def is_local(url: str) -> bool:
    """Whether loading `url` needs no network (a file, inline data, a blob, a blank page)."""
    scheme, separator, _ = url.partition(":")
    return bool(separator) and scheme.lower() in LOCAL_SCHEMES


class RequestRecorder:
    """Records every request a page attempts, in the page, its frames and its workers.

    Child targets (dedicated workers, out-of-process frames) are attached paused, get the
    Network domain, and only then run, so their first request is seen too.
    """

    def __init__(self, chrome: DevTools) -> None:
        self.chrome = chrome
        self.requests: list[tuple[str, str]] = []
        self.refused: list[str] = []  # what the page's security policy blocked
        chrome.on_event = self._event

    def watch(self, session: str) -> None:
        self.chrome.send("Network.enable", session)
        self.chrome.send("Log.enable", session)
        self.chrome.send(
            "Target.setAutoAttach",
            session,
            autoAttach=True,
            waitForDebuggerOnStart=True,
            flatten=True,
        )

    def _event(self, event: dict[str, Any]) -> None:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append((str(params.get("type", "")), str(params["request"]["url"])))
        elif method == "Log.entryAdded" and params["entry"].get("source") == "security":
            self.refused.append(str(params["entry"].get("text", "")))
        elif method == "Network.webSocketCreated":
            self.requests.append(("WebSocket", str(params["url"])))
        elif method == "Target.attachedToTarget":
            child = str(params["sessionId"])
            self.watch(child)
            self.chrome.send("Runtime.runIfWaitingForDebugger", child)


# Runs in the page: expand every collapsed menu group, then list the menu's labels.
_EXPAND_MENU = """
(async () => {
  const labels = () => [...document.querySelectorAll('[data-testid=menu-item-label]')];
  for (let round = 0; round < 5; round++) {
    const closed = labels().filter(e => e.querySelector('svg') && !e.dataset.expanded);
    if (!closed.length) break;
    for (const label of closed) { label.dataset.expanded = '1'; label.click(); }
    await new Promise(r => setTimeout(r, 200));
  }
  return labels().map(e => e.innerText.trim());
})()
"""
# Runs in the page: click the menu item whose label is SUMMARY (first opening its group,
# TAG, when the menu has folded it), then wait until a visible heading carries that text.
_OPEN_OPERATION = """
(async (tag, summary) => {
  const labels = () => [...document.querySelectorAll('[data-testid=menu-item-label]')];
  const named = (text) => labels().find(e => e.innerText.trim().split('\\n')[0].trim() === text);
  let item = named(summary);
  if (!item && named(tag)) {
    named(tag).click();
    await new Promise(r => setTimeout(r, 300));
    item = named(summary);
  }
  if (!item) return 'no menu item';
  item.click();
  for (let i = 0; i < 100; i++) {
    const heading = [...document.querySelectorAll('h1, h2, h3')]
      .find(h => h.innerText.trim() === summary && h.checkVisibility());
    if (heading) { heading.scrollIntoView(); return 'visible'; }
    await new Promise(r => setTimeout(r, 100));
  }
  return 'not visible';
})
"""


def render(
    page: Path, operations: list[tuple[str, str]], *, settle_seconds: float = 1.0
) -> Rendering:
    """Open `page`, open each operation from the menu, and record what became visible.

    `operations` are (tag, summary) pairs: the menu groups operations by their first tag.
    """
    with DevTools() as chrome:
        session, recorder = _open_page(chrome, page)
        _wait_for(chrome, session, "!!document.querySelector('[data-testid=menu-item-label]')", 30)
        time.sleep(settle_seconds)

        menu = _evaluate(chrome, session, _EXPAND_MENU)
        visible = []
        for tag, summary in operations:
            if _open(chrome, session, tag, summary) == "visible":
                visible.append(summary)
        if operations:  # end on the first operation: the screenshot shows a real page
            _open(chrome, session, *operations[0])
            time.sleep(0.5)
        shot = chrome.send("Page.captureScreenshot", session, format="png")
        errors = [
            str(e["params"]["exceptionDetails"].get("text", ""))
            for e in chrome.events
            if e.get("method") == "Runtime.exceptionThrown"
        ]
        return Rendering(
            visible_headings=visible,
            menu_items=[str(m) for m in menu or []],
            requests=list(recorder.requests),
            screenshot=base64.b64decode(shot["data"]),
            errors=errors,
            refused=list(recorder.refused),
        )


def requests_of(
    page: Path,
    *,
    settle_seconds: float = 1.0,
    until: Callable[[list[tuple[str, str]]], bool] | None = None,
    timeout: float = 60.0,
) -> list[tuple[str, str]]:
    """Every request `page` attempts while it loads and for `settle_seconds` after; with
    `until`, for as long as it takes the requests to satisfy it (at most `timeout` seconds),
    so that a check of what a page must request does not depend on the machine's speed."""
    with DevTools() as chrome:
        _, recorder = _open_page(chrome, page)
        if until is None:
            time.sleep(settle_seconds)
            chrome.send("Target.getTargets")  # reads the events that arrived meanwhile
            return list(recorder.requests)
        deadline = time.monotonic() + timeout
        while True:
            chrome.send("Target.getTargets")
            seen = list(recorder.requests)
            if until(seen) or time.monotonic() > deadline:
                return seen
            time.sleep(0.1)


def _open_page(chrome: DevTools, page: Path) -> tuple[str, RequestRecorder]:
    """A new tab recording its requests, navigated to `page` and loaded."""
    target = chrome.send("Target.createTarget", url="about:blank")["targetId"]
    session = chrome.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    recorder = RequestRecorder(chrome)
    recorder.watch(session)
    for domain in ("Page", "Runtime"):
        chrome.send(f"{domain}.enable", session)
    chrome.send("Page.navigate", session, url=page.resolve().as_uri())
    _wait_for(chrome, session, "document.readyState === 'complete'", 30)
    return session, recorder


def _open(chrome: DevTools, session: str, tag: str, summary: str) -> Any:
    arguments = f"{json.dumps(tag)}, {json.dumps(summary)}"
    return _evaluate(chrome, session, f"{_OPEN_OPERATION}({arguments})")


def _evaluate(chrome: DevTools, session: str, expression: str) -> Any:
    result = chrome.send(
        "Runtime.evaluate", session, expression=expression, awaitPromise=True, returnByValue=True
    )
    if "exceptionDetails" in result:
        raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
    return result.get("result", {}).get("value")


def _wait_for(chrome: DevTools, session: str, condition: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _evaluate(chrome, session, condition):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the page never satisfied {condition!r}")
        time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    from scripts.spec_tools import iter_operations, load_spec

    args = argv if argv is not None else sys.argv[1:]
    page = Path(args[0] if args else "dist/docs/index.html")
    operations = [
        (str((op.operation.get("tags") or [""])[0]), str(op.operation.get("summary")))
        for op in iter_operations(load_spec())
    ]
    summaries = [summary for _, summary in operations]
    outside = external_assets(page.read_text(encoding="utf-8"))
    seen = render(page, operations)
    page.with_name("screenshot.png").write_bytes(seen.screenshot)
    missing = [s for s in summaries if s not in seen.visible_headings]
    network = [f"requested {kind} {url}" for kind, url in seen.network_requests()]
    print(f"{len(seen.visible_headings)}/{len(summaries)} operations visible")
    print(f"{len(seen.requests)} requests, {len(network)} to the network")
    for problem in [*outside, *network, *(f"missing: {s}" for s in missing)]:
        print(problem, file=sys.stderr)
    return 1 if outside or missing or network else 0


if __name__ == "__main__":
    sys.exit(main())
