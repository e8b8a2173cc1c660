"""Use cases: one function per user action, one transaction each, the rights check and the
audit inside it. Plain dataclasses and row tuples out; no Qt.

One sub-package per capability (a feature's files are found by its name):

- `jurisdiction`: the hierarchy (sub-bureau, stations, offices, grid cells) and officers
- `register`: enterprises, their search, visit cadence, visits, findings and form drafts
- `patrol`: patrol units and absences, shifts, month rosters, the roster grid, check-ins
- `reports`: the overview, the periodic reports, the grid map, the register's health
- `exports`: ledgers written to Excel, and the units a command line names
- `imports`: sheets clerks keep, read, checked and written all or nothing
- `exchange`: data packages between desks, and their conflicts
- `accounts`: users and logins, rights and jurisdiction, the audit trail
- `maintenance`: the database connection, backups, checks and the recycle bin

Shared by all of them at this level: `database` (opening a desk), `records` (the steps of
every save and delete), `reference` (code tables) and `tasks` (progress and cancel).
"""
