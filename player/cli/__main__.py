"""`python -m player.cli`, the same as `insured-player-cli`."""

import sys

from player.cli import main

sys.exit(main())
