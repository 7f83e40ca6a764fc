"""Words of the story of the organisation's changes: the reform paragraph, the moved tasks, the
counting rule, names of units as they were; and of the opening that cites the request letter.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

REFORM_WORDS: dict[str, str] = {
    # the paragraph: one clause per day of change
    "reform.lead_year": "Trong năm {year}, tỉnh thực hiện sắp xếp tổ chức bộ máy: {clauses}.",
    "reform.lead_period": "Trong giai đoạn {span}, tỉnh thực hiện sắp xếp tổ chức bộ máy: {clauses}.",
    "reform.day": "từ ngày {when}, {parts}",
    "reform.merge_into": "{olds} nhập vào {new}",
    "reform.list": "các cơ quan sau được hợp nhất, đổi tên hoặc tổ chức lại: {items}",
    "reform.item_merge": "{new} (hợp nhất với {olds})",
    "reform.item_merge_new": "{new} (hợp nhất {olds})",
    "reform.item_rename": "{new} (trước đây là {old})",
    "reform.item_split": "{news} (tổ chức lại từ {olds})",
    "reform.level_end": "chính quyền {levels} kết thúc hoạt động",
    "reform.new_units": "{area} có {count} đơn vị hành chính {level} ({parts}){act}",
    "reform.area": "tỉnh",
    "reform.act": " theo {act}",
    # how a source cites an act: "Nghị quyết 1678/NQ-UBTVQH15 ngày 16/6/2025 của …" (read, then "số" added)
    "reform.act_date": "ngày",
    "reform.act_by": "của",
    "reform.act_number": "số",
    "reform.and": "và",
    "reform.with": "với",
    # who leads the plan and the rows that moved
    "reform.taken_over": "Từ ngày {when}, {items}.",
    "reform.drafter": "{new} tiếp nhận từ {old} nhiệm vụ tham mưu, tổng hợp việc thực hiện {kind}",
    "reform.cumulative": "số liệu giải ngân lũy kế của các nhiệm vụ tính từ năm {start}",
    "reform.move_one": "nhiệm vụ TT {rows} do {old} chủ trì được chuyển giao cho {new}",
    "reform.move_many": "các nhiệm vụ TT {rows} do {old} chủ trì được chuyển giao cho {new}",
    # how the figures were counted across the change
    "reform.count_successor": "Đơn vị sau sắp xếp báo cáo số liệu cả năm, gồm cả phần của đơn vị trước sắp xếp.",
    "reform.count_ended": "Số liệu {level} năm {year} do {count} {kinds} báo cáo, tính đến ngày {last}",
    "reform.count_shared": ("số liệu {level} năm {year} gồm số liệu do các {ended} tổng hợp đến ngày {last} "
                            "và số liệu của {count} {new} từ ngày {first}"),
    # facts still to be confirmed
    "reform.unconfirmed_mark": " (*)",
    "reform.unconfirmed_note": "(*) Thay đổi chưa được đối chiếu với văn bản, cần Sở Nội vụ xác nhận.",
    # a unit named as it was, with what it became
    "reform.now": "{name} (nay là {successor})",
    "reform.former": "{name} (cũ)",
    # the opening
    "reform.request": "Thực hiện {kind} số {number} ngày {date} của {issuer}{subject};",
    "reform.request_subject": " về việc {subject}",
    "reform.request_blank": "[Cơ quan soạn thảo bổ sung: Thực hiện Công văn số …/… ngày … của … về việc …;]",
    "reform.source_until": "{kind} (đến ngày {date})",
    "reform.source_since": "{kind} (từ ngày {date})",
    "reform.sources": "các {items}",
    "reform.period_span_suffix": " giai đoạn {span}",
    # names written in lower case inside a sentence ("xã Mỹ Lý"), longest first
    "reform.lower_prefixes": "Thị trấn|Thị xã|Thành phố|Xã|Phường|Huyện",
    "reform.unit_prefixes": "Xã|Phường|Thị trấn",
    # a group of units named by their kind ("Các Sở, ban, ngành liên quan"): inside a sentence the
    # plural word and the generic kind word after it are lower case ("các sở, ban, ngành liên quan")
    "reform.lower_plural": "Các",
    "reform.lower_kinds": "Sở|Ban|Ngành|Huyện|Xã|Phường|Thị trấn|Cơ quan|Đơn vị|Phòng",
    # the closing
    "reform.archive_blank": "[ký hiệu phòng chuyên môn]",
}
