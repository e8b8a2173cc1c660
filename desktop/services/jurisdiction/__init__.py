"""The jurisdiction: the tree of sub-bureau, stations, community police offices and grid
cells (`hierarchy`, `units`, `grids`), the officers (`officers`) and who answers for a grid
cell (`assignments`). Uses the shared service modules, `accounts` for rights and audit, and
the store and domain below."""
