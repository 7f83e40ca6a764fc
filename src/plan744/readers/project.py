"""Where the plan, the data and the templates are, when the user does not say.

A department keeps its plan and its units' reports in a data repository. plan744 finds that
repository's settings from the working folder upward, so every command (and the pre-commit
hooks) uses the repository's own plan without `--plan`:

1. `--plan` (and `--data`, `--templates`) on the command line;
2. the environment variable `PLAN744_PLAN` (a path);
3. the nearest `plan744.toml`, or `pyproject.toml` with a `[tool.plan744]` table, in the working
   folder or a folder above it; its keys `plan`, `data`, `notes`, `templates`, `out` are paths
   relative to the file's folder (`notes` defaults to the folder `notes` beside `data`);
4. the nearest folder (working folder or above) holding `data/plan.yaml`: its `data/reports`
   and, if present, `templates/`;
5. the plan and templates bundled with the package (a unit officer's machine).

Templates are looked up on a search path (mkdocs' theme `dirs`): the repository's `templates/`
folder (or `--templates`) first, then the bundled templates. That folder holds only the files
it overrides (the letterhead `_letterhead.html`, `report.css`, `report.docx`, …); every other
file comes from the bundled set (`template_dirs`).

Every command prints which one is in use ("Kế hoạch: …"); `plan744 --verbose` (`-v`, anywhere on
the line) prints the settings file and every path resolved from it (`describe`). `plan744 init`
writes a repository laid out this way, from the files in `scaffold_dir()`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
ENV_PLAN = "PLAN744_PLAN"
SETTINGS_FILE = "plan744.toml"
KEYS = ("plan", "data", "notes", "templates", "out")  # the settings a plan744.toml may give


class SettingsError(Exception):
    """A settings file that cannot be read; the message says which and why (Vietnamese)."""


@dataclass(frozen=True)
class Defaults:
    plan: Path
    templates: Path
    reports: Path
    out: Path
    origin: str  # said to the user: which settings are in use
    root: Path | None = None  # the data repository's folder, if one was found
    notes: Path = Path("data") / "notes"  # the department's notes files, one per report (`notes` key)


def _bundled() -> Path:
    return Path(str(resources.files("plan744") / "bundled"))


def bundled_templates() -> Path:
    """The templates that come with plan744: inside an installed package, or the checkout's
    `templates/` for an editable install."""
    inside = _bundled() / "templates"
    return inside if inside.is_dir() else PACKAGE_DIR.parents[1] / "templates"


def bundled_plan() -> Path:
    """The plan that comes with plan744 (its organisation file lies beside it): inside an
    installed package, or the checkout's `data/plan.yaml` for an editable install."""
    inside = _bundled() / "plan.yaml"
    return inside if inside.is_file() else PACKAGE_DIR.parents[1] / "data" / "plan.yaml"


def scaffold_dir() -> Path:
    """The files `plan744 init` copies into a new data repository (package data)."""
    return Path(str(resources.files("plan744") / "scaffold"))


def describe(d: Defaults) -> list[str]:
    """What `--verbose` prints: the settings in use and every path they resolve to."""
    return [
        f"Cài đặt: {d.origin}",
        f"Thư mục kho dữ liệu: {d.root if d.root is not None else '(không có; dùng thư mục đang đứng)'}",
        f"Kế hoạch (plan): {d.plan.absolute()}",
        f"Báo cáo của đơn vị (data): {d.reports.absolute()}",
        f"Ghi chú (notes): {d.notes.absolute()}",
        f"Mẫu văn bản (templates): {' → '.join(str(p.absolute()) for p in template_dirs(d.templates))}",
        f"Thư mục kết quả (out): {d.out.absolute()}",
    ]


def template_dirs(custom: Path | None) -> tuple[Path, ...]:
    """The template search path: `custom` (a data repository's `templates/`, or `--templates`)
    before the bundled templates; a file found in `custom` wins, any other comes from the bundle."""
    bundled = bundled_templates()
    if custom is None or os.path.realpath(custom) == os.path.realpath(bundled):
        return (bundled,)
    return (custom, bundled)


def _read_settings(path: Path) -> dict | None:
    """The plan744 table of a settings file, or None when `path` holds none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"không đọc được {path}: {exc.__class__.__name__}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path} có lỗi cú pháp TOML ({exc})") from None
    if path.name == SETTINGS_FILE:
        table = data.get("plan744", data)
    else:
        table = data.get("tool", {}).get("plan744")
    if table is None:
        return None
    if not isinstance(table, dict) or any(not isinstance(v, str) for v in table.values()):
        raise SettingsError(f"{path}: các khóa {', '.join(KEYS)} phải là đường dẫn (chuỗi)")
    unknown = set(table) - set(KEYS)
    if unknown:
        raise SettingsError(f"{path}: khóa không hợp lệ {', '.join(sorted(unknown))}; "
                            f"chỉ dùng {', '.join(KEYS)}")
    return table


def _is_source_checkout(folder: Path) -> bool:
    pyproject = folder / "pyproject.toml"
    try:
        return pyproject.is_file() and 'name = "plan744"' in pyproject.read_text(encoding="utf-8")
    except OSError:
        return False


def defaults(start: Path | None = None, environ: dict[str, str] | None = None) -> Defaults:
    env = os.environ if environ is None else environ
    here = (start or Path.cwd()).absolute()
    bundled = _bundled()
    found = _find(here)
    if found is not None:
        root, table, origin = found
        plan = root / table.get("plan", "data/plan.yaml")
        templates = root / table["templates"] if "templates" in table else (
            root / "templates" if (root / "templates").is_dir() else bundled_templates())
        reports = root / table.get("data", "data/reports")
        out = root / table.get("out", "out") if "out" in table else Path("out")
        notes = root / table["notes"] if "notes" in table else reports.parent / "notes"
    else:
        root, origin = None, "bản đi kèm gói plan744"
        plan, templates, reports, out = bundled / "plan.yaml", bundled_templates(), Path("data") / "reports", Path("out")
        notes = Path("data") / "notes"
    if env.get(ENV_PLAN):
        plan, origin = Path(env[ENV_PLAN]), f"biến môi trường {ENV_PLAN}"
    return Defaults(plan, templates, reports, out, origin, root, notes)


def _find(here: Path) -> tuple[Path, dict, str] | None:
    for folder in (here, *here.parents):
        settings = folder / SETTINGS_FILE
        if settings.is_file():
            table = _read_settings(settings)
            return folder, table or {}, f"cài đặt {settings}"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_settings(pyproject)
            if table is not None:
                return folder, table, f"cài đặt [tool.plan744] trong {pyproject}"
        if (folder / "data" / "plan.yaml").is_file():
            kind = "thư mục mã nguồn" if _is_source_checkout(folder) else "thư mục dữ liệu"
            return folder, {}, f"{kind} {folder}"
    # An editable install runs from <checkout>/src/plan744: its checkout is the default.
    checkout = PACKAGE_DIR.parents[1]
    if (checkout / "data" / "plan.yaml").is_file() and _is_source_checkout(checkout):
        return checkout, {}, f"thư mục mã nguồn {checkout}"
    return None


def find_root(start: Path | None = None) -> Path | None:
    """The data repository's folder (where `schema/` and `data/` live), if any."""
    found = _find((start or Path.cwd()).absolute())
    return found[0] if found else None


def schema_ref_for(target: Path) -> str | None:
    """The path from `target`'s folder to the repository's submission schema, for the editor hint
    of a YAML report written there; None when there is no such schema (never a dangling hint)."""
    root = find_root()
    schema_file = root / "schema" / "submission.schema.json" if root is not None else None
    if schema_file is None or not schema_file.is_file():
        return None
    return Path(os.path.relpath(schema_file, target.absolute().parent)).as_posix()
