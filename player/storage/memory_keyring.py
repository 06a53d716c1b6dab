"""A `keyring` backend in this process's memory: keys that die with the run.

For throwaway sessions (the screenshot tool's demo account) and unit tests, never for a user's library:
nothing here survives the process. Its priority is negative so that `keyring` never picks it on its own
(every backend class registers itself when defined), and the real keyring stays the default.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from player.language import translate


class MemoryKeyring(KeyringBackend):
    priority = -10  # a plain number is what keyring reads

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError(
                translate("Errors", "no {username} in {service}").format(
                    username=repr(username), service=repr(service)
                )
            ) from None
