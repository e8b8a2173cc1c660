"""Ledgers (台账) out of the desk: any ledger of the registry (desktop/ledgers/registry.py)
of the user's jurisdiction into the formatted workbook (`ledgers`), from the row source each
ledger has (`ledger_rows`, and `roster_ledgers` for the roster's, with the personal
schedules), and what the command line and the window share (`commands`: the unit a command
names, the visit ledger's title)."""
