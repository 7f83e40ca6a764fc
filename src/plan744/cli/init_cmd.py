"""`plan744 init [FOLDER]`: a province's own data repository, ready to use.

Writes the settings (plan744.toml, every path the tool reads), a plan and its organisation (the
bundled ones, or the files given), the reports and notes folders, a pre-commit configuration and
a CI workflow that both go by plan744.toml, and a README for the officers. Everything is checked
before anything is written; an existing file is never overwritten (all of them are listed, and
nothing is written).
"""

from __future__ import annotations

import os
from pathlib import Path
from string import Template

import typer

from plan744.cli.console import EXIT_USAGE, error, say
from plan744.cli.options import parse_year
from plan744.cli.vi import Command, UsageProblem

app = typer.Typer(add_completion=False)

# Where the repository keeps each thing, relative to its folder (written into plan744.toml).
LAYOUT = {"plan": "ke-hoach/plan.yaml", "data": "reports", "notes": "notes", "templates": "templates", "out": "out"}
# scaffold file (package data) -> where it goes in the new repository
SCAFFOLD = {
    "plan744.toml": "plan744.toml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "workflow.yml": ".github/workflows/plan744.yml",
    "README.md": "README.md",
    "gitignore": ".gitignore",
}
KEEP = ".gitkeep"  # lets git keep an empty folder


@app.command(cls=Command)
def init(
    folder: Path = typer.Argument(Path("."), metavar="[THƯ_MỤC]", help="Thư mục của kho dữ liệu mới (mặc định: thư mục đang đứng)."),
    plan: Path | None = typer.Option(None, "--plan", metavar="TỆP",
                                     help="Tệp kế hoạch chép vào kho (mặc định: kế hoạch đi kèm plan744)."),
    organisation: Path | None = typer.Option(None, "--organisation", metavar="TỆP",
                                             help="Tệp tổ chức bộ máy chép vào kho (mặc định: tệp mà kế hoạch trỏ tới, "
                                                  "ở khóa organisation)."),
    install: str | None = typer.Option(None, "--install", metavar="GÓI",
                                       help="Cách cài plan744 trong CI và trên máy cán bộ: phiên bản cố định "
                                            "(mặc định: plan744==<phiên bản đang chạy>) hoặc tham chiếu git "
                                            "“git+https://…/plan744@<thẻ>”."),
    year: str | None = typer.Option(None, "--year", metavar="NĂM",
                                    help="Năm của báo cáo tổng hợp CI lập và đính kèm (mặc định: năm nay, trong giai đoạn kế hoạch)."),
) -> None:
    """Tạo kho dữ liệu của tỉnh: plan744.toml, kế hoạch và tổ chức bộ máy, thư mục báo cáo và ghi chú,
    cấu hình pre-commit, quy trình CI và README cho cán bộ. Không ghi đè tệp nào đã có.

    Sau đó mọi lệnh chạy trong thư mục này (hoặc thư mục con) dùng plan744.toml của kho.
    """
    from plan744 import __version__, clock
    from plan744.outputs import OutputError, write_atomic
    from plan744.readers.project import bundled_plan, scaffold_dir
    from plan744.services.plans import load_plan

    source_plan = plan or bundled_plan()
    loaded = load_plan(source_plan)
    if not loaded.usable or loaded.plan is None:
        raise UsageProblem(f"tệp kế hoạch {source_plan} có lỗi; kiểm tra bằng: plan744 plan check --plan {source_plan}",
                           "plan744 init")
    org_name = _organisation_reference(source_plan)
    if organisation is not None and org_name is None:
        raise UsageProblem(f"kế hoạch {source_plan} ghi tổ chức bộ máy ngay trong tệp (không có khóa organisation trỏ tới "
                           "một tệp), nên không dùng --organisation.", "plan744 init")
    period = loaded.plan.period
    the_year = parse_year(year) or min(max(clock.today().year, period.start), period.end)
    plan_dir = Path(LAYOUT["plan"]).parent
    files: dict[str, bytes] = {LAYOUT["plan"]: source_plan.read_bytes()}
    org_target = None
    if org_name is not None:
        org_target = (plan_dir / org_name).as_posix()
        org_source = organisation or source_plan.parent / org_name
        if not org_source.is_file():
            raise UsageProblem(f"không có tệp tổ chức bộ máy {org_source}.", "plan744 init")
        files[org_target] = org_source.read_bytes()
    words = {f"p744_{k}": v for k, v in LAYOUT.items()}
    words |= {"p744_name": os.path.basename(os.path.abspath(folder)), "p744_install": install or f"plan744=={__version__}",
              "p744_year": str(the_year), "p744_organisation": org_target or LAYOUT["plan"]}
    scaffold = scaffold_dir()
    for name, target in SCAFFOLD.items():
        files[target] = Template((scaffold / name).read_text(encoding="utf-8")).safe_substitute(words).encode("utf-8")
    for key in ("data", "notes", "templates"):
        files[f"{LAYOUT[key]}/{KEEP}"] = b""

    existing = sorted(name for name in files if (folder / name).exists() or (folder / name).is_symlink())
    if existing:
        error(f"thư mục {folder} đã có {len(existing)} tệp mà lệnh này sẽ tạo; không ghi đè, không ghi tệp nào:")
        for name in existing:
            say(f"- {folder / name}")
        raise typer.Exit(EXIT_USAGE)
    try:
        for name, content in files.items():
            write_atomic(folder / name, content)
    except OutputError as exc:
        raise UsageProblem(str(exc), "plan744 init") from None
    typer.echo(f"Đã tạo kho dữ liệu ở {folder}:")
    for name in files:
        typer.echo(f"- {folder / name}")
    if install is None:  # the default names a version; a department that installs from its own git server says so
        typer.echo(f"Cách cài plan744 ghi trong quy trình CI: {words['p744_install']} (biến PLAN744 ở đầu "
                   f"{folder / SCAFFOLD['workflow.yml']}); nếu plan744 được cài từ kho git, đổi thành "
                   "“git+https://…/plan744@<thẻ>” (lần sau: plan744 init --install …).")
    typer.echo("Bước tiếp theo (xem README.md của kho): git init; pip install pre-commit; pre-commit install; "
               "plan744 new-report --unit <mã đơn vị> --year <năm>.")


def _organisation_reference(plan: Path) -> str | None:
    """The organisation file the plan names (`organisation: organisation.yaml`), if any."""
    import yaml

    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    value = data.get("organisation") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None
