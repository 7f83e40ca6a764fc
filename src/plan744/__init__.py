"""plan744: kiểm tra số liệu và lập báo cáo thực hiện Kế hoạch 744/KH-UBND."""

__version__ = "0.1.0"
