"""Realistic sample data: customers, groups and memberships for trying the app and benchmarks."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from custgroups.core import db
from custgroups.core.clock import utc_now
from custgroups.core.codes import customer_code_key, format_group_code, group_code_key
from custgroups.core.db.backfill import since_creation
from custgroups.core.errors import ValidationError, tr
from custgroups.core.groups import number_groups_from
from custgroups.core.history import HistoryKind
from custgroups.core.models import Customer, CustomerGroup, database
from custgroups.core.progress import ProgressFn, no_progress
from custgroups.core.text import fold, search_fold

FIRST_NAMES = (
    "Anna", "Ben", "Chloé", "David", "Emma", "Farid", "Greta", "Hiroshi", "Ingrid", "José",
    "Karin", "Liam", "María", "Nils", "Olivia", "Pål", "Quentin", "Rosa", "Søren", "Tomasz",
    "Ursula", "Vikram", "Wen", "Ximena", "Yusuf", "Zoë", "Aiko", "Björn", "Carmen", "Dmitri",
    "Elena", "François", "Gustav", "Hanna", "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Noor",
)
LAST_NAMES = (
    "Andersen", "Becker", "Castillo", "Dubois", "Eriksson", "Fischer", "García", "Hansen",
    "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Müller", "Novak", "O'Brien", "Petersen",
    "Quinn", "Rossi", "Schmidt", "Tanaka", "Ueda", "Van Dijk", "Weber", "Xu", "Yilmaz",
    "Zimmermann", "Nakamura", "Okafor", "Silva", "Haugen", "Björklund", "Łukasik",
)
COMPANY_WORDS = (
    "Nordic", "Atlas", "Blue River", "Summit", "Harbour", "Evergreen", "Granite", "Pioneer",
    "Silverline", "Oak & Iron", "Meridian", "Fjord", "Alpine", "Coastal", "Crown", "Delta",
    "Falcon", "Golden Gate", "Horizon", "Keystone", "Lakeside", "Maple", "Northwind", "Orion",
)
COMPANY_TRADES = (
    "Timber", "Foods", "Logistics", "Hardware", "Textiles", "Pharma", "Electrics", "Dairy",
    "Motors", "Garden Supply", "Office Supply", "Seafood", "Building Materials", "Wines",
    "Paper", "Tools", "Outdoor", "Bakery", "Fashion", "Medical",
)
COMPANY_FORMS = ("AS", "AB", "GmbH", "Ltd", "Inc.", "S.A.", "B.V.", "Oy", "ApS", "LLC", "")
CITIES = (
    ("Oslo", "Norway"), ("Bergen", "Norway"), ("Stockholm", "Sweden"), ("Göteborg", "Sweden"),
    ("København", "Denmark"), ("Aarhus", "Denmark"), ("Helsinki", "Finland"),
    ("Hamburg", "Germany"), ("München", "Germany"), ("Berlin", "Germany"),
    ("Amsterdam", "Netherlands"), ("Rotterdam", "Netherlands"), ("Paris", "France"),
    ("Lyon", "France"), ("Madrid", "Spain"), ("Sevilla", "Spain"), ("Milano", "Italy"),
    ("Roma", "Italy"), ("Warszawa", "Poland"), ("Kraków", "Poland"), ("London", "United Kingdom"),
    ("Manchester", "United Kingdom"), ("Dublin", "Ireland"), ("Lisboa", "Portugal"),
    ("Wien", "Austria"), ("Zürich", "Switzerland"), ("Praha", "Czechia"),
    ("New York", "United States"), ("Chicago", "United States"), ("Toronto", "Canada"),
    ("Tokyo", "Japan"), ("São Paulo", "Brazil"),
)
SEGMENTS = (
    "Retail Customers", "Wholesale Customers", "Regional Clients", "Preferred Partners",
    "Corporate Clients", "Regional Distributors", "Key Accounts", "Reservation list",
    "Seasonal Buyers", "Export Customers", "Public Sector", "Online Shops", "Franchisees",
    "Trade Fair Leads", "Credit Watch", "Loyalty Gold", "Loyalty Silver", "New Accounts",
    "Price Tier A", "Price Tier B", "Price Tier C", "Pilot Programme", "Direct Debit",
)
REGIONS = (
    "North", "South", "East", "West", "Central", "Nordics", "Benelux", "DACH", "Iberia",
    "Baltics", "UK & Ireland", "Alps", "Coastal", "Metro",
)
QUALIFIERS = ("", "2024", "2025", "2026", "Q1", "Q2", "Q3", "Q4", "Spring", "Autumn", "pilot")
DESCRIPTIONS = (
    "Customers who receive {segment} pricing in the {region} region.",
    "Reserve inventory for these customers ahead of the {qualifier} campaign.",
    "Reporting group for {region}; reviewed monthly by the sales office.",
    "{Segment} with agreed payment terms of 30 days.",
    "Accounts handled by the {region} field team.",
    "",
)


@dataclass(frozen=True)
class DemoResult:
    """What the demo generator wrote."""

    customers: int
    groups: int
    memberships: int


@db.writes
def generate_demo(customers: int, groups: int, members_per_customer: float = 3.0,
                  seed: int = 2026, who: str = "demo", progress: ProgressFn = no_progress
                  ) -> DemoResult:
    """Fill an empty database with sample customers, groups and memberships, in one transaction."""
    if customers < 0 or groups < 0 or members_per_customer < 0:
        raise ValidationError("demo", tr("Sizes must be zero or more."))
    if groups == 0 and customers and members_per_customer:
        members_per_customer = 0
    rng = random.Random(seed)
    now = utc_now()
    steps = 4
    with db.transaction():
        if db.is_postgres():
            # Nobody may add rows meanwhile: the ids read back below must all be ours.
            database.execute_sql("LOCK TABLE customer, customer_group IN SHARE ROW EXCLUSIVE MODE")
        existing_customers = Customer.select().count()
        existing_groups = CustomerGroup.select().count()
        if existing_customers or existing_groups:
            raise ValidationError("demo", tr(
                "This database is not empty (customers: {customers}; groups: {groups}); demo "
                "data goes only into an empty database (name a new file with --database).",
                customers=existing_customers, groups=existing_groups))
        customer_rows = list(_customers(rng, customers, now))
        db.insert_rows("customer", ("code", "code_key", "name", "name_key", "email", "phone",
                                    "city", "country", "active", "created_at", "updated_at"),
                       customer_rows)
        progress(1, steps)
        ids: list[int] = db.first_column(Customer.select(Customer.id).order_by(Customer.id))
        codes = {cid: row[0] for cid, row in zip(ids, customer_rows, strict=True)}

        members = _memberships(rng, ids, groups, members_per_customer)
        progress(2, steps)
        group_rows, created = _groups(rng, groups, members, now, who)
        db.insert_rows("customer_group", ("code", "code_key", "name", "name_key", "description",
                                          "description_key", "active", "member_count",
                                          "version", "created_at", "created_by", "updated_at",
                                          "updated_by"),
                       group_rows)
        group_ids: list[int] = db.first_column(
            CustomerGroup.select(CustomerGroup.id).order_by(CustomerGroup.id))
        number_groups_from(groups)
        with _indexes_made_after("membership", "membership_event"):
            db.insert_rows("membership", ("group_id", "customer_id"),
                           ((group_ids[g], cid) for g, cids in enumerate(members)
                            for cid in cids))
            progress(3, steps)
            db.insert_rows("history_event", ("group_id", "at", "by", "kind", "old_value",
                                             "new_value", "count", "codes"),
                           _history(group_ids, group_rows, members, codes, created, who))
            since_creation(database)  # every member joined with its group
        progress(4, steps)
    db.refresh_statistics("customer", "customer_group", "membership", "history_event")
    return DemoResult(customers, groups, sum(len(m) for m in members))


@contextmanager
def _indexes_made_after(*tables: str) -> Iterator[None]:
    """On SQLite, the tables' own indexes are dropped for the load and made again after it,
    in the same transaction: an index made over the rows at once is several times quicker
    than one kept up row by row (two million membership events: 23 s, against 10 s)."""
    if db.is_postgres():
        yield
        return
    marks = ", ".join("?" for _ in tables)
    indexes = database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})", list(tables)).fetchall()
    for name, _sql in indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        database.execute_sql(sql)


def _customers(rng: random.Random, count: int, now: datetime) -> Iterable[tuple[Any, ...]]:
    width = max(6, len(str(count)))
    for n in range(1, count + 1):
        city, country = rng.choice(CITIES)
        if rng.random() < 0.55:
            name = " ".join(part for part in (
                rng.choice(COMPANY_WORDS), rng.choice(COMPANY_TRADES), rng.choice(COMPANY_FORMS)
            ) if part)
            domain = search_fold(name.split()[0]).replace("&", "and").replace("'", "")
            email = f"orders@{domain}{n}.example"
        else:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            name = f"{first} {last}"
            local = search_fold(f"{first}.{last}").replace(" ", "").replace("'", "")
            email = f"{local}{n}@mail.example"
        code = f"C{n:0{width}d}"
        created = db.stored_time(now - timedelta(days=rng.randint(30, 2000),
                                                 seconds=rng.randint(0, 86399)))
        phone = f"+{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(10000, 99999)}"
        yield (code, customer_code_key(code), name, search_fold(name), email, phone, city,
               country, rng.random() > 0.08, created, created)


def _memberships(rng: random.Random, customer_ids: Sequence[int], groups: int,
                 per_customer: float) -> list[list[int]]:
    """Customer ids per group; a few large groups and many small ones, as in real life."""
    members: list[list[int]] = [[] for _ in range(groups)]
    if not groups or not customer_ids or per_customer <= 0:
        return members
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(groups)]
    rng.shuffle(weights)
    cumulative: list[float] = []
    acc = 0.0
    for w in weights:
        acc += w
        cumulative.append(acc)
    whole, fraction = int(per_customer), per_customer - int(per_customer)
    population = range(groups)
    for cid in customer_ids:
        k = min(groups, whole + (1 if rng.random() < fraction else 0))
        if not k:
            continue
        chosen = set(rng.choices(population, cum_weights=cumulative, k=k))
        while len(chosen) < k:
            chosen.update(rng.choices(population, cum_weights=cumulative, k=k - len(chosen)))
        for g in chosen:
            members[g].append(cid)
    return members


def _groups(rng: random.Random, count: int, members: Sequence[Sequence[int]], now: datetime,
            who: str) -> tuple[list[tuple[Any, ...]], list[datetime]]:
    rows: list[tuple[Any, ...]] = []
    created_list: list[datetime] = []
    used: set[str] = set()
    for n in range(1, count + 1):
        segment, region, qualifier = (rng.choice(SEGMENTS), rng.choice(REGIONS),
                                      rng.choice(QUALIFIERS))
        base = " ".join(p for p in (f"{region} –", segment, qualifier) if p)
        if n <= len(SEGMENTS):
            base = SEGMENTS[n - 1]
        name, suffix = base, 2
        while fold(name) in used:
            name, suffix = f"{base} ({suffix})", suffix + 1
        used.add(fold(name))
        description = rng.choice(DESCRIPTIONS).format(
            segment=segment.lower(), Segment=segment, region=region,
            qualifier=qualifier or "next")
        created = now - timedelta(days=rng.randint(1, 1000), seconds=rng.randint(0, 86399))
        updated = min(now, created + timedelta(days=rng.randint(0, 200)))
        code = format_group_code(n)
        rows.append((code, group_code_key(code), name, fold(name), description, fold(description),
                     rng.random() > 0.15, len(members[n - 1]), 1, db.stored_time(created), who,
                     db.stored_time(updated), who))
        created_list.append(created)
    return rows, created_list


def _history(group_ids: Sequence[int], group_rows: Sequence[tuple[Any, ...]],
             members: Sequence[Sequence[int]], codes: dict[int, str],
             created: Sequence[datetime], who: str) -> Iterable[tuple[Any, ...]]:
    for gid, row, cids, at in zip(group_ids, group_rows, members, created, strict=True):
        yield (gid, db.stored_time(at), who, HistoryKind.CREATED.value, None, row[2], 0, "")
        if cids:
            added = sorted(codes[c] for c in cids)
            yield (gid, db.stored_time(at), who, HistoryKind.MEMBERS_ADDED.value, None, None,
                   len(added), "\n".join(added))
        if not row[6]:
            yield (gid, row[11], who, HistoryKind.DEACTIVATED.value, None, None, 0, "")

