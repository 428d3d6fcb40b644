"""A widget that redraws itself from shared files every few seconds, in a daemon thread, until closed."""

from __future__ import annotations

import threading
from collections.abc import Callable


def poll(refresh: Callable[[], None], stop: threading.Event, every: float, still_mine: Callable[[], bool]) -> None:
    """Start calling `refresh` every `every` seconds until `stop` is set or `still_mine()` turns false (a newer
    view of the same session took over)."""

    def loop() -> None:
        while not stop.wait(every) and still_mine():
            try:
                refresh()
            except Exception:  # a poll that fails (a file being moved) tries again next time
                continue

    threading.Thread(target=loop, daemon=True).start()
