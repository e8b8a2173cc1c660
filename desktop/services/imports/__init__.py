"""Importing the sheets clerks keep, all rows or none: reading and mapping a sheet
(`sheets`), cell values (`cells`), the plan shown before anything is written (`plan`), and
each kind's columns and row checks (`enterprise_rows`, `officer_rows`, `visit_rows`). Uses
`register` and `jurisdiction` to find and write records, `accounts` for rights."""
