"""The leaders' figures: the overview of a jurisdiction (`overview`), the weekly, monthly
and quarterly reports (`bulletins`), the offline grid map (`grid_map`) and what the register
lacks (`register_health`). Figures only: words and layout belong to the window and the
ledgers."""
