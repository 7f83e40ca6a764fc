"""Styles the Word writer adds to a template that lacks them, and what it reads of the template's.

The character style of text the drafter must replace or review (a placeholder inside a sentence,
a table cell, or the sample content of an illustrative notes file) is made from the template's
placeholder paragraph style: the same shading and the same italics, so a province that restyles
that paragraph style in its own template sees its runs restyled alike. A template that already
has the character style (restyled in Word) keeps it as it is.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn


def inherited(style: Any, get: Any) -> Any:
    """The first value `get` finds on `style` or on the styles it is based on (None: none has one)."""
    seen = 0
    while style is not None and seen < 32:  # a template may loop its base styles
        found = get(style)
        if found is not None:
            return found
        style, seen = style.base_style, seen + 1
    return None


def is_italic(style: Any) -> bool:
    """Whether text in `style` is italic. Italic is a toggle in Word: a character style that sets it
    inside an italic paragraph style gives upright text, so such runs say italic directly."""
    return bool(inherited(style, lambda s: s.font.italic))


def _shading(style: Any) -> Any:
    def get(s: Any) -> Any:
        p_pr = s.element.pPr
        return None if p_pr is None else p_pr.find(qn("w:shd"))
    return inherited(style, get)


def run_style_like(word: Any, paragraph_style: Any, style_id: str, name: str) -> Any:
    """The character style `name` of `word`, added (as `style_id`) with the look of
    `paragraph_style` when the template has none."""
    styles = word.styles
    for s in styles:
        if s.type == WD_STYLE_TYPE.CHARACTER and s.name == name:
            return s
    style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.style_id = style_id
    style.base_style = styles.default(WD_STYLE_TYPE.CHARACTER)  # "Default Paragraph Font", or None
    style.priority = 22
    style.quick_style = True
    if is_italic(paragraph_style):
        style.font.italic = True
    shd = _shading(paragraph_style)
    if shd is not None:  # after the italics: the last of a style's run properties in the schema's order
        style.element.get_or_add_rPr().append(copy.deepcopy(shd))
    return style
