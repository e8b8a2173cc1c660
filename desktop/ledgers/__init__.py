"""Excel ledgers (台账): specs, the formatted writer and the validating reader."""
