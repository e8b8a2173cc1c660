"""The window's actions that are not one page's: backups and the check, data exchange,
ledgers and imports, the user's session, the visit settings, which database is open, and
the start before there is a jurisdiction to show. Each controller is handed a `Desk`
(work/context.py) with what it may use, never the main window itself."""
