"""Failed custom-action calls, noted per conversation, so the safety net sees them in the same turn.

When a call to the action server fails (connection refused, a timeout, a 500 from a crashing
action), Rasa 3.6 logs it and goes on without that action's events: the person may get nothing,
or a question asked again without a word about the fault. The health check of the channels'
safety net is cached for a second, so it can miss a failure that happens between two checks.
`installeer` (called by `python -m bot.worker`) wraps `RemoteAction.run` to note the moment of
each failure per conversation in this process; a channel asks `mislukt_sinds(sender, begin)`
after the turn and then adds `utter_storing`. A rejection (the action server's 400, which Rasa
uses for a form that may not run) is not a failure and is not noted.
"""

from __future__ import annotations

import functools
import time
from collections import OrderedDict
from typing import Any

MAX_GESPREKKEN = 10_000  # bounded: a conversation whose turn never asks is dropped oldest first
_fouten: OrderedDict[str, float] = OrderedDict()


def noteer(sender_id: str, moment: float | None = None) -> None:
    _fouten[sender_id] = time.monotonic() if moment is None else moment
    _fouten.move_to_end(sender_id)
    while len(_fouten) > MAX_GESPREKKEN:
        _fouten.popitem(last=False)


def mislukt_sinds(sender_id: str, begin: float) -> bool:
    """Whether a custom action of this conversation failed since `begin` (time.monotonic());
    forgets the note, so one failure gives one apology."""
    moment = _fouten.pop(sender_id, None)
    return moment is not None and moment >= begin


def installeer() -> bool:
    """Wrap `RemoteAction.run` once; False when it was already wrapped."""
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction

    origineel = RemoteAction.run
    if getattr(origineel, "_leerroute_actiefouten", False):
        return False

    @functools.wraps(origineel)
    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> Any:
        try:
            return await origineel(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except Exception:
            noteer(tracker.sender_id)
            raise

    run._leerroute_actiefouten = True  # type: ignore[attr-defined]
    RemoteAction.run = run  # type: ignore[method-assign]
    return True
