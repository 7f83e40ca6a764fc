"""Print a list of findings: text, JSON, or GitHub Actions annotations.

Every piece of text that came from a file (names, echoed values) is shown with its control
characters escaped (`core.text.for_terminal`): a value cannot clear the screen or print a fake
"không có lỗi". The text is plain (colour codes only for a terminal): no markup, no emoji
codes, nothing in a value is interpreted.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import IO

from plan744.core.findings import Finding, Severity, sorted_findings
from plan744.core.text import for_terminal

SEVERITY_LABEL = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo"}
FORMATS = ("auto", "text", "json", "github")


def resolve_format(fmt: str, environ: dict[str, str]) -> str:
    if fmt == "auto":
        return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


def summary_line(findings: list[Finding], files_checked: int) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    files_with = len({f.file for f in findings})
    if not findings:
        return f"Đã kiểm tra {files_checked} tệp: không có lỗi."
    return (f"Đã kiểm tra {files_checked} tệp: {errors} lỗi, {warnings} cảnh báo"
            f" trong {files_with} tệp.")


def skipped_line(skipped: Sequence[str]) -> str:
    """One line for what was left aside on purpose (hidden folders, editor debris)."""
    shown = ", ".join(for_terminal(s) for s in skipped[:5]) + (f" và {len(skipped) - 5} mục khác" if len(skipped) > 5 else "")
    return f"Bỏ qua {len(skipped)} mục ẩn hoặc tệp tạm của trình soạn thảo: {shown} (chỉ rõ tên nếu cần kiểm tra)."


_STYLES = {"red": "31", "yellow": "33", "green": "32", "dim": "2", "bold": "1"}


def _painter(stream: IO[str]):
    """Colour only for a terminal that wants it (NO_COLOR unset); plain text otherwise. No rich:
    printing a list of findings must not cost its import."""
    import os

    use = stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

    def paint(text: str, style: str) -> str:
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if use else text

    return paint


def print_text(findings: Iterable[Finding], files_checked: int, stream: IO[str] | None = None,
               header: str | None = None, skipped: Sequence[str] = ()) -> None:
    out = stream or sys.stdout
    paint = _painter(out)
    items = sorted_findings(findings)
    lines = []
    if header:
        lines.append(paint(for_terminal(header), "dim"))
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in items:
        by_file[f.file].append(f)
    for file, group in by_file.items():
        lines.append(paint(for_terminal(file) or "(không rõ tệp)", "bold"))
        for f in group:
            where = str(f.place) or "-"  # "12:3", or "Chỉ tiêu!F12" in a workbook
            label = paint(f"{SEVERITY_LABEL[f.severity]:<8}", "red" if f.is_error else "yellow")
            path = f"  ({for_terminal(f.dotted_path)})" if f.path else ""
            lines.append(f"  {for_terminal(where):>7}  {label} {for_terminal(f.message)}{path}  {paint('[' + f.code + ']', 'dim')}")
    if skipped:
        lines.append(paint(skipped_line(skipped), "dim"))
    style = "red" if any(f.is_error for f in items) else ("yellow" if items else "green")
    lines.append(paint(summary_line(items, files_checked), style))
    out.write("\n".join(lines) + "\n")


def to_json(findings: Iterable[Finding], files_checked: int, skipped: Sequence[str] = (), **extra: object) -> str:
    """The findings as JSON (`Finding.as_dict`): each has `code`, `severity`, `file`, `path`,
    `message`, `value` (and `fixes` when there are some), and its place: `line` and `column` in
    a text file (both 0 for a finding about the whole file), or `sheet` and `cell` ("F12") in a
    workbook, never both."""
    items = sorted_findings(findings)
    payload = {
        **extra,
        "files_checked": files_checked,
        "errors": sum(f.is_error for f in items),
        "warnings": sum(not f.is_error for f in items),
        "skipped": list(skipped),
        "findings": [f.as_dict() for f in items],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = for_terminal(text.replace("\n", " ")).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def to_github(findings: Iterable[Finding], files_checked: int, skipped: Sequence[str] = ()) -> str:
    """Workflow commands: each finding becomes an inline annotation on the pull request. A
    workbook's finding is an annotation on the whole file (a sheet row is no line of it) whose
    message starts with the cell ("Chỉ tiêu!F12: …")."""
    lines = []
    items = sorted_findings(findings)
    for f in items:
        kind = "error" if f.is_error else "warning"
        props = [f"file={_gh_escape(f.file, True)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_gh_escape(f.code, True)}")
        message = f"{f.place}: {f.message}" if f.place.in_workbook else f.message
        lines.append(f"::{kind} {','.join(props)}::{_gh_escape(message)}")
    if skipped:
        lines.append(skipped_line(skipped))
    lines.append(summary_line(items, files_checked))
    return "\n".join(lines)


def emit(findings: list[Finding], files_checked: int, fmt: str, header: str | None = None,
         skipped: Sequence[str] = (), **extra: object) -> None:
    if fmt == "json":
        sys.stdout.write(to_json(findings, files_checked, skipped, **extra) + "\n")
    elif fmt == "github":
        # A plain line (not a workflow command) so the log says which plan was used.
        head = for_terminal(header) + "\n" if header else ""
        sys.stdout.write(head + to_github(findings, files_checked, skipped) + "\n")
    else:
        print_text(findings, files_checked, header=header, skipped=skipped)
