"""A team's server: set up with roles, readers cannot write, editors cannot upgrade, the history
records the login, and clerks' copies only check a schema that is behind."""

from __future__ import annotations

import pytest

from custgroups import cli
from custgroups.core import db, groups, history
from custgroups.core.db import team
from custgroups.core.errors import DatabaseError
from custgroups.core.groups import GroupChange
from custgroups.core.models import SchemaInfo, database
from tests import team_helpers
from tests.conftest import _pg_admin
from tests.team_helpers import Team, set_up_team

pytestmark = pytest.mark.postgres

# Fixtures, found by pytest under these names.
roles = team_helpers.roles
set_up = team_helpers.set_up


def test_an_editor_changes_groups_and_the_history_records_the_login(set_up: Team) -> None:
    suffix = set_up.owner.rsplit("_", 1)[1]
    editor = set_up.login(f"ana_{suffix}", set_up.editors)
    db.open_database(editor)
    assert (db.info().login, db.info().can_edit) == (f"ana_{suffix}", True)
    group = groups.save_group(GroupChange(name="Retail"), "someone else")
    assert group.created_by == group.updated_by == f"ana_{suffix}"
    assert {event.by for event in history.group_history(group.id)} == {f"ana_{suffix}"}


def test_a_reader_browses_but_cannot_write(set_up: Team,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    suffix = set_up.owner.rsplit("_", 1)[1]
    db.open_database(set_up.admin_url)
    groups.save_group(GroupChange(name="Retail"), "admin")
    db.close_database()
    reader = set_up.login(f"rita_{suffix}", set_up.readers)
    db.open_database(reader)
    assert (db.info().login, db.info().can_edit) == (f"rita_{suffix}", False)
    assert groups.count_groups() == 1
    with pytest.raises(DatabaseError):
        groups.save_group(GroupChange(name="Wholesale"), "rita")
    db.close_database()
    assert cli.main(["--database", reader, "info"]) == cli.EXIT_OK
    assert "browse and export only" in capsys.readouterr().out
    assert cli.main(["--database", reader, "create-group", "--name", "Mine"]) == cli.EXIT_FAILED
    db.open_database(set_up.admin_url)
    assert groups.count_groups() == 1


def test_an_editor_cannot_upgrade_and_a_copy_only_checks_a_schema_behind(
        set_up: Team, capsys: pytest.CaptureFixture[str]) -> None:
    suffix = set_up.owner.rsplit("_", 1)[1]
    editor = set_up.login(f"ana_{suffix}", set_up.editors)
    db.open_database(set_up.admin_url)
    SchemaInfo.update(value="2").where(SchemaInfo.key == "schema_version").execute()
    db.close_database()

    with pytest.raises(DatabaseError, match="needs an upgrade by your administrator"):
        db.open_database(editor)
    assert cli.main(["migrate", editor]) == cli.EXIT_FAILED
    assert f"Only {set_up.owner}, or a login that is a member of it" in capsys.readouterr().err

    # The administrator (a superuser, so a member of every role) upgrades as the owner.
    assert cli.main(["migrate", set_up.admin_url]) == cli.EXIT_OK
    assert "upgraded from schema 2" in capsys.readouterr().out
    db.open_database(editor)
    assert db.info().can_edit
    owner = database.execute_sql(
        "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'customer_group'").fetchone()[0]
    assert owner == set_up.owner


def test_an_editor_loads_customers_in_bulk_without_owning_the_tables(
        set_up: Team, caplog: pytest.LogCaptureFixture) -> None:
    """After a bulk load the tables are analysed and the search indexes' pending entries
    merged where the login owns them; an editor's indexes are passed over, not tried and
    refused."""
    from custgroups.core.customers import CustomerInput, count_customers, upsert_customers

    suffix = set_up.owner.rsplit("_", 1)[1]
    db.open_database(set_up.login(f"ana_{suffix}", set_up.editors))
    upsert_customers(CustomerInput(f"N{i:05d}", f"New {i}") for i in range(db.BULK_ROWS))
    assert count_customers() == db.BULK_ROWS
    assert "were not brought up to date" not in caplog.text


def test_a_bulk_load_stands_when_the_tidying_after_it_fails(
        set_up: Team, caplog: pytest.LogCaptureFixture) -> None:
    """The load is committed before the server is told of it: a server that refuses the
    merge of pending index entries (here, its administrator took the right to run it away)
    gets a warning in the log, and the clerk a load that worked, as it did."""
    from custgroups.core.customers import CustomerInput, count_customers, upsert_customers

    suffix = set_up.owner.rsplit("_", 1)[1]
    function = "gin_clean_pending_list(regclass)"
    _pg_admin(set_up.admin_url, f"REVOKE EXECUTE ON FUNCTION {function} FROM PUBLIC")
    try:
        db.open_database(set_up.login(f"olga_{suffix}", set_up.owner))
        upsert_customers(CustomerInput(f"N{i:05d}", f"New {i}") for i in range(db.BULK_ROWS))
        assert count_customers() == db.BULK_ROWS
        assert "permission denied for function gin_clean_pending_list" in caplog.text
        upsert_customers([CustomerInput("N99999", "One more")])  # the connection still works
        assert count_customers() == db.BULK_ROWS + 1
    finally:
        _pg_admin(set_up.admin_url, f"GRANT EXECUTE ON FUNCTION {function} TO PUBLIC")


def test_an_editor_cannot_change_the_schema_facts(set_up: Team) -> None:
    suffix = set_up.owner.rsplit("_", 1)[1]
    db.open_database(set_up.login(f"ana_{suffix}", set_up.editors))
    with pytest.raises(Exception, match="permission denied"):
        SchemaInfo.update(value="9").where(SchemaInfo.key == "schema_version").execute()


def test_setting_up_again_changes_nothing_that_is_right(set_up: Team) -> None:
    db.open_database(set_up.admin_url)
    groups.save_group(GroupChange(name="Retail"), "admin")
    db.close_database()
    assert set_up_team(set_up) == cli.EXIT_OK
    db.open_database(set_up.admin_url)
    assert groups.count_groups() == 1
    assert team.recorded_owner() == set_up.owner


def test_the_printed_script_then_migrate_gives_the_same_server(
        roles: Team, capsys: pytest.CaptureFixture[str]) -> None:
    assert set_up_team(roles, "--print-sql") == cli.EXIT_OK
    script = capsys.readouterr().out
    statements = [line for line in script.splitlines()
                  if line and not line.startswith("--") and line not in ("BEGIN;", "COMMIT;")]
    for statement in statements:
        _pg_admin(roles.admin_url, statement)
    assert cli.main(["migrate", roles.admin_url, "--owner", roles.owner]) == cli.EXIT_OK
    suffix = roles.owner.rsplit("_", 1)[1]
    db.open_database(roles.login(f"ana_{suffix}", roles.editors))
    assert db.info().can_edit
    assert groups.save_group(GroupChange(name="Retail"), "ana").code == "CG-000001"


def test_a_plain_login_on_an_empty_server_is_told_who_sets_it_up(roles: Team) -> None:
    suffix = roles.owner.rsplit("_", 1)[1]
    _pg_admin(roles.admin_url, f'CREATE ROLE "plain_{suffix}" LOGIN')
    schema = team.schema_of(roles.admin_url)
    _pg_admin(roles.admin_url, f'GRANT USAGE ON SCHEMA "{schema}" TO "plain_{suffix}"')
    with pytest.raises(DatabaseError, match="not set up for custgroups yet.*server-setup"):
        db.open_database(roles.as_login(f"plain_{suffix}"))


def test_a_member_of_the_owner_upgrades_and_what_is_made_belongs_to_the_owner(
        set_up: Team, capsys: pytest.CaptureFixture[str]) -> None:
    suffix = set_up.owner.rsplit("_", 1)[1]
    admin = set_up.login(f"it_{suffix}", set_up.owner)  # GRANT cg_owner TO it_admin
    db.open_database(set_up.admin_url)
    SchemaInfo.update(value="2").where(SchemaInfo.key == "schema_version").execute()
    database.execute_sql("DROP TRIGGER group_notify ON customer_group")
    db.close_database()
    assert cli.main(["migrate", admin]) == cli.EXIT_OK
    assert "upgraded from schema 2" in capsys.readouterr().out
    db.open_database(admin)
    assert database.execute_sql(
        "SELECT tgname FROM pg_trigger WHERE tgname = 'group_notify' "
        "AND tgrelid = 'customer_group'::regclass").fetchone() is not None
    assert database.execute_sql(
        "SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'custgroups_notify_change' "
        "AND pronamespace = current_schema()::regnamespace").fetchone()[0] == set_up.owner
