"""Vietnamese for the parts of the command line that typer (and its bundled click) print.

Typer has no translation catalogue for most of its strings, so we set its help-panel
titles, the help option's text and the usage prefix, and render usage errors ourselves
(`usage_error_message`). Each patch is guarded: a future typer that moves things
degrades to English words, never to a crash; `tests/test_cli_help.py` notices.
"""

from __future__ import annotations

from typing import Any

HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
_TYPE_NAMES = {"<bool>": "", "<str>": "<chữ>", "<int>": "<số>", "<path>": "<đường dẫn>", "<list[str]>": "<…>",
               "<file>": "<tệp>", "<directory>": "<thư mục>"}
_USAGE_WORDS = {"[OPTIONS]": "[TÙY CHỌN]", "COMMAND [ARGS]...": "LỆNH [THAM SỐ]..."}


def install() -> None:
    try:
        from typer import rich_utils as ru

        ru.ARGUMENTS_PANEL_TITLE = "Tham số"
        ru.OPTIONS_PANEL_TITLE = "Tùy chọn"
        ru.COMMANDS_PANEL_TITLE = "Lệnh"
        ru.ERRORS_PANEL_TITLE = "Lỗi"
        ru.DEFAULT_STRING = "[mặc định: {}]"
        ru.REQUIRED_LONG_STRING = "[bắt buộc]"
        ru.ENVVAR_STRING = "[biến môi trường: {}]"
        ru.ABORTED_TEXT = "Đã dừng."
        ru.RICH_HELP = "Xem hướng dẫn: [blue]{command_path} {help_option}[/]"
        ru.DEPRECATED_STRING = "(không còn dùng) "
    except (ImportError, AttributeError):  # pragma: no cover - depends on the typer version
        pass
    try:
        from typer import core

        for cls in (core.TyperCommand, core.TyperGroup):
            original = cls.get_help_option

            def get_help_option(self: Any, ctx: Any, _original: Any = original) -> Any:
                opt = _original(self, ctx)
                if opt is not None:
                    opt.help = HELP_TEXT
                return opt

            cls.get_help_option = get_help_option  # type: ignore[method-assign]
    except (ImportError, AttributeError):  # pragma: no cover
        pass
    try:
        from typer import core as tcore

        original_display = tcore._TyperParameter.display_type

        def display_type(self: Any, ctx: Any) -> Any:
            shown = original_display(self, ctx)
            return _TYPE_NAMES.get(shown, shown)

        tcore._TyperParameter.display_type = display_type  # type: ignore[method-assign]
        tcore._TyperParameter.display_type_rich = display_type  # type: ignore[method-assign]

        for cls in (tcore.TyperCommand, tcore.TyperGroup):
            original_pieces = cls.collect_usage_pieces

            def collect_usage_pieces(self: Any, ctx: Any, _original: Any = original_pieces) -> list[str]:
                return [_USAGE_WORDS.get(piece, piece) for piece in _original(self, ctx)]

            cls.collect_usage_pieces = collect_usage_pieces  # type: ignore[method-assign]
    except (ImportError, AttributeError):  # pragma: no cover
        pass
    try:
        from typer._click import formatting

        original_usage = formatting.HelpFormatter.write_usage

        def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            original_usage(self, prog, args, "Cách dùng: " if prefix is None else prefix)

        formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    except (ImportError, AttributeError):  # pragma: no cover
        pass


def usage_error_message(exc: Any) -> str:
    """A Vietnamese sentence for a click/typer usage error, from its class and attributes."""
    name = type(exc).__name__
    param = getattr(exc, "param", None)
    hint = getattr(exc, "param_hint", None) or (
        "/".join(getattr(param, "opts", []) or []) if param is not None else ""
    )
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(hint)
    if name == "NoSuchOption":
        option = getattr(exc, "option_name", "")
        possible = getattr(exc, "possibilities", None) or []
        extra = f" Có phải ý là {', '.join(sorted(possible))}?" if possible else ""
        return f"Không có tùy chọn {option}.{extra}"
    if name == "MissingParameter":
        is_argument = getattr(param, "param_type_name", "") == "argument"
        kind = "tham số" if is_argument else "tùy chọn"
        if is_argument and getattr(param, "metavar", None):
            hint = param.metavar  # the name the help shows (ĐƯỜNG_DẪN), not the Python one
        return f"Thiếu {kind} {hint or ''}".rstrip() + "."
    if name == "BadParameter":
        return f"Giá trị không hợp lệ cho {hint}: {exc.message}" if hint else f"Giá trị không hợp lệ: {exc.message}"
    if name == "BadOptionUsage":
        return f"Dùng tùy chọn không đúng: {exc.message}"
    message = str(getattr(exc, "message", exc))
    if message.startswith("Got unexpected extra argument"):
        return "Thừa tham số: " + message.split("(", 1)[-1].rstrip(")") + "."
    if message == "Missing command.":
        return "Thiếu tên lệnh."
    if message.startswith("No such command"):
        return "Không có lệnh " + message.split("command", 1)[-1].strip().rstrip(".") + "."
    return message
