"""The static dashboard (`plan744 site`): pages, charts and downloads built from the figures of the reports."""
