"""Settings for one backend process, fixed at start-up and handed to every router."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DAY = 86_400


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    demo: bool = False
    demo_catalog: Path | None = None  # the demo catalog's definition (None: the one shipped)
    catalog_paused: bool = False  # the demo catalog's rendering waits for the admin control to go on
    list_ttl_seconds: int = 30 * DAY  # license list validity = the terminal's offline grace
    waiting_days: int = 0  # FIG.6B re-licensing starting date = contract date + this
    guarantee_days: int = 365
    relicensing_limit_per_track: int = 3  # [0039]: "the same contents ... a maximum of 3 times"
    relicensing_limit_total: int = 10  # [0039]: "all contents purchased by the user ... 10 times"
    price_difference_limit: int = 100  # yen
    premium_rate: float = 0.08  # premium = price x rate, before the provider-trouble loading
    premium_factor: float = 1.0  # this insurer's rates against the providers' base rates (`insurers.py`)
    session_ttl_seconds: int = 30 * DAY
    insurers: tuple[str, ...] = ()  # the hosted insurers' IDs, the root one first (): the default set
    exchange_secret_file: Path | None = None  # the pseudonym secret insurers share (None: in the data dir)
    exchange_losses_limit: int = 3  # losses compensated to one person across insurers (insurer/exchange.py)
    exchange_window_days: int = 30  # ... within this many days, by two insurers or more: refused

    @property
    def db_path(self) -> Path:
        return self.data_dir / "backend.sqlite3"

    @property
    def content_dir(self) -> Path:
        return self.data_dir / "content"

    @property
    def masters_dir(self) -> Path:
        return self.data_dir / "masters"

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def secret_path(self) -> Path:
        return self.exchange_secret_file or self.keys_dir / "exchange-secret"
