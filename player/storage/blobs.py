"""Keyless checks on the files the store keeps: enough to file them, never enough to trust them.

The store holds signed documents and encrypted containers exactly as received. Signatures are checked by
`player.license_decision` and segments by the key holder; here we only read the few fields that say
where a blob belongs (type, IDs, revision, version), so a package filed under the wrong license, a
plaintext audio file, or a list offered as a policy is refused at the door, and so the index can be
rebuilt from the files alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from player.errors import MalformedError, MismatchError, PlayerError, TruncatedError
from player.language import translate
from player.protocol import container, direct, license_list, package, policy, receipt
from player.protocol.canonical import canonical_json, load_json_object
from player.storage.atomic import AppendFile
from player.storage.records import TrackInfo

_HEADER_MAX = 8 + container.MAX_HEADER_BODY


def _document(raw: bytes, doc_type: str, what: str) -> dict[str, Any]:
    obj = load_json_object(raw, what)
    if obj.get("type") != doc_type:
        raise MalformedError(
            translate("Errors", "{what}: expected a {doc_type} document, got {value4}").format(
                what=what, doc_type=doc_type, value4=repr(obj.get("type"))
            )
        )
    return obj


def _text(obj: dict[str, Any], key: str, what: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        raise MalformedError(translate("Errors", "{what} has no {key}").format(what=what, key=key))
    return value


def _int(obj: dict[str, Any], key: str, what: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise MalformedError(translate("Errors", "{what} has no integer {key}").format(what=what, key=key))
    return value


def package_ids(raw: bytes) -> tuple[str, str, str, str]:
    """(license_id, content_id, policy_id, item_id) named inside a license package; a license bought
    without insurance (a direct-license document) names no policy and no item: both are ""."""
    what = "license package"
    if direct.is_direct(raw):
        doc = direct.parse_direct(raw)
        return doc.license_id, doc.content_id, "", ""
    obj = _document(raw, package.DOC_TYPE, what)
    ids = [_text(obj, k, what) for k in ("license_id", "content_id", "policy_id", "item_id")]
    return ids[0], ids[1], ids[2], ids[3]


def policy_revision(raw: bytes) -> tuple[str, int]:
    """(policy_id, revision) of a policy; the policy ID is its contract ID (FIG.6B)."""
    obj = _document(raw, policy.DOC_TYPE, "policy")
    return _text(obj, "contract_id", "policy"), _int(obj, "revision", "policy")


def receipt_id(raw: bytes) -> str:
    """The receipt ID a signed receipt names."""
    return _text(_document(raw, receipt.DOC_TYPE, "receipt"), "receipt_id", "receipt")


def list_version(raw: bytes) -> tuple[int, int | None]:
    """(version, base_version) of a license list; base_version is None for a full list."""
    obj = _document(raw, license_list.LIST_DOC_TYPE, "license list")
    base = obj.get("base_version")
    return _int(obj, "version", "license list"), None if base is None else _int(obj, "base_version", "")


# How a license list as the insurer signs it ends: its last member, in canonical key order, is its version.
_LIST_END = re.compile(rb',"version":(\d{1,18})\}\Z')


def stored_list_version(raw: bytes) -> int:
    """The version of a license list the store holds, read from its last bytes instead of parsing a
    100,000-entry document to learn one number. A file that does not end like a signed list is parsed
    whole (and refused as `list_version` refuses it). Only which deltas follow it is decided by this:
    whether the chain is to be trusted is the signature check's."""
    end = _LIST_END.search(raw, max(0, len(raw) - 32))
    return int(end.group(1)) if end is not None else list_version(raw)[0]


def info_json(info: TrackInfo) -> bytes:
    return canonical_json({"format": 1, **info.__dict__})


def info_from_json(raw: bytes) -> TrackInfo:
    what = "track metadata"
    obj = load_json_object(raw, what)
    if obj.pop("format", None) != 1:
        raise MalformedError(translate("Errors", "{what}: unknown format").format(what=what))
    try:
        info = TrackInfo(**obj)
    except TypeError as e:
        raise MalformedError(f"{what}: {e}") from e
    for name in ("content_id", "title", "artist", "album", "genre", "provider", "album_artist"):
        if not isinstance(getattr(info, name), str):
            raise MalformedError(
                translate("Errors", "{what}: {name} is not text").format(what=what, name=name)
            )
    for name in ("version", "duration_ms", "price"):
        _int(obj, name, what)
    for name in ("track_number", "disc_number", "year"):  # absent from files written before tags were read
        if name in obj:
            _int(obj, name, what)
    for name in ("compilation", "tagged"):
        if not isinstance(getattr(info, name), bool):
            raise MalformedError(
                translate("Errors", "{what}: {name} is not true or false").format(what=what, name=name)
            )
    return info


# --- containers ----------------------------------------------------------------------------------


def checked_container(data: bytes | Iterable[bytes], content_id: str, version: int) -> Iterator[bytes]:
    """Pass `data` through, but only once its header shows it is this track's container, and fail at the
    end unless the length is exactly what the header promises.

    Nothing is yielded before the header has been read, so bytes that are not a container (plaintext
    audio, an HTML error page) never reach the disk.
    """
    chunks = iter((data,) if isinstance(data, bytes) else data)
    head = bytearray()
    header = None
    for chunk in chunks:
        head += chunk
        try:
            header = container.read_header(bytes(head[:_HEADER_MAX]))
            break
        except TruncatedError:
            continue
    if header is None:
        container.read_header(bytes(head))  # raises the precise reason: bad magic, or cut short
        raise TruncatedError(translate("Errors", "the container ends inside its header"))
    check_header(header, content_id, version)
    total = len(head)
    yield bytes(head)
    for chunk in chunks:
        total += len(chunk)
        if total > header.container_length:
            raise TruncatedError(
                translate(
                    "Errors", "the container is longer than its header says ({container_length})"
                ).format(container_length=header.container_length)
            )
        yield chunk
    if total != header.container_length:
        raise TruncatedError(
            translate("Errors", "the container is {total} bytes, its header says {container_length}").format(
                total=total, container_length=header.container_length
            )
        )


def check_header(header: container.ContainerHeader, content_id: str, version: int) -> None:
    if (header.content_id, header.content_version) != (content_id, version):
        raise MismatchError(
            translate(
                "Errors",
                "the container holds {content_id} version {content_version}, not {content_id2} version "
                "{version}",
            ).format(
                content_id=repr(header.content_id),
                content_version=header.content_version,
                content_id2=repr(content_id),
                version=version,
            )
        )


def check_container_file(path: Path, content_id: str, version: int) -> container.ContainerHeader:
    """The header of the container at `path`, checked against the track and the file's size."""
    with path.open("rb") as f:
        header = container.read_header(f)
        size = f.seek(0, 2)
    check_header(header, content_id, version)
    if size != header.container_length:
        raise TruncatedError(
            translate("Errors", "{name} is {size} bytes, its header says {container_length}").format(
                name=path.name, size=size, container_length=header.container_length
            )
        )
    return header


def is_short_container(partial: Path) -> bool:
    """True when the partial is a cut-short container (resumable), not an overlong or foreign one."""
    try:
        with partial.open("rb") as f:
            return f.seek(0, os.SEEK_END) < container.read_header(f).container_length
    except (OSError, PlayerError):
        return False


class ContainerDownload:
    """A partial track download that takes no byte past the size its container header declares.

    The header comes first and says how long the whole container is; a server that sends more (a
    genuine header and then an endless stream) would otherwise fill the disk. The header must also be
    this track's, so a wrong file is refused before its first byte is kept.
    """

    def __init__(self, sink: AppendFile, content_id: str, version: int) -> None:
        self._sink = sink
        self._content_id = content_id
        self._version = version
        self._head = b""
        self._length: int | None = None
        if sink.size:
            with sink.path.open("rb") as f:
                self._learn(f.read(_HEADER_MAX))

    @property
    def size(self) -> int:
        return self._sink.size

    def write(self, chunk: bytes) -> None:
        if self._length is None:
            self._learn(bytes(chunk[: _HEADER_MAX - len(self._head)]))
        if self._length is not None and self.size + len(chunk) > self._length:
            raise MalformedError(
                translate(
                    "Errors",
                    "the content server sent more than the {length} bytes track {content_id} has; the extra"
                    " was not kept",
                ).format(length=self._length, content_id=repr(self._content_id))
            )
        self._sink.write(chunk)

    def _learn(self, more: bytes) -> None:
        """Add the start of the file to what is known of the header; read it once it is complete."""
        self._head += more
        try:
            header = container.read_header(self._head)
        except TruncatedError:
            if len(self._head) >= _HEADER_MAX:
                raise MalformedError(
                    translate("Errors", "the download does not start with a container header")
                ) from None
            return
        check_header(header, self._content_id, self._version)
        self._length = header.container_length
