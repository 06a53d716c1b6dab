"""Electronic receipts (claim 30, [0006], [0037]): every charge, kept as the party that charged signed it.

The insurer signs what it charged for (a policy, an insured purchase, a re-issue, an alternate, an
upgrade, insuring a purchase later); a provider signs what it sold without insurance. The terminal keeps
each receipt byte for byte in `receipts/<receipt_id>.json`, verifies it against whoever its envelope
names (the pinned insurer, or a licensor the insurer vouches for) every time it is shown, and refuses one
issued to another user. A receipt found elsewhere (mailed, kept on another computer) can be imported the
same way. Because the guarantee conditions inside travel as their own insurer-signed document, the
terminal can learn its conditions from a receipt alone, even with its policy file gone.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from player.errors import (
    BackendResponseError,
    IntegrityError,
    MismatchError,
    MissingFileError,
    PlayerError,
    UnknownSignerError,
    UsageError,
)
from player.language import translate
from player.protocol.canonical import ed25519_public_bytes, fingerprint, load_json_object
from player.protocol.policy import GuaranteeConditions
from player.protocol.receipt import Receipt, verify_conditions, verify_receipt
from player.storage import Store
from player.storage.atomic import write_atomic
from player.terminal.account import Account
from player.terminal.connection import Connection
from player.transfer import decode_b64

log = logging.getLogger(__name__)

INSURER = "insurer"
MAX_RECEIPT_FILE = 1 << 20  # a receipt of a thousand items is far below this


@dataclass(frozen=True)
class KeptReceipt:
    """A verified receipt and who signed it: `signer` is "insurer" or a provider's ID, `signer_name` the
    name to show (the insurer's or the provider's, as the insurer last introduced them)."""

    receipt: Receipt
    signer: str
    signer_name: str
    conditions: GuaranteeConditions | None  # checked against the insurer's own signature
    raw: bytes


class Receipts:
    def __init__(self, store: Store, connection: Connection, account: Account) -> None:
        self._store = store
        self._connection = connection
        self._account = account
        self.not_kept: dict[str, str] = {}  # receipt ID -> why a receipt the insurer sent was refused

    def fetch(self) -> list[str]:
        """Keep every receipt the insurer holds for this user that is not here yet; their IDs. Offline:
        nothing (the receipts kept here still show). One that does not verify is not kept and does not
        stop the others (nor the sync around it): `not_kept` says which, and why."""
        user_id = self._account.require_sign_in()
        client = self._connection.try_client()
        if client is None:
            return []
        held = set(self._store.receipt_ids())
        kept = []
        for doc in client.receipts():
            if doc.receipt_id in held:
                continue
            try:
                raw = decode_b64(doc.receipt, "receipt")
                found = self._verify(raw, user_id)
                if found.receipt.receipt_id != doc.receipt_id:
                    named = found.receipt.receipt_id
                    raise MismatchError(
                        translate("Errors", "the insurer sent receipt {named} as {receipt_id}").format(
                            named=named, receipt_id=doc.receipt_id
                        )
                    )
            except (IntegrityError, BackendResponseError) as e:
                log.warning("receipt %s from the insurer not kept: %s", doc.receipt_id, e)
                self.not_kept[doc.receipt_id] = str(e)
                continue
            self.not_kept.pop(doc.receipt_id, None)
            self._store.put_receipt(doc.receipt_id, raw)
            kept.append(doc.receipt_id)
        return kept

    def listed(self) -> list[KeptReceipt]:
        """Every receipt kept here, verified, oldest first. One that no longer verifies (edited on disk)
        raises: a receipt is evidence, and showing a forged one as genuine would be worse than none."""
        kept, refused = self.survey()
        if refused:
            raise next(iter(refused.values()))
        return kept

    def survey(self) -> tuple[list[KeptReceipt], dict[str, PlayerError]]:
        """The receipts that verify, oldest first, and apart from them why each other one does not (for
        the window, which shows the genuine ones and says which cannot be trusted)."""
        user_id = self._account.require_sign_in()
        kept: list[KeptReceipt] = []
        refused: dict[str, PlayerError] = {}
        for receipt_id in self._store.receipt_ids():
            try:
                kept.append(self._verify(self._store.receipt_bytes(receipt_id), user_id))
            except (IntegrityError, MissingFileError) as e:
                refused[receipt_id] = e
        kept.sort(key=lambda k: k.receipt.issued_at)  # stable: receipts of one second keep the order kept
        return kept, refused

    def one(self, receipt_id: str) -> KeptReceipt:
        """One receipt by its ID (fetched first when it is not here and the insurer answers)."""
        user_id = self._account.require_sign_in()
        if receipt_id not in self._store.receipt_ids():
            self.fetch()
        if receipt_id not in self._store.receipt_ids():
            raise UsageError(
                translate(
                    "Errors", "you have no receipt {receipt_id}: `receipts` lists the ones you have"
                ).format(receipt_id=repr(receipt_id))
            )
        return self._verify(self._store.receipt_bytes(receipt_id), user_id)

    def import_file(self, path: Path) -> KeptReceipt:
        """Keep a receipt from a file (saved with `receipt ID --save`, or from another computer): verified and
        ours, else refused with nothing written."""
        user_id = self._account.require_sign_in()
        try:
            with path.open("rb") as f:
                raw = f.read(MAX_RECEIPT_FILE + 1)
        except OSError as e:
            raise UsageError(
                translate("Errors", "cannot read {path}: {reason}").format(path=path, reason=e.strerror or e)
            ) from e
        if len(raw) > MAX_RECEIPT_FILE:
            raise UsageError(
                translate("Errors", "{path} is not a receipt (over {limit} KiB)").format(
                    path=path, limit=MAX_RECEIPT_FILE // 1024
                )
            )
        found = self._verify(raw, user_id)
        self._store.put_receipt(found.receipt.receipt_id, raw)
        return found

    def save_signed(self, kept: KeptReceipt, path: Path) -> None:
        """Write the receipt as signed (to import on another computer), atomically."""
        write_atomic(path, kept.raw)

    def save_rendered(self, path: Path, data: bytes) -> None:
        """Write what a face made of a receipt (its PDF), atomically: a failed write leaves no half file."""
        write_atomic(path, data)

    def with_conditions(self) -> KeptReceipt | None:
        """The newest receipt kept here that carries guarantee conditions (None: none does). Each
        carries them as the insurer signed them, so they can be learnt from a receipt alone, when the
        policy file kept here is lost or on a computer that has only the receipt."""
        found, _ = self.survey()
        carrying = [k for k in found if k.conditions is not None]
        return carrying[-1] if carrying else None

    def _verify(self, raw: bytes, user_id: str) -> KeptReceipt:
        signer, key, name = self._signer_of(raw)
        receipt = verify_receipt(raw, key)
        if receipt.user_id != user_id:
            raise MismatchError(
                translate("Errors", "receipt {receipt_id} was issued to someone else, not to you").format(
                    receipt_id=receipt.receipt_id
                )
            )
        conditions = None
        if receipt.conditions is not None:
            conditions = verify_conditions(receipt.conditions, self._connection.insurer_key())
        return KeptReceipt(receipt, signer, name, conditions, raw)

    def _signer_of(self, raw: bytes) -> tuple[str, Ed25519PublicKey, str]:
        """Who the envelope says signed it, among the keys this terminal trusts."""
        claimed = load_json_object(raw, "receipt").get("signer")
        insurer = self._connection.insurer_key()
        if claimed == _fingerprint(insurer):
            return INSURER, insurer, self._connection.insurer_name()
        names = self._connection.licensor_names()
        for provider, key in self._connection.licensor_keys().items():
            if claimed == _fingerprint(key):
                return provider, key, names.get(provider, provider)
        raise UnknownSignerError(
            translate(
                "Errors",
                "the receipt is not signed by your insurer nor by a provider it works with: it cannot be "
                "trusted",
            )
        )


def _fingerprint(key: Ed25519PublicKey) -> str:
    return fingerprint(ed25519_public_bytes(key))
