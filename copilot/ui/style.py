"""The app's look: one small stylesheet, scoped to `.cx-app`, that works in JupyterLab and in Voila.

Colours come from JupyterLab's theme variables (with fall-backs), so the app follows a dark theme too.
Widgets stay usable without it: this only adds spacing, cards and calmer colours.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

CSS = """
.cx-app { font-size: var(--jp-content-font-size1, 14px); color: var(--jp-content-font-color1, #1f2328);
  gap: 4px; padding: 4px 2px 12px 2px; }
.cx-app .widget-html-content { line-height: 1.45; }
.cx-app .cx-header { border-bottom: 1px solid var(--jp-border-color2, #d0d7de); padding-bottom: 8px; }
.cx-app .cx-brand { font-size: 12px; letter-spacing: .06em; text-transform: uppercase;
  color: var(--jp-ui-font-color2, #57606a); }
.cx-app .cx-title { font-size: 22px; font-weight: 600; margin: 2px 0 0 0; line-height: 1.25; }
.cx-app .cx-muted { color: var(--jp-ui-font-color2, #57606a); font-size: 12.5px; }
.cx-app .cx-badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
  background: var(--jp-layout-color2, #eef1f4); color: var(--jp-ui-font-color1, #1f2328); }
.cx-app .cx-step { border: 1px solid var(--jp-border-color2, #d0d7de); border-radius: 8px;
  padding: 12px 16px 14px 16px; margin: 10px 0 2px 0; background: var(--jp-layout-color1, #fff); gap: 8px; }
.cx-app .cx-step-head { display: flex; align-items: baseline; gap: 10px; }
.cx-app .cx-step-number { flex: none; width: 26px; height: 26px; border-radius: 50%; text-align: center;
  line-height: 26px; font-weight: 600; color: #fff; background: var(--jp-brand-color1, #1976d2); }
.cx-app .cx-step-title { font-size: 16px; font-weight: 600; margin: 0; }
.cx-app .cx-step-hint { margin: 2px 0 0 36px; }
.cx-app .cx-toolbar { gap: 6px; align-items: center; flex-wrap: wrap; }
.cx-app .cx-toolbar .cx-push { margin-left: auto; }
.cx-app .jupyter-button { border-radius: 4px; }
.cx-app .jupyter-button:disabled { opacity: .45; }
.cx-app .cx-note { padding: 6px 10px; border-radius: 6px; margin: 2px 0; display: block; }
.cx-app .cx-toolbar .cx-note { padding: 3px 10px; margin: 0; }
.cx-app .cx-note.cx-ok { background: var(--jp-success-color3, #e6f4ea); }
.cx-app .cx-note.cx-busy { background: var(--jp-info-color3, #e3f2fd); }
.cx-app .cx-note.cx-locked { background: var(--jp-layout-color2, #eef1f4); }
.cx-app .cx-note.cx-warn { background: var(--jp-warn-color3, #fff4e5); }
.cx-app .cx-note ul { margin: 4px 0 0 0; padding-left: 20px; }
.cx-app .cx-empty { border: 1px dashed var(--jp-border-color1, #bbb); border-radius: 8px; padding: 14px;
  color: var(--jp-ui-font-color2, #57606a); text-align: center; }
.cx-app .cx-theme-card { border: 1px solid var(--jp-border-color2, #d0d7de); border-left: 4px solid
  var(--jp-brand-color1, #1976d2); border-radius: 6px; padding: 10px 12px; margin: 8px 0 0 0;
  background: var(--jp-layout-color0, #fff); gap: 6px; }
.cx-app .cx-theme-card.cx-sub-theme { border-left-width: 3px; }
.cx-app .cx-theme-card.cx-assumption { border-left: 4px dashed var(--jp-warn-color1, #f57c00); }
.cx-app .cx-theme-card.cx-readonly { border-left-color: var(--jp-success-color1, #388e3c); }
.cx-app .cx-theme-card.cx-readonly input:disabled, .cx-app .cx-theme-card.cx-readonly textarea:disabled { opacity: 1;
  color: var(--jp-content-font-color1, #1f2328); background: var(--jp-layout-color2, #f3f5f7); }
.cx-app .cx-theme-card .widget-label { color: var(--jp-ui-font-color2, #57606a); }
.cx-app .cx-theme-label input { font-size: 15px; font-weight: 600; }
.cx-app .cx-theme-card textarea { font-family: inherit; font-size: 13.5px; line-height: 1.4; resize: vertical; }
.cx-app .cx-theme-foot { align-items: center; gap: 12px; }
.cx-app .cx-theme-foot .cx-push { margin-left: auto; }
.cx-app .cx-remove { background: transparent; color: var(--jp-ui-font-color2, #57606a); }
.cx-app .cx-remove:hover:enabled { color: var(--jp-error-color1, #d32f2f); background: var(--jp-layout-color2, #eee); }
.cx-app .cx-evidence .jupyter-widget-Collapse-header { background: transparent; border: 0; padding: 4px 0;
  color: var(--jp-brand-color1, #1976d2); font-weight: 500; }
.cx-app .cx-evidence .jupyter-widget-Collapse-contents { border: 0; padding: 0 0 0 18px; }
.cx-app .cx-quote { border-left: 3px solid var(--jp-border-color1, #c8ccd0); margin: 6px 0; padding: 2px 10px;
  font-style: italic; }
.cx-app .cx-quote small { display: block; font-style: normal; color: var(--jp-ui-font-color2, #57606a); }
.cx-app .cx-questions { margin: 8px 0 0 0; }
.cx-app .cx-questions ul { margin: 4px 0 0 0; padding-left: 20px; }
.cx-app .cx-download { display: inline-block; padding: 4px 12px; border-radius: 4px; margin-top: 6px;
  border: 1px solid var(--jp-brand-color1, #1976d2); color: var(--jp-brand-color1, #1976d2); text-decoration: none; }
.cx-app .cx-download:hover { background: var(--jp-brand-color1, #1976d2); color: #fff; }
.cx-app code.cx-path { font-size: 12px; word-break: break-all; }
.cx-app .widget-label { white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.25;
  height: auto; min-height: var(--jp-widgets-inline-height, 28px); display: flex; align-items: center;
  justify-content: flex-start; text-align: left; }
.cx-app .widget-inline-hbox { height: auto; min-height: var(--jp-widgets-inline-height, 28px); }
.cx-app .cx-stacked { flex-direction: column; align-items: stretch; }
.cx-app .cx-stacked .widget-label { width: auto !important; max-width: none; font-weight: 600; text-align: left;
  justify-content: flex-start; margin-bottom: 4px; }
.cx-app .cx-stacked textarea { font-family: var(--jp-code-font-family, monospace); font-size: 12px; }
.cx-app .cx-pasting { gap: 8px; border-left: 3px solid var(--jp-brand-color1, #1976d2); padding: 4px 0 4px 12px; }
.cx-app .widget-html.cx-status:not(.cx-note) { min-height: 0; }
.cx-app .cx-field-choice select { flex: 0 1 auto; max-width: 100%; }
.cx-app .cx-scale-ends { color: var(--jp-ui-font-color2, #57606a); font-size: 12px; margin-left: 4px; }
.cx-app .cx-group { border-left: 2px solid var(--jp-border-color2, #d0d7de); padding-left: 8px; margin: 4px 0; }
.cx-app .cx-list-title { margin: 10px 0 0 0; }
.cx-app .cx-intro { max-width: 760px; margin: 4px 0 2px 0; }
.cx-app .cx-agenda td { padding: 1px 12px 1px 0; }
.cx-app .cx-agenda .cx-agenda-minutes { text-align: right; }
.cx-app textarea::placeholder, .cx-app input::placeholder { color: var(--jp-ui-font-color3, #8c959f);
  font-style: italic; }
.cx-error-box { border-left: 4px solid var(--jp-error-color1, #d32f2f); background: var(--jp-error-color3, #fdecea);
  border-radius: 4px; padding: 8px 12px; margin: 4px 0; }
.cx-error-box .jupyter-widget-Collapse-header { background: transparent; border: 0; padding: 4px 0; }
.cx-error-box .jupyter-widget-Collapse-contents { border: 0; padding: 0; }
.cx-error-box textarea { font-size: 11.5px; }
"""


def stylesheet() -> w.HTML:
    """Put this once in an app (a VBox with the class `cx-app`) to give it the copilot's look."""
    return w.HTML(f"<style>{CSS}</style>", layout=w.Layout(display="none"))


def step_heading(number: int | str, title: str, hint: str = "", tag: str = "") -> w.HTML:
    """A numbered step title (with an optional tag such as the step id) and a line on what to do in it."""
    hint_html = f"<div class='cx-step-hint cx-muted'>{escape(hint)}</div>" if hint else ""
    tag_html = f" <span class='cx-badge'>{escape(tag)}</span>" if tag else ""
    number_html = f"<span class='cx-step-number'>{escape(str(number))}</span>" if str(number) else ""
    return w.HTML(
        f"<div class='cx-step-head'>{number_html}"
        f"<span class='cx-step-title'>{escape(title)}</span>{tag_html}</div>{hint_html}",
        layout=w.Layout(width="100%"),
    )


STATUS_KINDS = ("ok", "busy", "locked", "warn")
ICONS = {"ok": "check", "busy": "hourglass-half", "locked": "lock", "warn": "exclamation-triangle"}


def show_status(widget: w.HTML, kind: str | None, html: str, icon: bool = True) -> None:
    """Show a status line as a calm coloured note (kind: ok, busy, locked or warn; None for plain text)."""
    for old in ("cx-note", *(f"cx-{k}" for k in STATUS_KINDS)):
        widget.remove_class(old)
    if kind and html:
        widget.add_class("cx-note")
        widget.add_class(f"cx-{kind}")
    prefix = f"<i class='fa fa-{ICONS[kind]}'></i> " if kind and icon and html else ""
    widget.value = prefix + html
