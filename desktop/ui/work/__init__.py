"""The window's actions that are not one page's: backups and the check, data exchange,
ledgers and imports, the user's session, the visit settings. Each controller is handed a
`Desk` (work/context.py) with what it may use, never the main window itself."""
