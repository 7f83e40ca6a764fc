"""What fast, correct PDF output needs on this machine, and how to fix what is missing."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass

from plan744.report.fonts import FONT_FILES, FONTS_DIR

VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậdđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
MIN_PANGO = (1, 44, 0)  # WeasyPrint's minimum


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    essential: bool = True


def _install_hint(package: str) -> str:
    system = platform.system()
    if system == "Darwin":
        return "brew install pango harfbuzz"
    if system == "Windows":
        return "cài MSYS2 rồi chạy: pacman -S mingw-w64-ucrt-x86_64-pango"
    return f"sudo apt-get install {package}  (Debian/Ubuntu)"


def run_checks() -> list[Check]:
    checks = [Check("Python", sys.version_info >= (3, 11), platform.python_version(), "cần Python 3.11 trở lên")]
    try:
        import weasyprint
        from weasyprint.text import ffi
    except Exception as exc:
        checks.append(Check("WeasyPrint", False, f"không nạp được ({exc.__class__.__name__})",
                            _install_hint("libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b")))
    else:
        checks.append(Check("WeasyPrint", True, weasyprint.__version__))
        raw = ffi.pango.pango_version()
        version = (raw // 10000, raw // 100 % 100, raw % 100)
        checks.append(Check("Pango", version >= MIN_PANGO, ".".join(map(str, version)),
                            _install_hint("libpango-1.0-0") + f" (cần ≥ {'.'.join(map(str, MIN_PANGO))})"))
        has_subset = getattr(ffi, "harfbuzz_subset", None) is not None
        checks.append(Check(
            "HarfBuzz subset", has_subset,
            # Measured (bench/run.py): the PDF takes about the same time either way; not essential.
            "có" if has_subset else "không có: WeasyPrint nhúng phông bằng fontTools, thời gian ghi PDF gần như không đổi",
            _install_hint("libharfbuzz-subset0"), essential=False))
    checks.append(_font_check())
    return checks


def _font_check() -> Check:
    missing_files = [n for n in FONT_FILES.values() if not (FONTS_DIR / n).is_file()]
    if missing_files:
        return Check("Phông chữ đi kèm", False, "thiếu " + ", ".join(missing_files), "cài lại plan744")
    try:
        from fontTools.ttLib import TTFont
    except ImportError:  # fontTools comes with WeasyPrint
        return Check("Phông chữ đi kèm", True, f"{len(FONT_FILES)} tệp Liberation Serif")
    letters = set(VIETNAMESE + VIETNAMESE.upper())
    for name in FONT_FILES.values():
        cmap = TTFont(FONTS_DIR / name, lazy=True).getBestCmap()
        gaps = sorted(ch for ch in letters if ord(ch) not in cmap)
        if gaps:
            return Check("Phông chữ đi kèm", False, f"{name} thiếu chữ: {''.join(gaps)}", "cài lại plan744")
    return Check("Phông chữ đi kèm", True, f"Liberation Serif ({len(FONT_FILES)} kiểu), đủ chữ tiếng Việt")
