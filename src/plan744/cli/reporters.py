"""Print a list of findings: text (rich), JSON, or GitHub Actions annotations."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from typing import IO, Iterable

from plan744.core.findings import Finding, Severity, sorted_findings

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


def print_text(findings: Iterable[Finding], files_checked: int, stream: IO[str] | None = None,
               header: str | None = None) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream or sys.stdout, highlight=False, soft_wrap=True)
    items = sorted_findings(findings)
    if header:
        console.print(escape(header), style="dim")
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in items:
        by_file[f.file].append(f)
    for file, group in by_file.items():
        console.print(f"[bold]{escape(file or '(không rõ tệp)')}[/bold]")
        for f in group:
            where = f"{f.line}:{f.column}" if f.line else "-"
            style = "red" if f.is_error else "yellow"
            path = f"  ({escape(f.dotted_path)})" if f.path else ""
            console.print(
                f"  {where:>7}  [{style}]{SEVERITY_LABEL[f.severity]:<8}[/{style}] "
                f"{escape(f.message)}{path}  [dim]\\[{f.code}][/dim]"
            )
    style = "red" if any(f.is_error for f in items) else ("yellow" if items else "green")
    console.print(f"[{style}]{escape(summary_line(items, files_checked))}[/{style}]")


def to_json(findings: Iterable[Finding], files_checked: int, **extra: object) -> str:
    items = sorted_findings(findings)
    payload = {
        **extra,
        "files_checked": files_checked,
        "errors": sum(f.is_error for f in items),
        "warnings": sum(not f.is_error for f in items),
        "findings": [f.as_dict() for f in items],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def to_github(findings: Iterable[Finding], files_checked: int) -> str:
    """Workflow commands: each finding becomes an inline annotation on the pull request."""
    lines = []
    for f in sorted_findings(findings):
        kind = "error" if f.is_error else "warning"
        props = [f"file={_gh_escape(f.file, True)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_gh_escape(f.code, True)}")
        lines.append(f"::{kind} {','.join(props)}::{_gh_escape(f.message)}")
    lines.append(summary_line(list(findings), files_checked))
    return "\n".join(lines)


def emit(findings: list[Finding], files_checked: int, fmt: str, header: str | None = None,
         **extra: object) -> None:
    if fmt == "json":
        sys.stdout.write(to_json(findings, files_checked, **extra) + "\n")
    elif fmt == "github":
        # A plain line (not a workflow command) so the log says which plan was used.
        sys.stdout.write((header + "\n" if header else "") + to_github(findings, files_checked) + "\n")
    else:
        print_text(findings, files_checked, header=header)
