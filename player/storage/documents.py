"""The signed documents the terminal keeps — license packages, policies, the license list — and its settings.

Each document is stored byte for byte as the insurer signed it, so it can be verified again at every use;
the keyless checks in blobs.py only make sure it is filed where its own fields say it belongs. Policies
keep their highest revision (an older one arriving late is ignored). The license list is one full list
plus the deltas on top of it; a new full list replaces the whole chain. `Store` builds on this class.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from player.errors import MalformedError, MismatchError, MissingFileError
from player.language import translate
from player.storage import blobs, layout
from player.storage.atomic import remove_durably, storage_error, write_atomic
from player.storage.index import Index
from player.storage.lock import DataDirLock
from player.storage.records import PackageRow, PolicyRow


class DocumentStore:
    def __init__(self, data_dir: Path, lock: DataDirLock, index: Index) -> None:
        self.data_dir = data_dir
        self.lock = lock
        self._index = index
        # settings.json as last read, and the file's identity then: an open reads it a dozen times
        self._settings: tuple[tuple[int, int, int], dict[str, str]] | None = None

    def _writing(self) -> contextlib.AbstractContextManager[object]:
        """The data directory lock, taken to write (`Store` refuses it while the library is read-only)."""
        return self.lock

    # --- license packages (FIG.9) ----------------------------------------------------------------

    def put_package(self, license_id: str, raw: bytes, content_id: str, policy_id: str, item_id: str) -> None:
        """Keep a license package; `MismatchError` when `raw` names other IDs than the ones given."""
        named = blobs.package_ids(raw)
        if named != (license_id, content_id, policy_id, item_id):
            raise MismatchError(
                translate("Errors", "the package names {named}, not {value3}").format(
                    named=named, value3=(license_id, content_id, policy_id, item_id)
                )
            )
        rel = layout.package_file(license_id)
        with self._writing():
            write_atomic(self.data_dir / rel, raw)
            added_at = _mtime(self.data_dir / rel)  # as a rebuild will read it back
            with self._index.transaction() as c:
                c.execute(
                    "INSERT INTO licenses (license_id, content_id, policy_id, item_id, file, added_at) "
                    "VALUES (?,?,?,?,?,?) ON CONFLICT (license_id) DO UPDATE SET "
                    "content_id = excluded.content_id, policy_id = excluded.policy_id, "
                    "item_id = excluded.item_id, file = excluded.file, added_at = excluded.added_at",
                    (license_id, content_id, policy_id, item_id, rel, added_at),
                )

    def packages(self) -> list[PackageRow]:
        rows = self._index.rows(
            "SELECT license_id, content_id, policy_id, item_id, added_at, file FROM licenses "
            "ORDER BY license_id"
        )
        return [self._package_row(r) for r in rows]

    def package(self, license_id: str) -> PackageRow | None:
        row = self._index.row(
            "SELECT license_id, content_id, policy_id, item_id, added_at, file FROM licenses "
            "WHERE license_id = ?",
            (license_id,),
        )
        return None if row is None else self._package_row(row)

    def package_bytes(self, license_id: str) -> bytes:
        """The signed package as received. `KeyError` for a license never stored here, `MissingFileError`
        when its file has been lost (a loss to report)."""
        row = self.package(license_id)
        if row is None:
            raise KeyError(license_id)
        return self._read(
            row.path,
            translate("Errors", "the license package {license_id}").format(license_id=repr(license_id)),
        )

    def forget_license(self, license_id: str) -> bool:
        """Drop a license entirely — package file and index row; the track stays. True if it was known."""
        with self._writing():
            row = self.package(license_id)
            with self._index.transaction() as c:
                c.execute("DELETE FROM licenses WHERE license_id = ?", (license_id,))
            removed = remove_durably(self.data_dir / layout.package_file(license_id))
        return row is not None or removed

    def _package_row(self, r: tuple[str, str, str, str, int, str]) -> PackageRow:
        added = datetime.fromtimestamp(r[4], UTC)
        return PackageRow(r[0], r[1], r[2], r[3], added, self.data_dir / r[5])

    # --- policies (FIG.6B) -----------------------------------------------------------------------

    def put_policy(self, policy_id: str, raw: bytes, revision: int) -> bool:
        """Keep the policy if it is newer than the one held; False (and nothing written) otherwise."""
        named = blobs.policy_revision(raw)
        if named != (policy_id, revision):
            raise MismatchError(
                translate("Errors", "the policy names {named}, not {value3}").format(
                    named=named, value3=(policy_id, revision)
                )
            )
        rel = layout.policy_file(policy_id)
        with self._writing():
            held = self._index.row("SELECT revision FROM policies WHERE policy_id = ?", (policy_id,))
            if held is not None and held[0] >= revision:
                return False
            write_atomic(self.data_dir / rel, raw)
            with self._index.transaction() as c:
                c.execute(
                    "INSERT OR REPLACE INTO policies (policy_id, revision, file) VALUES (?,?,?)",
                    (policy_id, revision, rel),
                )
        return True

    def policies(self) -> list[PolicyRow]:
        rows = self._index.rows("SELECT policy_id, revision, file FROM policies ORDER BY policy_id")
        return [PolicyRow(pid, revision, self.data_dir / rel) for pid, revision, rel in rows]

    def policy_bytes(self, policy_id: str) -> bytes:
        """`KeyError` for an unknown policy, `MissingFileError` when its file has been lost."""
        row = self._index.row("SELECT file FROM policies WHERE policy_id = ?", (policy_id,))
        if row is None:
            raise KeyError(policy_id)
        return self._read(self.data_dir / row[0], f"the policy {policy_id!r}")

    # --- the license list (FIG.7) ----------------------------------------------------------------

    def put_license_list(self, full: bytes) -> None:
        """Replace the chain with a new full list. The full list is written first and the deltas removed
        after, so a crash in between leaves stale deltas that `license_list_chain` skips, never a chain
        that goes back to an older list."""
        _, base = blobs.list_version(full)
        if base is not None:
            raise MalformedError(translate("Errors", "a delta was offered as the full license list"))
        with self._writing():
            write_atomic(self.data_dir / layout.FULL_LIST, full)
            for _, path in self._deltas():
                remove_durably(path)

    def append_list_delta(self, delta: bytes, version: int) -> bool:
        """Add a delta on top of the chain; False when it is no newer than the full list held."""
        named, base = blobs.list_version(delta)
        if base is None or named != version:
            raise MismatchError(
                translate(
                    "Errors", "expected a delta to version {version}, got version {named} (base {base})"
                ).format(version=version, named=named, base=base)
            )
        with self._writing():
            chain = self._full_version()
            if chain is None:
                raise MissingFileError(
                    translate(
                        "Errors", "a license-list delta needs the full list it builds on: fetch it first"
                    )
                )
            if version <= chain:
                return False
            write_atomic(self.data_dir / layout.delta_file(version), delta)
        return True

    def license_list_chain(self) -> tuple[bytes, list[bytes]] | None:
        """The full list and, in version order, the deltas newer than it; None before any list arrived.
        Verifying and folding them (`apply_delta`) is the license decision's job."""
        full_path = self.data_dir / layout.FULL_LIST
        try:
            full = full_path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            raise storage_error(e, full_path, "read") from e
        version = blobs.stored_list_version(full)
        deltas = [
            self._read(p, translate("Errors", "a license-list delta"))
            for v, p in self._deltas()
            if v > version
        ]
        return full, deltas

    def _full_version(self) -> int | None:
        with contextlib.suppress(FileNotFoundError):
            return blobs.stored_list_version((self.data_dir / layout.FULL_LIST).read_bytes())
        return None

    def _deltas(self) -> list[tuple[int, Path]]:
        found = []
        directory = self.data_dir / layout.LISTS
        try:
            with os.scandir(directory) as it:
                for e in it:
                    version = layout.delta_version(e.name)
                    if version is not None:
                        found.append((version, Path(e.path)))
        except FileNotFoundError:
            return []
        except OSError as e:
            raise storage_error(e, directory, "list") from e
        return sorted(found)

    # --- receipts (claim 30) ---------------------------------------------------------------------

    def put_receipt(self, receipt_id: str, raw: bytes) -> None:
        """Keep a signed receipt (verified by the caller); `MismatchError` when it names another ID."""
        named = blobs.receipt_id(raw)
        if named != receipt_id:
            raise MismatchError(
                translate("Errors", "the receipt names {named}, not {receipt_id}").format(
                    named=repr(named), receipt_id=repr(receipt_id)
                )
            )
        directory = self.data_dir / layout.RECEIPTS
        with self._writing():
            try:
                directory.mkdir(mode=0o700, exist_ok=True)
            except OSError as e:
                raise storage_error(e, directory, "create") from e
            write_atomic(self.data_dir / layout.receipt_file(receipt_id), raw)

    def receipt_ids(self) -> list[str]:
        """The IDs of the receipts kept here, in the order they were kept (receipts of one second keep the
        insurer's order that way), as each file says (a file not naming one is skipped)."""
        directory = self.data_dir / layout.RECEIPTS
        try:
            paths = sorted(directory.glob("*.json"), key=lambda p: (p.stat().st_mtime_ns, p.name))
        except FileNotFoundError:
            return []
        except OSError as e:
            raise storage_error(e, directory, "list") from e
        found = []
        for path in paths:
            try:
                named = blobs.receipt_id(path.read_bytes())
            except (OSError, MalformedError):
                continue
            if path.name == layout.receipt_file(named).removeprefix(f"{layout.RECEIPTS}/"):
                found.append(named)
        return found

    def receipt_bytes(self, receipt_id: str) -> bytes:
        return self._read(self.data_dir / layout.receipt_file(receipt_id), f"the receipt {receipt_id!r}")

    def holds(self, content_or_license_id: str) -> bool:
        """Whether a license of this ID, or for this content, is in the library."""
        sql = "SELECT 1 FROM licenses WHERE license_id = ? OR content_id = ? LIMIT 1"
        return bool(self._index.rows(sql, (content_or_license_id, content_or_license_id)))

    # --- the terminal's settings -----------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        """All settings. A damaged settings file is moved aside and counts as empty: it only holds what
        signing in again restores (server URL, user ID, user name, the insurer key shown to the user)."""
        path = self.data_dir / layout.SETTINGS_NAME
        try:
            st = path.stat()
        except OSError:
            return {}
        # Every write replaces the file (a new inode), so one `stat` tells whether what was read last is
        # still what is there, whoever wrote since: another process's write is seen as well.
        seen = (st.st_ino, st.st_mtime_ns, st.st_size)
        if self._settings is not None and self._settings[0] == seen:
            return dict(self._settings[1])
        try:
            obj = json.loads(path.read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                path.replace(path.with_name(f"{path.name}.broken-{int(time.time())}"))
            return {}
        if not isinstance(obj, dict):
            return {}
        settings = {k: v for k, v in obj.items() if isinstance(k, str) and isinstance(v, str)}
        self._settings = (seen, settings)
        return dict(settings)

    def setting(self, key: str) -> str | None:
        return self.settings().get(key)

    def set_setting(self, key: str, value: str | None) -> None:
        """Set (or, with None, remove) one setting. Never put a secret here: secrets go to the keyring.
        Setting what is already there writes nothing (so a read-only library still connects)."""
        if self.settings().get(key) == value:
            return
        with self._writing():
            current = self.settings()
            if value is None:
                current.pop(key, None)
            else:
                current[key] = value
            data = json.dumps(current, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")
            write_atomic(self.data_dir / layout.SETTINGS_NAME, data)

    def _read(self, path: Path, what: str) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError as e:
            raise MissingFileError(
                translate("Errors", "{what} is missing from the library ({path})").format(
                    what=what, path=path
                )
            ) from e
        except OSError as e:
            raise storage_error(e, path, "read") from e


def _mtime(path: Path) -> int:
    try:
        return int(path.stat().st_mtime)
    except OSError:
        return int(time.time())
