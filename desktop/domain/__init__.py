"""Pure rules: validation, cadence, roster constraints. No I/O and no Qt."""
