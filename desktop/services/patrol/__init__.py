"""Patrol deployment and duty rosters: patrol units of the three tiers and officers'
absences (`deployment`), shifts and the roster's rule settings (`shifts`), a station's month
checked or filled by the solver (`rosters`), the 排班 page's month grid (`roster_grid`) and
check-ins held against the published roster (`checkins`). Uses `jurisdiction` and
`accounts`."""
