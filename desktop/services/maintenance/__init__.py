"""Keeping the desk's database: where it is, a file or a shared server (`connection`, and
`server_refusals`: why a server said no), backups at start and their rotation (`backups`),
integrity checks, backup and migrate (`checks`), restoring a backup only once a private copy
of it passed every check (`restores`), and the recycle bin of deleted records
(`recycle_bin`)."""
