"""Qt only: the main window, pages, dialogs, table models and widgets. No SQL here."""
