"""Comparing and combining groups: how many customers are in each region of their overlap,
who they are, and the members of a union, an intersection or a difference — counted in SQL,
never by reading the groups into memory."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from custgroups.core import db
from custgroups.core.clock import local_time, utc_now
from custgroups.core.customers import CustomerRef
from custgroups.core.errors import ValidationError, tr
from custgroups.core.groups import Group, GroupChange, get_group, save_group
from custgroups.core.memberships import Combination, MemberSource
from custgroups.core.models import database


class RegionKind(StrEnum):
    """A part of the overlap of several groups."""

    ALL = "all"  # in every group compared
    ANY = "any"  # in at least one
    EXACTLY_ONE = "exactly_one"  # in one group only
    ONLY = "only"  # in one given group and in none of the others


@dataclass(frozen=True)
class Region:
    """A region of the overlap; ``group_id`` names the group of an ONLY region."""

    kind: RegionKind
    group_id: int | None = None


@dataclass(frozen=True)
class Comparison:
    """Who is where among two or more groups, counted."""

    groups: tuple[Group, ...]
    in_all: int
    in_any: int
    in_exactly_one: int
    only: tuple[int, ...]  # per group, in its order: in that group and in no other

    def count(self, region: Region) -> int:
        """How many customers a region holds."""
        if region.kind is RegionKind.ONLY:
            return self.only[[g.id for g in self.groups].index(region.group_id or 0)]
        return {RegionKind.ALL: self.in_all, RegionKind.ANY: self.in_any,
                RegionKind.EXACTLY_ONE: self.in_exactly_one}[region.kind]


def region_of(how: Combination, group_ids: Sequence[int]) -> Region:
    """The region whose customers a combination gives: any, all, or the first group only."""
    if how is Combination.UNION:
        return Region(RegionKind.ANY)
    if how is Combination.INTERSECTION:
        return Region(RegionKind.ALL)
    return Region(RegionKind.ONLY, group_ids[0])


def _distinct(group_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(group_ids))
    if len(ids) < 2:
        raise ValidationError("groups", tr("Choose two or more different groups to compare."))
    return ids


def _tally(ids: Sequence[int]) -> tuple[str, list[object]]:
    """Per customer of any of the groups: in how many (n), and in which (g0, g1, …)."""
    mark = db.mark()
    flags = ", ".join(f"MAX(CASE WHEN group_id = {mark} THEN 1 ELSE 0 END) AS g{i}"
                      for i in range(len(ids)))
    marks = ", ".join([mark] * len(ids))
    return (f"SELECT customer_id, COUNT(*) AS n, {flags} FROM membership "
            f"WHERE group_id IN ({marks}) GROUP BY customer_id", [*ids, *ids])


@db.reads
def compare_groups(group_ids: Sequence[int]) -> Comparison:
    """Count the customers in all, any, exactly one, and only each of the groups."""
    ids = _distinct(group_ids)
    groups = tuple(get_group(i) for i in ids)
    tally, params = _tally(ids)
    onlies = ", ".join(f"COALESCE(SUM(CASE WHEN n = 1 AND g{i} = 1 THEN 1 ELSE 0 END), 0)"
                       for i in range(len(ids)))
    row = database.execute_sql(
        f"SELECT COUNT(*), COALESCE(SUM(CASE WHEN n = {len(ids)} THEN 1 ELSE 0 END), 0), "
        f"COALESCE(SUM(CASE WHEN n = 1 THEN 1 ELSE 0 END), 0), {onlies} FROM ({tally}) t",
        params).fetchone()
    return Comparison(groups, int(row[1]), int(row[0]), int(row[2]),
                      tuple(int(v) for v in row[3:]))


def _where(region: Region, ids: Sequence[int]) -> str:
    if region.kind is RegionKind.ALL:
        return f"t.n = {len(ids)}"
    if region.kind is RegionKind.EXACTLY_ONE:
        return "t.n = 1"
    if region.kind is RegionKind.ONLY:
        if region.group_id is None or region.group_id not in ids:
            raise ValidationError("groups", tr("That group is not among those compared."))
        return f"t.n = 1 AND t.g{list(ids).index(region.group_id)} = 1"
    return "1 = 1"


@db.reads
def region_customers(group_ids: Sequence[int], region: Region) -> list[CustomerRef]:
    """The customers of one region, by code."""
    ids = _distinct(group_ids)
    tally, params = _tally(ids)
    cursor = database.execute_sql(
        f"SELECT c.id, c.code, c.name, c.active FROM ({tally}) t "
        f"JOIN customer c ON c.id = t.customer_id WHERE {_where(region, ids)} "
        "ORDER BY c.code_key", params)
    return [CustomerRef(int(cid), str(code), str(name), bool(active))
            for cid, code, name, active in cursor]


@dataclass(frozen=True)
class Combined:
    """The members a combination gives: those that can join a group, and the inactive
    customers left out (a group takes no inactive customer)."""

    how: Combination
    groups: tuple[Group, ...]
    customers: tuple[CustomerRef, ...]
    inactive: tuple[CustomerRef, ...]
    formula: str  # "CG-000012 ∩ CG-000040 on 2026-12-01", as the new group's history says


def formula(how: Combination, groups: Sequence[Group], day: date) -> str:
    """The combination written out, with the day it was worked out."""
    return f" {how.symbol} ".join(g.code for g in groups) + f" on {day.isoformat()}"


@db.reads
def combine(group_ids: Sequence[int], how: Combination) -> Combined:
    """The customers of a union, an intersection or a difference (the first group minus the
    others) of groups, as they are now."""
    ids = _distinct(group_ids)
    groups = tuple(get_group(i) for i in ids)
    found = region_customers(ids, region_of(how, ids))
    return Combined(how, groups, tuple(c for c in found if c.active),
                    tuple(c for c in found if not c.active),
                    formula(how, groups, local_time(utc_now()).date()))


def create_combined(combined: Combined, name: str, description: str, who: str,
                    how: str = "") -> Group:
    """A new group holding a combination's customers; its history names the formula, its
    membership events ``how`` it was made (else as a combination)."""
    return save_group(GroupChange(
        name=name, description=description,
        add_customer_ids=frozenset(c.id for c in combined.customers),
        member_source=MemberSource(combined.how, combined.formula), how=how), who)
