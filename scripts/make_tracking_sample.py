"""Write the illustrative 2026 status reports of the bundled QĐ 2629 plan (issue 27):
data/tracking/qd-2629/2026/<unit>-<period>.yaml, four quarters from a few units, so that every
state occurs (done on time, done late, overdue, not yet due, a recurring task, a superseded
report, a task proposed for adjustment). Deterministic: run again, get the same files.

    .venv/bin/python scripts/make_tracking_sample.py [--out FOLDER]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
from pathlib import Path

from plan744.core.progress import assignees, tracked
from plan744.services.plans import load_plan

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "tracking" / "qd-2629" / "2026"
UNITS = ("BKHCN", "BCA", "BTC", "VPCP", "NGHEAN", "BACNINH")
# (period, submitted) per unit: Q3 sent before 01/10 by some, after by others; Q4 sent early December
SENT = {
    "2026-Q1": dt.date(2026, 4, 3), "2026-Q2": dt.date(2026, 7, 3),
    "2026-Q3": dt.date(2026, 9, 28), "2026-Q4": dt.date(2026, 12, 3),
}
LATE_Q3 = {"NGHEAN": dt.date(2026, 10, 12), "BTC": dt.date(2026, 10, 5)}
HEADER = """# SỐ LIỆU MINH HỌA - KHÔNG PHẢI BÁO CÁO THỰC CỦA ĐƠN VỊ.
# Báo cáo tiến độ minh họa do scripts/make_tracking_sample.py tạo ra để chạy thử lệnh plan744 tasks
# (Quyết định 2629/QĐ-TTg), không phải báo cáo thực của {name}.
# Illustrative sample data made by scripts/make_tracking_sample.py; not a real report.
"""


def _h(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:8], 16)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=OUT)
    make(ap.parse_args().out)


def make(out: Path) -> None:
    plan = load_plan(ROOT / "data" / "plans" / "qd-2629-2025.yaml").plan
    assert plan is not None
    items = {it.key: it for it in tracked(plan)}
    who = assignees(plan, dt.date(2026, 1, 1))
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    for unit in UNITS:
        mine = [k for k, us in who.items() if unit in us and items[k].deadline is not None
                and not items[k].deadline.recurring and items[k].deadline.due.year <= 2027]
        plans: dict[str, tuple[dt.date | None, dt.date]] = {}  # key -> (completion, start of work)
        for k in mine:
            due = items[k].deadline.due
            r = _h(unit, k) % 100
            start = max(dt.date(2026, 1, 10), due - dt.timedelta(days=200 + r))
            if r < 35:
                done: dt.date | None = due - dt.timedelta(days=5 + r % 40)  # on time
            elif r < 60:
                done = due + dt.timedelta(days=10 + r % 50)  # late
            else:
                done = None  # not done in 2026
            plans[k] = (done, start)
        for period, sent in SENT.items():
            if period == "2026-Q3" and unit in LATE_Q3:
                sent = LATE_Q3[unit]
            _write(out, plan, unit, period, sent, mine, plans, items)
    # A revised Q2 report supersedes the first one (the history keeps both).
    bca = out / "BCA-2026-Q2.yaml"
    text = bca.read_text(encoding="utf-8").replace("submitted: 2026-07-03", "submitted: 2026-07-15")
    text = text.replace("# Báo cáo tiến độ kỳ 2026-Q2", "# Báo cáo tiến độ kỳ 2026-Q2 (báo cáo bổ sung, thay báo cáo gửi ngày 03/7/2026)")
    first = text.replace("submitted: 2026-07-15", "submitted: 2026-07-03")
    # the first version still said "đang triển khai" for a task the revision reports done
    (out / "BCA-2026-Q2-lan-1.yaml").write_text(_downgrade(first), encoding="utf-8")
    bca.write_text(text, encoding="utf-8")


def _downgrade(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "status: hoan_thanh" in line:
            key = line.split(":")[0]
            lines[i] = f"{key}: {{status: dang_trien_khai}}"
            break
    return "\n".join(lines)


def _write(folder, plan, unit, period, sent, mine, plans, items) -> None:  # type: ignore[no-untyped-def]
    name = plan.units_by_code[unit].name
    out = [HEADER.format(name=name), f"# Báo cáo tiến độ kỳ {period}: {name}",
           f'plan: "{plan.document.number}"', f"unit: {unit}", f"period: {period}", f"submitted: {sent.isoformat()}",
           "prepared_by:", '  name: "Cán bộ đầu mối (minh họa)"', '  position: "Chuyên viên"', "progress:"]
    for k in mine:
        done, start = plans[k]
        if done is not None and done <= sent:
            n = _h(unit, k, "doc") % 900 + 10
            out.append(f'  {k}: {{status: hoan_thanh, completed: {done.isoformat()}, '
                       f'evidence: {{number: "{n}/QĐ-{unit}", date: {done.isoformat()}}}}}')
        elif _h(unit, k, "adj") % 17 == 0 and sent.month >= 7:
            out.append(f'  {k}: {{status: de_nghi_dieu_chinh, reason: "Đề nghị lùi thời hạn do chờ hướng dẫn của bộ chủ trì (minh họa)"}}')
        elif start <= sent:
            out.append(f"  {k}: {{status: dang_trien_khai}}")
        else:
            out.append(f"  {k}: {{status: chua_trien_khai}}")
    if unit == "BKHCN":  # the quarterly publication (Điều 1, IV.1): Q1, Q2 on time, Q3 late, Q4 not yet
        q = int(period[-1])
        if q == 1:
            out.append('  IV.1.3: {status: hoan_thanh, completed: 2026-03-25, evidence: {link: "https://example.gov.vn/xep-hang-2026-q1"}}')
        elif q == 2:
            out.append('  IV.1.3: {status: hoan_thanh, completed: 2026-06-26, evidence: {link: "https://example.gov.vn/xep-hang-2026-q2"}}')
        elif q == 3:
            out.append('  IV.1.3: {status: dang_trien_khai, occurrence: 2026-Q3}')
        else:
            out.append('  IV.1.3: {status: hoan_thanh, occurrence: 2026-Q3, completed: 2026-10-08, evidence: {link: "https://example.gov.vn/xep-hang-2026-q3"}}')
    (folder / f"{unit}-{period}.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
