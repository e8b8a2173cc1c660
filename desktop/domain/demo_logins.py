"""The demo's logins, one per role, all with one documented password that meets the rules.

Here rather than in the demo's package: the login dialog names them before the window has
loaded the data layer that the demo's generator needs."""

from __future__ import annotations

from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind

DEMO_PASSWORD = "Demo@2026"
DEMO_USERS = (
    ("admin", "演示管理员", Role.ADMIN, None),
    ("neiqin", "演示内勤", Role.CLERK, NodeKind.STATION),
    ("minjing", "演示社区民警", Role.COMMUNITY_OFFICER, NodeKind.OFFICE),
    ("lingdao", "演示领导", Role.LEADER, NodeKind.BUREAU),
)
