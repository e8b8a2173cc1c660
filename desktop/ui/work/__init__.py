"""The window's actions that are not one page's: backups and the check, data exchange,
ledgers and imports, the user's session, the visit settings, which database is open, and
the start before there is a jurisdiction to show. Each controller is handed a `Desk`
(work/context.py) with what it may use, never the main window itself. The words of the
start and of the database were the window's: they are translated in its context
("MainWindow"), where the catalogue keeps them."""
