"""Office files (.docx, .xlsx) are zip archives whose entries carry the clock's time; rewritten
here with the report's own date so that the same inputs give the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any


def reproducible_zip(data: bytes, stamp: dt.datetime) -> bytes:
    when = max(stamp.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def office_time(stamp: dt.datetime) -> dt.datetime:
    """`stamp` as the naive UTC time an Office file's core properties hold (written with a "Z")."""
    return stamp.astimezone(dt.UTC).replace(tzinfo=None) if stamp.tzinfo else stamp


def workbook_bytes(wb: Any, stamp: dt.datetime) -> bytes:
    """An openpyxl workbook as reproducible bytes, created and modified at `stamp`.
    `Workbook.save` stamps "modified" with the clock (openpyxl.writer.excel.save_workbook); its
    writer, called directly, keeps the date set here."""
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.created = wb.properties.modified = office_time(stamp)
    buf = io.BytesIO()
    try:
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(wb, archive).save()
    except Exception:
        # openpyxl streams each sheet through a temporary file; when that write fails (a full disk,
        # a size limit), the sheet's half-closed stream raises the same error again when collected,
        # as an "Exception ignored" traceback. The first error is the one the caller reports.
        import sys

        default = sys.unraisablehook

        def quiet(u: Any) -> None:
            if type(u.exc_value).__name__ != "SerialisationError":
                default(u)

        sys.unraisablehook = quiet
        raise
    return reproducible_zip(buf.getvalue(), stamp)
