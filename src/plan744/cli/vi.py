"""The command line in Vietnamese, through typer's public doors only.

Typer (with the click it bundles) prints English in three places: the help page, the usage
errors of its parser, and the conversion errors of typed values. Each is handled where it is
made, with no patch of a library module:

- help: `Command` and `Group` (passed to typer with `cls=`) write the usage line, the options
  and the commands themselves, in Vietnamese, from each parameter's public attributes
  (`opts`, `metavar`, `help`, `default`, `required`); every option has an explicit `metavar=`;
- values: options are read as text and converted by our own parsers (`options.py`), which
  raise `UsageProblem` with a Vietnamese sentence; click's type conversion never runs;
- the parser's own errors (an unknown option, a missing value, a missing argument, an extra
  argument, an unknown command) are caught in `parse_args` / `resolve_command` and turned into
  `UsageProblem`, chosen by the exception's type and its public attributes, never by its text.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from plan744.core.suggest import closest

HELP_TEXT = "Hiện hướng dẫn này rồi thoát."


class UsageProblem(Exception):
    """A mistake in how a command was typed: printed as "Lỗi: …", exit code 2."""

    def __init__(self, message: str, command_path: str = "plan744") -> None:
        super().__init__(message)
        self.message = message
        self.command_path = command_path


def _option_by_name(ctx: Any, name: str) -> Any:
    for param in getattr(ctx.command, "params", []):
        if name in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())):
            return param
    return None


def _param_label(param: Any) -> str:
    if getattr(param, "param_type_name", "") == "argument":
        return param.metavar or param.name.upper()
    return "/".join(param.opts)


def translate(exc: Exception, ctx: Any) -> UsageProblem:
    """A Vietnamese `UsageProblem` for an error of the bundled click parser, by its type."""
    path = ctx.command_path if ctx is not None else "plan744"
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "") or ""
        names = [o for p in getattr(ctx.command, "params", []) for o in (*getattr(p, "opts", ()), *getattr(p, "secondary_opts", ()))
                 if o.startswith("-")] if ctx is not None else []
        guess = closest(option, names, cutoff=0.5)
        extra = f" Có phải ý là {guess}?" if guess else ""
        return UsageProblem(f"Không có tùy chọn {option}.{extra}", path)
    if kind == "BadOptionUsage":
        option = getattr(exc, "option_name", "") or ""
        param = _option_by_name(ctx, option) if ctx is not None else None
        if param is not None and getattr(param, "is_flag", False):
            return UsageProblem(f"Tùy chọn {option} không nhận giá trị (chỉ ghi {option}).", path)
        return UsageProblem(f"Tùy chọn {option} cần một giá trị, ví dụ {option} {getattr(param, 'metavar', '') or '…'}.", path)
    if kind == "MissingParameter":
        param = getattr(exc, "param", None)
        if param is not None and getattr(param, "param_type_name", "") == "argument":
            return UsageProblem(f"Thiếu tham số {_param_label(param)}.", path)
        return UsageProblem(f"Thiếu tùy chọn {_param_label(param) if param is not None else ''}.".replace(" .", "."), path)
    if kind == "BadArgumentUsage":
        return UsageProblem("Tham số không hợp lệ.", path)
    if isinstance(exc, typer.BadParameter):
        param = getattr(exc, "param", None)
        label = _param_label(param) if param is not None else ""
        return UsageProblem(f"Giá trị không hợp lệ cho {label}." if label else "Giá trị không hợp lệ.", path)
    return UsageProblem("Cách gõ lệnh chưa đúng.", path)


def _help_records(cmd: Any, ctx: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    arguments, options = [], []
    for param in cmd.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        help_text = getattr(param, "help", None) or ""
        if getattr(param, "param_type_name", "") == "argument":
            arguments.append((param.metavar or param.name.upper(), help_text))
            continue
        names = ", ".join(param.opts)
        if param.secondary_opts:
            names += " / " + ", ".join(param.secondary_opts)
        if not getattr(param, "is_flag", False) and param.metavar:
            names += " " + param.metavar
        extra = []
        if getattr(param, "required", False):
            extra.append("bắt buộc")
        elif not getattr(param, "is_flag", False) and param.default not in (None, "", (), []) and getattr(param, "show_default", True):
            extra.append(f"mặc định: {param.default}")
        if extra:
            help_text = f"{help_text} [{'; '.join(extra)}]".strip()
        options.append((names, help_text))
    return arguments, options


class _Vietnamese:
    """What Command and Group share: help page and error translation."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = ["[TÙY CHỌN]"]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if getattr(param, "param_type_name", "") == "argument":
                pieces.append((param.metavar or param.name.upper()) + ("..." if param.nargs == -1 else ""))
        return pieces

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Cách dùng: ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = _help_records(self, ctx)
        if arguments:
            with formatter.section("Tham số"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(options)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except UsageProblem as problem:  # raised in a command's body: point at its own help
            if problem.command_path == "plan744":
                problem.command_path = ctx.command_path
            raise

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            rest = super().parse_args(ctx, args)  # type: ignore[misc]
        except UsageProblem:
            raise
        except typer.Exit:
            raise
        except typer.TyperException as exc:  # the bundled click's ClickException and subclasses
            raise translate(exc, ctx) from None
        return rest


class Command(_Vietnamese, TyperCommand):
    """A command whose help and errors are Vietnamese; extra arguments are reported by us."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        settings = dict(kwargs.pop("context_settings", None) or {})
        settings.setdefault("allow_extra_args", True)  # checked below, in Vietnamese
        settings.setdefault("help_option_names", ["-h", "--help"])
        kwargs["context_settings"] = settings
        kwargs["rich_markup_mode"] = None
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        if ctx.args:
            extra = " ".join(ctx.args)
            raise UsageProblem(f"Thừa tham số: {extra}.", ctx.command_path)
        return rest


class Group(_Vietnamese, TyperGroup):
    """A group of commands; with no command, its help; an unknown command gets a guess."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        settings = dict(kwargs.pop("context_settings", None) or {})
        settings.setdefault("help_option_names", ["-h", "--help"])
        kwargs["context_settings"] = settings
        kwargs["rich_markup_mode"] = None
        kwargs["no_args_is_help"] = False
        kwargs["invoke_without_command"] = True  # the callback prints help when no command is given
        super().__init__(*args, **kwargs)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return ["[TÙY CHỌN]", "LỆNH", "[THAM SỐ]..."]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=300)))
        if rows:
            with formatter.section("Lệnh"):
                formatter.write_dl(rows)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if name.startswith("-"):
            raise UsageProblem(f"Không có tùy chọn {name}.", ctx.command_path)
        commands = self.list_commands(ctx)
        if name not in commands:
            guess = closest(name, commands, cutoff=0.5)
            extra = f" Có phải ý là “{guess}”?" if guess else ""
            raise UsageProblem(f"Không có lệnh “{name}”.{extra} Các lệnh: {', '.join(commands)}.", ctx.command_path)
        return name, self.get_command(ctx, name), args[1:]


def show_help_if_no_command(ctx: Any) -> None:
    """For a group's callback: `plan744` or `plan744 plan` alone prints the help and exits 0."""
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
