"""The CLI's subcommands: each asks the terminal, then prints what it said (text or JSON).

A face, like the GUI: no business logic here, no network, no crypto — only the mapping of results to
the JSON fields other tools read (their names and values are a contract: scripts parse them) and to a
line or table for people.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.cli import claims, insurers, own_music, playlists, policy, receipts, uninsured
from player.cli.output import Output, state_word, table
from player.cli.sound import play_sound
from player.errors import IntegrityError, PlayerError
from player.language import translate
from player.words import refusal, stamp, yen

if TYPE_CHECKING:
    from player.terminal import BuyAt, Progress, Terminal

Password = Callable[[str], str]


def dispatch(
    t: Terminal, args: argparse.Namespace, out: Output, progress: Progress | None, password: Password
) -> int:
    handler = _HANDLERS[args.command]
    if args.command in _ONLINE:  # the network is asked anyway: finish what was left half done first
        for line in t.resume():
            out.note(line)
    return handler(t, args, out, progress, password)


def _signup(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, pw: Password) -> int:
    user_id = t.account.sign_up(a.user, pw(translate("Cli", "New password: ")), a.email)
    out.emit(
        {"user_id": user_id, "username": a.user},
        lambda: translate("Cli", "signed up and signed in as {user}").format(user=a.user),
    )
    return 0


def _login(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, pw: Password) -> int:
    user_id = t.account.sign_in(a.user, pw(translate("Cli", "Password: ")))
    out.emit(
        {"user_id": user_id, "username": a.user},
        lambda: translate("Cli", "signed in as {user}").format(user=a.user),
    )
    return 0


def _logout(t: Terminal, _a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    owner = t.account.owner
    told = t.account.sign_out()
    said = (
        translate("Cli", "signed out {owner}")
        if told
        else translate(
            "Cli",
            "signed out {owner} (the insurer could not be reached: the session runs out there by itself)",
        )
    )
    out.emit({"username": owner, "insurer_told": told}, lambda: said.format(owner=owner))
    return 0


def _catalog(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    keys = ("content_id", "title", "artist", "album", "genre", "provider", "price", "premium", "duration_ms")
    rows = [{k: getattr(e, k) for k in keys} for e in t.purchases.catalog(a.genre)]
    out.emit(
        rows, lambda: table(rows, ("content_id", "title", "artist", "genre", "provider", "price", "premium"))
    )
    return 0


def _buy(t: Terminal, a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password) -> int:
    if a.uninsured:
        return uninsured.buy_uninsured(t, a, out, p)
    at: BuyAt | None = "provider" if a.at_provider else "insurer" if a.at_insurer else None
    r = t.purchases.buy(a.content_id, p, at=at)
    data = {
        "purchase_id": r.purchase_id,
        "content_id": r.license.content_id,
        "license_id": r.license.license_id,
        "price": r.price,
        "premium": r.premium,
        "sold_by": r.sold_by,
        "receipt_id": r.receipt_id,
    }
    said = (
        translate("Cli", "bought {content_id} for {price} (+{premium} premium), insured")
        if r.sold_by == "insurer"
        else translate(
            "Cli",
            "bought {content_id} at the checkout of provider {provider} for {price} "
            "(+{premium} premium), insured",
        )
    )
    out.emit(
        data,
        lambda: said.format(
            content_id=a.content_id, provider=r.sold_by, price=yen(r.price), premium=yen(r.premium)
        ),
    )
    return 0


def _library(t: Terminal, _a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    entries = t.entries()
    rows = [
        {
            "content_id": e.row.content_id,
            "title": e.row.title,
            "artist": e.row.artist,
            "license_id": e.row.license_id,
            "state": e.state.value,
            "insured": e.insured,
            "reason": e.reason,
            "path": str(e.row.path) if e.row.path else None,
            "replaced_by": e.replaced_by or None,
            "insurer": e.insurer,
            "audio_insurer": e.audio_insurer or None,  # its audio insured apart, at another insurer
        }
        for e in entries
    ]
    shown = [
        r | {"state": state_word(e.state.value), "reason": e.detail}
        for r, e in zip(rows, entries, strict=True)
    ]
    own = t.own_music.entries()
    own_rows = own_music.rows(own)

    def text() -> str:
        several = len({e.insurer for e in entries}) > 1  # who insures each, once there is a choice
        columns = ("content_id", "title", "artist", "license_id", *(("insurer",) if several else ()), "state")
        licensed = table(shown, (*columns, "reason"))
        if not own_rows:
            return licensed
        return (licensed + "\n\n" if shown else "") + own_music.text(own_rows)

    out.emit([r | {"kind": "license"} for r in rows] + own_rows, text)
    return 0


def _sync(t: Terminal, _a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password) -> int:
    status, done = t.catch_up(p)
    for line in done:
        out.note(line)
    data = {
        "version": status.version,
        "issued_at": stamp(status.issued_at),
        "expires_at": stamp(status.expires_at),
        "entries": len(status.entries),
    }
    out.emit(
        data,
        lambda: translate("Cli", "license list version {version}, valid offline until {data}").format(
            version=status.version, data=data["expires_at"]
        ),
    )
    return 0


def _play(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    from player import playback

    if t.own_music.find(a.id) is not None or Path(a.id).exists():  # a file of one's own, added or not
        return own_music.play_own(t, a, out)
    track = t.open_track(a.id)
    try:
        device = playback.open_device(track.reader, source_file=track.file)
        if a.decode_only:
            r = playback.decode_check(device, track.mime)
            data = {
                "frames": r.frames,
                "sample_rate": r.sample_rate,
                "channels": r.channels,
                "duration_ms": r.duration_ms,
            }
            out.emit(
                data,
                lambda: translate(
                    "Cli",
                    "decoded {title}: {frames} frames, {sample_rate} Hz, {channels} ch, {duration_ms} ms",
                ).format(
                    title=track.title,
                    frames=r.frames,
                    sample_rate=r.sample_rate,
                    channels=r.channels,
                    duration_ms=r.duration_ms,
                ),
            )
            return 0
        return play_sound(
            lambda p: p.play_source(device, track.mime, track.duration_ms),
            track.duration_ms,
            a.seconds,
            out,
            track.title,
        )
    finally:
        track.close()


def _preview(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    """The store's short clip of a track (say, an alternate before choosing it), from memory only."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from player import playback

    entry = next((e for e in t.purchases.catalog() if e.content_id == a.content_id), None)
    if entry is None:
        raise PlayerError(
            translate("Cli", "{content_id} is not in the catalog").format(content_id=a.content_id)
        )
    clip = t.purchases.preview(entry.provider, entry.content_id)
    r = playback.decode_check(clip.data, clip.mime)  # its length, and that it decodes, before a sound
    if a.decode_only:
        data = {
            "content_id": clip.content_id,
            "mime": clip.mime,
            "frames": r.frames,
            "duration_ms": r.duration_ms,
        }
        out.emit(
            data,
            lambda: translate("Cli", "preview of {title}: {mime}, {duration_ms} ms, decodes").format(
                title=entry.title, mime=clip.mime, duration_ms=r.duration_ms
            ),
        )
        return 0
    buffer = QBuffer()
    buffer.setData(QByteArray(clip.data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    title = translate("Cli", "{title} (preview)").format(title=entry.title)
    return play_sound(
        lambda p: p.play_source(buffer, clip.mime, r.duration_ms), r.duration_ms, a.seconds, out, title
    )


def _verify(t: Terminal, a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password) -> int:
    r = t.verify()
    repaired: list[str] = []
    failed: dict[str, str] = {}
    if a.repair and (r.missing or r.corrupt):
        repaired, failed = t.repair([*r.missing, *r.corrupt], p)
        r = t.verify()
    data: dict[str, Any] = {"missing": r.missing, "corrupt": r.corrupt, "ok": r.ok}
    if a.repair:
        data["repaired"] = repaired
    out.emit(
        data,
        lambda: "\n".join(
            [
                translate("Cli", "ok: {n}").format(n=r.ok),
                translate("Cli", "missing: {ids}").format(ids=" ".join(r.missing) or "-"),
                translate("Cli", "corrupt: {ids}").format(ids=" ".join(r.corrupt) or "-"),
            ]
            + ([translate("Cli", "repaired: {ids}").format(ids=" ".join(repaired))] if repaired else [])
        ),
    )
    if r.missing or r.corrupt:  # the report above is the answer; the exit status and one line say it failed
        if failed:
            content_id, why = next(iter(failed.items()))
            out.error(f"{content_id}: {why}")
        elif a.repair:
            out.error(
                translate(
                    "Cli", "{missing} missing, {corrupt} corrupt: report them with `report-loss`"
                ).format(missing=len(r.missing), corrupt=len(r.corrupt))
            )
        else:
            out.error(
                translate(
                    "Cli", "{missing} missing, {corrupt} corrupt: fetch them again with `verify --repair`"
                ).format(missing=len(r.missing), corrupt=len(r.corrupt))
            )
        return IntegrityError.exit_code
    return 0


def _upgrades(t: Terminal, _a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    offers = t.home.upgrades.offers()
    rows = [o.model_dump(mode="json") for o in offers]

    def text() -> str:
        if not offers:
            return translate("Cli", "no newer versions of your tracks")
        shown = [
            {"track": o.content_id, "title": o.title, "version": f"{o.from_version} -> {o.to_version}"}
            for o in offers
        ]
        return table(shown, ("track", "title", "version"))

    out.emit(rows, text)
    return 0


def _upgrade(t: Terminal, a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password) -> int:
    taken = t.home.upgrades.take(a.content_id, p)  # at the insurer holding it; its audio's insurer told
    r, followed = taken.result, taken.audio
    for f in followed:
        said = translate("Cli", "the insurer of its audio now keeps version {version}")
        out.note(said.format(version=r.to_version) if f.outcome == "insured" else refusal("", f.reason))
    data = {
        "content_id": r.license.content_id,
        "license_id": r.license.license_id,
        "replaces": r.replaces,
        "from_version": r.from_version,
        "to_version": r.to_version,
        "audio_cover": followed[0].outcome if followed else None,  # "insured": it keeps the new version
    }
    out.emit(
        data,
        lambda: translate("Cli", "{content_id}: version {from_version} -> {to_version}").format(
            content_id=a.content_id, from_version=r.from_version, to_version=r.to_version
        ),
    )
    return 0


# Commands that talk to the insurer in any case and ask for nothing that charges: they finish what was
# left half done first. The others either work offline (play, library, verify: they must not wait for a
# server that may not answer) or ask for something themselves, which the journal already matches with
# its unfinished twin (asking again is finishing it; resuming first would make it a second request).
_ONLINE = frozenset({"alternates", "upgrades"})  # `sync` finishes them itself

Handler = Callable[["Terminal", argparse.Namespace, "Output", "Progress | None", Password], int]
_HANDLERS: dict[str, Handler] = {
    "signup": _signup,
    "login": _login,
    "logout": _logout,
    "insure": policy.insure,
    "policy": policy.show_policy,
    "catalog": _catalog,
    "buy": _buy,
    "insure-existing": uninsured.insure_existing,
    "insure-audio": uninsured.insure_audio,
    "library": _library,
    "sync": _sync,
    "play": _play,
    "preview": _preview,
    "verify": _verify,
    "report-loss": claims.report_loss,
    "alternates": claims.alternates,
    "choose": claims.choose,
    "recover": claims.recover,
    "upgrades": _upgrades,
    "upgrade": _upgrade,
    "receipts": receipts.list_receipts,
    "receipt": receipts.show_receipt,
    "import-receipt": receipts.import_receipt,
    "insurers": insurers.list_insurers,
    "shared": insurers.shared,
    "playlist": playlists.run,
    "add-music": own_music.add_music,
    "remove-music": own_music.remove_music,
}

__all__ = ["PlayerError", "dispatch"]
