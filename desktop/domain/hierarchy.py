"""The three-level grid under a sub-bureau: which level sits under which."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum


class NodeKind(StrEnum):
    BUREAU = "bureau"
    STATION = "station"
    OFFICE = "office"
    GRID = "grid"


PARENT_KIND: dict[NodeKind, NodeKind | None] = {
    NodeKind.BUREAU: None,
    NodeKind.STATION: NodeKind.BUREAU,
    NodeKind.OFFICE: NodeKind.STATION,
    NodeKind.GRID: NodeKind.OFFICE,
}

CHILD_KIND: dict[NodeKind, NodeKind | None] = {
    NodeKind.BUREAU: NodeKind.STATION,
    NodeKind.STATION: NodeKind.OFFICE,
    NodeKind.OFFICE: NodeKind.GRID,
    NodeKind.GRID: None,
}


@dataclass(frozen=True)
class NodeRef:
    """A node of the jurisdiction tree; also the scope that pages filter by."""

    kind: NodeKind
    id: uuid.UUID

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> NodeRef:
        kind, _, ident = text.partition(":")
        return cls(NodeKind(kind), uuid.UUID(ident))


def can_hold(parent: NodeKind, child: NodeKind) -> bool:
    return CHILD_KIND[parent] == child


@dataclass(frozen=True)
class TreeNode:
    """A node as the tree shows it: its name, code and how many children it has."""

    ref: NodeRef
    name: str
    code: str | None
    child_count: int
