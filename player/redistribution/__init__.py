"""Re-distribution requesting (function 41): loss and crash reports, alternates, choices, recovery,
upgrades. The terminal owns one `Requester` and hands it its parts."""

from player.redistribution.requester import PENDING, Outcome, Requester

__all__ = ["PENDING", "Outcome", "Requester"]
