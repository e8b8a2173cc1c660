"""Ledgers (台账) out of the desk: the rows of each register in the user's jurisdiction into
the formatted workbook (`ledgers`, `roster_ledgers`), and what the command line and the
window share (`commands`: the unit a command names, the visit ledger's title)."""
