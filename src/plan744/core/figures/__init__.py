"""The arithmetic of the reports, pure: plan, organisation and submissions in, figures out.

- `ratio`: pooled ratios (sum of numerators over sum of denominators, never a mean of
  percentages), exact in Decimal;
- `targets`: which target governs a year, whether it is reached, the path between milestones;
- `year`: everything an annual report shows (`year_figures`), with its parts beside it:
  `history` (the submissions on file indexed once by year and unit, and what each unit owed
  each year, from `core.obligation`),
  `delivery` (who sent what, when), `appendix` (rows and budget), `tasks` (tasks, narratives);
- `period`: everything a close-out (tổng kết) shows, over several years (`period_figures`): a
  fold over the years' figures, paired by indicator and scope and by appendix row.

Every verdict, status and reason is a code (`codes`); the words live in `core.labels`.
"""
