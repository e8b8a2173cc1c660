"""The demo jurisdiction: a deterministic sub-bureau with its stations, offices, grid cells,
officers, enterprises, three years of visits, patrol units, rosters and check-ins.

A layer above the services (it calls them to roster and check in, and writes its bulk rows
through the store); the program reaches it only through the `demo` command and the window's
first-start offer. `generator` orders the work; `visits`, `patrol`, `checkins` and `map`
make each part; `maker` makes a large demo's rows in a second process and `writing` loads
them.
"""

from desktop.demo.generator import DEMO_PASSWORD, DEMO_USERS, SCALES, Scale, generate, is_empty

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "SCALES", "Scale", "generate", "is_empty"]
