"""Bringing a data dir from an older backend up to date on start, so an update never needs the database
thrown away: columns added since the schema was first published, and the accounts made one insurer's."""

from __future__ import annotations

import sqlite3

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
    from mock_backend.insurer.exchange import TABLE  # tables added since: made where missing

    _users_per_insurer(conn, first_insurer)
    _add_missing_columns(conn)
    conn.executescript(TABLE)


# Columns added since the schema was first published: a data dir from an older backend gets them (with
# their default) on its next start, so an update never needs the database thrown away.
_ADDED_COLUMNS = {
    "policies": {"check_every_play": "INTEGER NOT NULL DEFAULT 0"},
    "providers": {"configurations": "TEXT NOT NULL DEFAULT 'front_end'"},
}


def _users_per_insurer(conn: sqlite3.Connection, first_insurer: str) -> None:
    """Accounts became one insurer's each: a user name is unique per insurer (whatever its case), so the
    same person may have the same name at two. A database from before (names unique over all, no
    insurer) is rebuilt once, SQLite's way for a changed constraint, its users given to the first."""
    made = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'").fetchone()
    if made is not None and "insurer_id" not in made["sql"]:
        conn.execute("PRAGMA foreign_keys = OFF")  # the other tables keep pointing at users(id)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(USERS.replace("CREATE TABLE users", "CREATE TABLE users_rebuilt"))
                conn.execute(
                    "INSERT INTO users_rebuilt(id, username, pw_salt, pw_hash, list_version, created_at,"
                    " insurer_id) SELECT id, username, pw_salt, pw_hash, list_version, created_at, ?"
                    " FROM users",
                    (first_insurer,),
                )
                conn.execute("DROP TABLE users")
                conn.execute("ALTER TABLE users_rebuilt RENAME TO users")
                if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.IntegrityError("the accounts' references did not survive the rebuild")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DROP INDEX IF EXISTS users_username_nocase")
    conn.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS users_name_at_insurer"
        " ON users(insurer_id, username COLLATE NOCASE)"
    )


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    for table, columns in _ADDED_COLUMNS.items():
        have = {r["name"] for r in conn.execute(f"PRAGMA table_info({table})")}
        for name, decl in columns.items():
            if name not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {decl}")
