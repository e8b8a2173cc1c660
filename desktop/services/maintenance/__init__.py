"""Keeping the desk's database: where it is, a file or a shared server (`connection`),
backups at start and their rotation (`backups`), integrity checks, backup, migrate and
restore commands (`checks`) and the recycle bin of deleted records (`recycle_bin`)."""
