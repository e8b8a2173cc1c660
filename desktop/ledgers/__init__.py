"""Excel ledgers (台账): the registry of the filed ledgers (`registry`), the formatted writer
(`formatted`), the plain sheet, the report sheet and the reader of the sheets imported. No
services and no Qt here: the services hand in row records, the ledgers lay them out."""
