"""Grouping items joined pair by pair (union-find): claims, origins."""

from __future__ import annotations

from collections import defaultdict


class Groups:
    """Items 0..n-1, each its own group until joined with another."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]  # path halving keeps trees flat
            i = self.parent[i]
        return i

    def join(self, keep: int, other: int) -> None:
        """Put ``other``'s group under ``keep``'s root (the root names the group)."""
        self.parent[self.find(other)] = self.find(keep)

    def members(self) -> list[list[int]]:
        """The groups, each in item order, ordered by their first item."""
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            groups[self.find(i)].append(i)
        return list(groups.values())
