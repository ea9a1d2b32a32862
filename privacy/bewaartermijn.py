"""How long what a person told us is kept: the one definition of the retention periods.

`python -m privacy bewaartermijn` (`make retentie`, daily) applies them; the environment can set
other periods (BEWAARTERMIJN_DAGEN, BEWAARTERMIJN_TERUGBEL_DAGEN), the command line too."""

from __future__ import annotations

import os

# Conversations (tracker events), coach intakes and the link of a demand record: this many days
# after their last change.
BEWAARTERMIJN_DAGEN = 90
# Call-back requests, which the person consented to: this many days after they were made.
BEWAARTERMIJN_TERUGBEL_DAGEN = 180


def _dagen(naam: str, standaard: int) -> int:
    return int(os.environ.get(naam) or standaard)


def bewaar_dagen() -> int:
    """The retention period of conversations and intakes in force (environment, else the default)."""
    return _dagen("BEWAARTERMIJN_DAGEN", BEWAARTERMIJN_DAGEN)


def bewaar_dagen_terugbel() -> int:
    """The retention period of call-back requests in force (environment, else the default)."""
    return _dagen("BEWAARTERMIJN_TERUGBEL_DAGEN", BEWAARTERMIJN_TERUGBEL_DAGEN)
