"""Bringing a data dir from an older backend up to date on start, so an update never needs the database
thrown away: columns added since the schema was first published, the accounts made one insurer's, and the
tables of the insurers' exchange."""

from __future__ import annotations

import sqlite3

from mock_backend.exchange import schema as exchange_schema

# The accounts' table as it is now (db.SCHEMA makes it so on a fresh database): a rebuild copies into it.
USERS = """CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    pw_salt BLOB NOT NULL,
    pw_hash BLOB NOT NULL,
    list_version INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    insurer_id TEXT NOT NULL DEFAULT '',
    pseudonym TEXT NOT NULL DEFAULT ''
)"""


def update(conn: sqlite3.Connection, first_insurer: str) -> None:
    _users_per_insurer(conn, first_insurer)
    _add_missing_columns(conn)
    _claims_resend(conn)
    _set_aside_one_table(conn)
    conn.executescript(exchange_schema.SCHEMA)  # the tables of the insurers' exchange, where missing
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'shared_records_first'").fetchone():
        _records_per_holder(conn)  # also after a start that died between the two steps


# Columns added since the schema was first published: a data dir from an older backend gets them (with
# their default) on its next start, so an update never needs the database thrown away.
_ADDED_COLUMNS = {
    "providers": {"configurations": "TEXT NOT NULL DEFAULT 'front_end'"},
    "items": {"purchase": "TEXT NOT NULL DEFAULT ''", "contents_version": "INTEGER NOT NULL DEFAULT 0"},
    "policies": {
        "check_every_play": "INTEGER NOT NULL DEFAULT 0",
        "coverage": "TEXT NOT NULL DEFAULT 'full'",
    },
}


def _users_per_insurer(conn: sqlite3.Connection, first_insurer: str) -> None:
    """Accounts became one insurer's each: a user name is unique per insurer (whatever its case), so the
    same person may have the same name at two. A database from before (names unique over all, no
    insurer) is rebuilt once, SQLite's way for a changed constraint, its users given to the first."""
    made = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'").fetchone()
    if made is not None and "insurer_id" not in made["sql"]:
        _rebuild(
            conn,
            "users",
            USERS,
            "INSERT INTO users_rebuilt(id, username, pw_salt, pw_hash, list_version, created_at,"
            " insurer_id) SELECT id, username, pw_salt, pw_hash, list_version, created_at, ? FROM users",
            (first_insurer,),
        )
    conn.execute("DROP INDEX IF EXISTS users_username_nocase")
    conn.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS users_name_at_insurer"
        " ON users(insurer_id, username COLLATE NOCASE)"
    )


def _claims_resend(conn: sqlite3.Connection) -> None:
    """A claimed track may now be `resent` (claim 32: the audio alone, under a contents-only policy); the
    outcome's CHECK of a database from before does not allow it, so the table is rebuilt from its own
    definition with the outcome added."""
    made = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claim_items'"
    ).fetchone()
    if made is not None and "'resent'" not in made["sql"]:
        widened = made["sql"].replace("'chosen')", "'chosen', 'resent')")
        _rebuild(conn, "claim_items", widened, "INSERT INTO claim_items_rebuilt SELECT * FROM claim_items")


def _rebuild(
    conn: sqlite3.Connection, table: str, create: str, copy: str, params: tuple[object, ...] = ()
) -> None:
    """SQLite's way for a changed constraint: a new table made by `create` (its name suffixed
    `_rebuilt` here), filled by `copy`, put in the old one's place, in one transaction, the references
    of the other tables checked before it commits."""
    conn.execute("PRAGMA foreign_keys = OFF")  # the other tables keep pointing at the table by name
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(create.replace(f"CREATE TABLE {table}", f"CREATE TABLE {table}_rebuilt", 1))
            conn.execute(copy, params)
            conn.execute(f"DROP TABLE {table}")
            conn.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.IntegrityError(f"the references to {table} did not survive the rebuild")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _set_aside_one_table(conn: sqlite3.Connection) -> None:
    """The first shared history kept one table for every insurer of the process, without saying whose
    copy a row is; it is set aside, to be copied into the table of copies per insurer."""
    have = {r["name"] for r in conn.execute("PRAGMA table_info(shared_records)")}
    if have and "holder" not in have:
        conn.execute("ALTER TABLE shared_records RENAME TO shared_records_first")


def _records_per_holder(conn: sqlite3.Connection) -> None:
    """Every insurer that wrote in the first table read all of it: each gets its copy of every record."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "INSERT OR IGNORE INTO shared_records(holder, writer, record_id, doc, pseudonym, purchase,"
            " issued, content_id, kind, amount, at, received_at)"
            " SELECT h.writer, r.writer, r.record_id, r.doc, r.pseudonym, r.purchase, '', r.content_id,"
            " r.kind, r.amount, r.at, r.at"
            " FROM (SELECT DISTINCT writer FROM shared_records_first) h, shared_records_first r"
            " ORDER BY r.rowid"
        )
        conn.execute("DROP TABLE shared_records_first")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    for table, columns in _ADDED_COLUMNS.items():
        have = {r["name"] for r in conn.execute(f"PRAGMA table_info({table})")}
        for name, decl in columns.items():
            if name not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {decl}")
