"""A one-click copy button for the text in a Textarea (the prompt to take to another assistant).

The text itself never becomes HTML or script: it stays the value of an ordinary Textarea. The button and
the Textarea share a class; one fixed script, the same for every page and holding no text of ours, listens
for clicks on such buttons and copies the Textarea's value: through the Clipboard API where the page is a
secure context (https, localhost, 127.0.0.1), else by selecting the Textarea and `execCommand('copy')`.
The script is handed to the page once, as a JavaScript output inside an Output widget, which JupyterLab and
Voila both run; the copy happens in the browser during the click itself, so it needs no kernel round trip.
"""

from __future__ import annotations

import uuid

import ipywidgets as w
from IPython.display import Javascript

from copilot.i18n import t

SCRIPT = """
(function () {
  if (window.__cxCopyInstalled) { return; }
  window.__cxCopyInstalled = true;
  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('.cx-copy') : null;
    if (!button) { return; }
    var key = Array.prototype.find.call(button.classList, function (c) { return c.indexOf('cx-copy-for-') === 0; });
    if (!key) { return; }
    var box = document.querySelector('.cx-copy-source-' + key.slice('cx-copy-for-'.length) + ' textarea');
    if (!box) { return; }
    var key_ = key.slice('cx-copy-for-'.length);
    var next = function () {  /* where the person pastes the answer when they come back: ready for Ctrl+V */
      var target = document.querySelector('.cx-copy-then-' + key_ + ' textarea');
      if (target) { target.focus(); }
    };
    var select = function () {
      box.focus();
      box.select();
      try { document.execCommand('copy'); next(); } catch (e) { /* the text stays selected: Ctrl+C works */ }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(next, select);
    } else {
      select();
    }
  }, true);
})();
"""


class CopyButton(w.HBox):
    """`CopyButton(textarea, language, then=answer)`: copies the textarea's value, says so, and puts the cursor
    in `then` (where the answer is pasted), so coming back from the assistant takes only Ctrl+V."""

    def __init__(self, source: w.Textarea, language: str, then: w.Textarea | None = None) -> None:
        super().__init__(layout=w.Layout(align_items="center", width="auto"))
        self.language = language
        key = uuid.uuid4().hex[:12]
        source.add_class("cx-copy-source")
        source.add_class(f"cx-copy-source-{key}")
        if then is not None:
            then.add_class(f"cx-copy-then-{key}")
        self.button = w.Button(
            description=t("ui.paste.copy", language), icon="copy", button_style="primary", layout=w.Layout(width="auto")
        )
        self.button.add_class("cx-copy")
        self.button.add_class(f"cx-copy-for-{key}")
        self.done = w.Label()
        self.done.add_class("cx-muted")
        self.button.on_click(lambda _: self._copied())
        script = w.Output(layout=w.Layout(display="none"))
        script.append_display_data(Javascript(SCRIPT))
        self.children = [self.button, self.done, script]

    def _copied(self) -> None:
        self.done.value = t("ui.paste.copied", self.language)

    def reset(self) -> None:
        self.done.value = ""
