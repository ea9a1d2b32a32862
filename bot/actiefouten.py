"""Failed custom-action calls, noted per conversation, so the safety net sees them in the same turn.

When a call to the action server fails (connection refused, a timeout, a 500 from a crashing
action), Rasa 3.6 logs it and goes on without that action's events: the person may get nothing,
or a question asked again without a word about the fault. The health check of the channels'
safety net is cached for a second, so it can miss a failure that happens between two checks.
`installeer` (called by `python -m bot.worker`) wraps `RemoteAction.run` to note the moment of
each failure per conversation in this process; a channel asks `mislukt_sinds(sender, begin)`
after the turn and then adds `utter_storing`. A rejection (the action server's 400, which Rasa
uses for a form that may not run) is not a failure and is not noted.

The wrapper passes every argument through as `RemoteAction.run` takes it, and finds the tracker
by the original's own signature. It is guarded to the Rasa version it was written for
(`bot.rasa_snel.GETEST_OP`): another version runs without it, and a warning says so.
"""

from __future__ import annotations

import functools
import inspect
import logging
import time
from collections import OrderedDict
from typing import Any

log = logging.getLogger(__name__)
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


def _tracker(handtekening: inspect.Signature, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The `tracker` argument of one call, however it was passed (None when it cannot be told)."""
    try:
        return handtekening.bind(*args, **kwargs).arguments.get("tracker")
    except TypeError:
        return None


def installeer() -> bool:
    """Wrap `RemoteAction.run` once; False when it was already wrapped, or on another Rasa."""
    import rasa
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction

    from bot.rasa_snel import GETEST_OP  # here, not at the top: the app side imports this module without Rasa

    if not rasa.__version__.startswith(GETEST_OP):
        log.warning(
            "failed custom actions not noted for the safety net: written for Rasa %s, found %s", GETEST_OP, rasa.__version__
        )
        return False
    origineel = RemoteAction.run
    if getattr(origineel, "_leerroute_actiefouten", False):
        return False
    handtekening = inspect.signature(origineel)

    @functools.wraps(origineel)
    async def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return await origineel(*args, **kwargs)
        except ActionExecutionRejection:
            raise
        except Exception:
            tracker = _tracker(handtekening, args, kwargs)
            if tracker is not None:
                noteer(tracker.sender_id)
            raise

    run._leerroute_actiefouten = True  # type: ignore[attr-defined]
    RemoteAction.run = run  # type: ignore[method-assign]
    return True
