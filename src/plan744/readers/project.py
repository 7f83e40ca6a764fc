"""Where the plan, the templates and the data are, when the user does not say.

Inside a checkout of the repository (the current folder or one above it, or the
checkout an editable install points at) its `data/` and `templates/` are used, so the
department edits them in one place. A regular install carries copies inside the
package (`plan744/bundled/`), so a unit officer can run plan744 in any folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
BUNDLED = PACKAGE_DIR / "bundled"


def _is_checkout(d: Path) -> bool:
    pyproject = d / "pyproject.toml"
    if not (pyproject.is_file() and (d / "data" / "plan.yaml").is_file()):
        return False
    try:
        return 'name = "plan744"' in pyproject.read_text(encoding="utf-8")
    except OSError:
        return False


def find_checkout(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if _is_checkout(d):
            return d
    # An editable install runs from <checkout>/src/plan744.
    candidate = PACKAGE_DIR.parents[1]
    return candidate if _is_checkout(candidate) else None


@dataclass(frozen=True)
class Defaults:
    plan: Path
    templates: Path
    reports: Path
    origin: str  # said to the user: which copy is in use


def defaults(start: Path | None = None) -> Defaults:
    root = find_checkout(start)
    if root is not None:
        return Defaults(root / "data" / "plan.yaml", root / "templates", root / "data" / "reports",
                        f"thư mục mã nguồn {root}")
    bundled = Path(str(resources.files("plan744") / "bundled"))
    return Defaults(bundled / "plan.yaml", bundled / "templates", Path.cwd() / "data" / "reports",
                    "bản đi kèm gói plan744")
