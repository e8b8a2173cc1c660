"""Data packages between desks that work apart: the file (`package`), what it carries of
each record (`rows`), writing and merging packages (`merge`) and the conflicts a merge leaves
(`conflicts`). Uses `accounts` for the audit and the store's exchange tables."""
