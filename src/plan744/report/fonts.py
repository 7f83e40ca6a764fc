"""The fonts bundled with plan744 (Liberation Serif, metric-compatible with Times New Roman, full
Vietnamese coverage). A module of its own so that `doctor` and the chart drawer can find
them without importing Jinja or WeasyPrint."""

from __future__ import annotations

from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parents[1] / "fonts"
FONT_FILES = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}
FONT_FAMILY = "Liberation Serif"


def font_path(bold: bool = False, italic: bool = False) -> Path:
    return FONTS_DIR / FONT_FILES[("bold" if bold else "normal", "italic" if italic else "normal")]
