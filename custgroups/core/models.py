"""Peewee models: customers, groups, memberships, history, bound to one proxy."""

from __future__ import annotations

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from custgroups.core.codes import CUSTOMER_CODE_MAX, GROUP_CODE_MAX

database = DatabaseProxy()


class BaseModel(Model):
    """Binds every model to the proxy that :func:`custgroups.core.db.open_database` fills."""

    class Meta:
        database = database
        legacy_table_names = False


class SchemaInfo(BaseModel):
    """Key/value facts about the database itself, such as its schema version."""

    key = CharField(max_length=50, primary_key=True)
    value = TextField()


class Counter(BaseModel):
    """Named counters, such as the number behind the next ``CG-000001`` code."""

    name = CharField(max_length=50, primary_key=True)
    value = IntegerField(default=0)


class Customer(BaseModel):
    """A customer as the ERP knows it; ``code_key`` makes the code unique case-insensitively.

    Keys are unbounded text: case folding and accent stripping can lengthen a value
    ("ß" becomes "ss"), and a key must never fail where its source fits.
    """

    id = AutoField()

    code = CharField(max_length=CUSTOMER_CODE_MAX)
    code_key = TextField(unique=True)
    name = CharField(max_length=200)
    name_key = TextField(index=True)
    email = CharField(max_length=200, default="")
    phone = CharField(max_length=50, default="")
    city = CharField(max_length=100, default="")
    country = CharField(max_length=100, default="")
    active = BooleanField(default=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()


class CustomerGroup(BaseModel):
    """A named set of customers; ``version`` guards against lost concurrent edits."""

    id = AutoField()

    code = CharField(max_length=GROUP_CODE_MAX)
    code_key = TextField(unique=True)
    name = CharField(max_length=100)
    name_key = TextField(unique=True)
    description = CharField(max_length=500, default="")
    description_key = TextField(default="")
    active = BooleanField(default=True)
    member_count = IntegerField(default=0)
    version = IntegerField(default=1)
    created_at = DateTimeField()
    created_by = CharField(max_length=100)
    updated_at = DateTimeField()
    updated_by = CharField(max_length=100)

    class Meta:
        indexes = (
            (("member_count", "id"), False),
            (("updated_at", "id"), False),
            (("active", "id"), False),
        )


class Membership(BaseModel):
    """One customer in one group (the explicit many-to-many through table)."""

    group = ForeignKeyField(CustomerGroup, column_name="group_id", on_delete="RESTRICT",
                            index=False)
    customer = ForeignKeyField(Customer, column_name="customer_id", on_delete="RESTRICT",
                               index=False)

    class Meta:
        primary_key = CompositeKey("group", "customer")
        indexes = ((("customer", "group"), False),)


class HistoryEvent(BaseModel):
    """One change to a group: who, when, what, and the customer codes involved."""

    id = AutoField()

    group = ForeignKeyField(CustomerGroup, column_name="group_id", on_delete="RESTRICT",
                            index=False)
    at = DateTimeField()
    by = CharField(max_length=100)
    kind = CharField(max_length=30)
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    count = IntegerField(default=0)
    codes = TextField(default="")
    #: Why, in the clerk's words, when they gave a reason on Save. The database's own default
    #: serves the statements that write history as SQL text (the sample data).
    reason = TextField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        indexes = ((("group", "at"), False),)


class MembershipEvent(BaseModel):
    """One customer added to or removed from one group: when, by whom, how and why.

    ``how`` is where the change came from (see :mod:`custgroups.core.events`); ``source`` names
    it (a file, a formula of groups, another group's code); ``reason`` is the clerk's, if any.
    """

    id = AutoField()

    group = ForeignKeyField(CustomerGroup, column_name="group_id", on_delete="RESTRICT",
                            index=False)
    customer = ForeignKeyField(Customer, column_name="customer_id", on_delete="RESTRICT",
                               index=False)
    added = BooleanField()
    at = DateTimeField()
    by = CharField(max_length=100)
    how = CharField(max_length=30)
    source = TextField(default="")
    reason = TextField(default="")

    class Meta:
        indexes = (
            (("group", "customer", "at"), False),
            (("customer", "at"), False),
            (("at", "id"), False),
        )


ALL_MODELS: tuple[type[BaseModel], ...] = (
    SchemaInfo,
    Counter,
    Customer,
    CustomerGroup,
    Membership,
    HistoryEvent,
    MembershipEvent,
)
