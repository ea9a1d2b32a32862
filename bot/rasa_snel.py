"""Speed-ups for Rasa 3.6 that keep its behaviour, installed by `python -m bot.worker`.

Each replaces one function that our load profile (deploy/BENCHMARK.md) found expensive per
message, and gives the same result:

* `snellere_actievalidatie`: Rasa checks every action-server response against a JSON schema with
  `jsonschema.validate`, which re-checks the schema against the meta-schema and builds a new
  validator on every call; and each event is tried against all 23 event schemas of a `oneOf`.
  Here the schema is checked once, and each event is checked against the one event schema its
  `event` name selects (the 23 differ in that name's `const`, so no other can match). Anything
  that does not pass that way goes through the full validator, which gives Rasa's verdict and
  its `ValidationError` (best match, same message).
* `snellere_eventtypes`: `Event.resolve_by_type` walks all Event subclasses (with `inspect`) for
  every event it reads back, from the tracker store and from every action response. Here the
  class found for a name is remembered; names it cannot resolve go to Rasa's own code.
* `herbruikte_verbindingen`: every call to the action server made a new HTTP client session and
  so a new TCP connection. Here the sessions share one connection pool per event loop (idle
  connections are closed after 2 s, before the action server's keep-alive of 5 s ends them).
* `kleinere_actieaanroep`: every call to the action server carried the whole conversation as
  events (serialised, sent, parsed and read back into a Tracker), so its cost grew with the
  conversation (issue 17). Our actions read the slots, the latest message, the active loop and
  the events since the latest user message (`actions/intake.py` `_sinds_gebruiker`), nothing
  older; here only those events are sent. Everything else in the call is as before.
* `snellere_staten`: every policy, for every prediction, turned the tracker into its list of past
  states by replaying all its events on a fresh copy (`Domain.states_for_tracker_history`), so
  the cost of a prediction grew with the conversation (issue 17). Here the replay is kept with
  the tracker: a next call replays only the events added since, as long as the events seen before
  are still the start of the tracker's applied events (same objects); otherwise it starts over.
  Each call gets its own copy of the states, as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import aiohttp
import jsonschema
from jsonschema.exceptions import best_match

if TYPE_CHECKING:  # Rasa is imported where a patch is installed, after its version check
    from rasa.shared.core.trackers import DialogueStateTracker

GETEST_OP = "3.6."


def _rasa_36() -> bool:
    import rasa

    return rasa.__version__.startswith(GETEST_OP)


def snelle_controle(schema: dict[str, Any]) -> Callable[[Any], bool]:
    """For Rasa's action response schema: a check that is True only for a response the full schema
    accepts (False means: ask the full validator)."""
    klasse = jsonschema.validators.validator_for(schema)
    event_schema = schema["properties"]["events"]["items"]
    basis = {k: v for k, v in event_schema.items() if k != "oneOf"}
    per_naam = {
        alt["properties"]["event"]["const"]: klasse({"allOf": [basis, alt]}) for alt in event_schema["oneOf"]
    }  # one alternative per event name: the oneOf holds exactly when that one holds
    if len(per_naam) != len(event_schema["oneOf"]):
        raise ValueError("event schemas are not told apart by their name")

    def geldig(result: Any) -> bool:
        if not isinstance(result, dict):
            return False
        events = result.get("events", [])
        responses = result.get("responses", [])
        if not isinstance(events, list) or not isinstance(responses, list):
            return False
        if not all(isinstance(r, dict) for r in responses):
            return False
        for e in events:
            validator = per_naam.get(e.get("event")) if isinstance(e, dict) and isinstance(e.get("event"), str) else None
            if validator is None or not validator.is_valid(e):
                return False
        return True

    return geldig


def snellere_actievalidatie() -> bool:
    """Replace `RemoteAction._validate_action_result`; False (and nothing changed) on another Rasa."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    if not _rasa_36() or not hasattr(RemoteAction, "_validate_action_result"):
        return False
    schema = RemoteAction.action_response_format_spec()
    klasse = jsonschema.validators.validator_for(schema)
    klasse.check_schema(schema)
    validator = klasse(schema)
    snel = snelle_controle(schema)

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        if snel(result) or validator.is_valid(result):
            return True
        fout = best_match(validator.iter_errors(result))
        assert fout is not None
        fout.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise fout

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    return True


def snellere_eventtypes() -> bool:
    """Remember `Event.resolve_by_type`'s answer per name; False (nothing changed) on another Rasa."""
    from rasa.shared.core.events import Event

    if not _rasa_36() or getattr(Event.resolve_by_type, "_leerroute", False):
        return False
    origineel = Event.resolve_by_type
    gevonden: dict[str, type[Event]] = {}

    def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
        klasse = gevonden.get(type_name)
        if klasse is None:
            klasse = origineel(type_name, default)
            if klasse is not None and klasse.type_name == type_name:
                gevonden[type_name] = klasse  # found by its name (not a default, not the old "topic")
        return klasse

    resolve_by_type._leerroute = True  # type: ignore[attr-defined]
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign]
    return True


HOUD_OPEN_S = 2.0  # below Sanic's KEEP_ALIVE_TIMEOUT (5 s) of the action server: we close first


def herbruikte_verbindingen() -> bool:
    """Let `EndpointConfig.session` share a connection pool; False (nothing changed) on another Rasa."""
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

    if not _rasa_36() or getattr(EndpointConfig.session, "_leerroute", False):
        return False
    pools: dict[asyncio.AbstractEventLoop, aiohttp.TCPConnector] = {}

    def pool() -> aiohttp.TCPConnector | None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None  # outside an event loop: a session of its own, as before
        connector = pools.get(loop)
        if connector is None or connector.closed:
            for oud in [lp for lp in pools if lp.is_closed()]:
                del pools[oud]
            connector = pools[loop] = aiohttp.TCPConnector(keepalive_timeout=HOUD_OPEN_S)
        return connector

    def session(self: EndpointConfig) -> aiohttp.ClientSession:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
        return aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=(connector := pool()),
            connector_owner=connector is None,
        )

    session._leerroute = True  # type: ignore[attr-defined]
    EndpointConfig.session = session  # type: ignore[method-assign]
    return True


def sinds_laatste_gebruiker(events: list[Any]) -> list[Any]:
    """The events from the latest user message on (all of them when there is none)."""
    from rasa.shared.core.events import UserUttered

    for i in range(len(events) - 1, -1, -1):
        if isinstance(events[i], UserUttered):
            return events[i:]
    return events


def kleinere_actieaanroep() -> bool:
    """Send the action server only the events since the latest user message; False (nothing
    changed) on another Rasa."""
    from rasa.core.actions.action import RemoteAction

    if not _rasa_36() or getattr(RemoteAction._action_call_format, "_leerroute", False):
        return False
    # Called with a view of the tracker (_ZonderEvents), which is a tracker only by duck typing.
    origineel: Callable[..., dict[str, Any]] = RemoteAction._action_call_format

    def _action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> dict[str, Any]:
        result: dict[str, Any] = origineel(self, _ZonderEvents(tracker), domain)
        result["tracker"]["events"] = [e.as_dict() for e in sinds_laatste_gebruiker(list(tracker.events))]
        return result

    _action_call_format._leerroute = True  # type: ignore[attr-defined]
    RemoteAction._action_call_format = _action_call_format  # type: ignore[method-assign]
    return True


class _ZonderEvents:
    """A view of a tracker whose `current_state(ALL)` leaves the events out (they are added after,
    trimmed): everything else is the tracker's own."""

    def __init__(self, tracker: DialogueStateTracker) -> None:
        self._tracker = tracker

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._tracker, naam)

    def current_state(self, event_verbosity: Any = None) -> dict[str, Any]:
        from rasa.shared.core.trackers import EventVerbosity

        return self._tracker.current_state(EventVerbosity.NONE)


@dataclass
class _Replay:
    """Where `states_for_tracker_history` stopped for one tracker and one set of arguments."""

    domain: Any
    events: list[Any]  # the applied events replayed so far (the tracker's own objects)
    tracker: Any  # the replayed tracker after those events
    states: list[Any]  # the states before each ActionExecuted among them
    last_ml: Any = None
    hidden: bool = False


def _is_begin(oud: list[Any], nieuw: list[Any]) -> bool:
    return len(oud) <= len(nieuw) and all(a is b for a, b in zip(oud, nieuw, strict=False))


def _kopie(state: dict[str, Any]) -> dict[str, Any]:
    """A state whose sub-states are the caller's own (callers delete keys in them)."""
    return {k: dict(v) if isinstance(v, dict) else v for k, v in state.items()}


def _stap(domain: Any, r: _Replay, hide_rule_turn: bool, omit: bool, ignore: bool, rule_only: Any) -> Any:
    """One turn of Rasa 3.6's `Domain.states_for_tracker_history` loop on `r.tracker`; the state
    is appended to `r.states` (None when the turn is hidden)."""
    from rasa.shared.core.constants import PREVIOUS_ACTION

    tr = r.tracker
    if ignore:
        if not r.hidden:
            r.last_ml = domain._get_prev_action_sub_state(tr)
        if not tr.followup_action and tr.latest_action_name != tr.active_loop_name:
            r.hidden = hide_rule_turn
        if r.hidden:
            return None
    state = domain.get_active_state(tr, omit_unset_slots=omit)
    if ignore:
        domain._remove_rule_only_features(state, rule_only)
        if r.states:
            domain._substitute_rule_only_user_input(state, r.states[-1])
        if r.last_ml:
            state[PREVIOUS_ACTION] = r.last_ml
    return domain._clean_state(state)


def _sleutel(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return tuple(sorted((k, _sleutel(v)) for k, v in waarde.items()))
    if isinstance(waarde, list | tuple | set | frozenset):
        return tuple(_sleutel(v) for v in waarde)
    return waarde


def snellere_staten() -> bool:
    """Replace `Domain.states_for_tracker_history` by an incremental replay; False (nothing
    changed) on another Rasa."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted

    if not _rasa_36() or getattr(Domain.states_for_tracker_history, "_leerroute", False):
        return False

    def states_for_tracker_history(
        self: Domain,
        tracker: Any,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[Any]:
        args = (omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        replays: dict[Any, _Replay] = tracker.__dict__.setdefault("_leerroute_replays", {})
        sleutel = (id(self), omit_unset_slots, ignore_rule_only_turns, _sleutel(rule_only_data))
        events = tracker.applied_events()
        r = replays.get(sleutel)
        if r is None or r.domain is not self or not _is_begin(r.events, events):
            r = replays[sleutel] = _Replay(self, [], tracker.init_copy(), [])
        for event in events[len(r.events) :]:
            if isinstance(event, ActionExecuted):
                state = _stap(self, r, event.hide_rule_turn, *args)
                if state is not None:
                    r.states.append(state)
            r.tracker.update(event)
        r.events = events
        # The state after the last event counts only for this call: work on a copy of the turn
        # bookkeeping so the next call goes on from the last ActionExecuted.
        einde = _Replay(self, events, r.tracker, r.states, r.last_ml, r.hidden)
        laatste = _stap(self, einde, False, *args)
        return [_kopie(s) for s in r.states] + ([_kopie(laatste)] if laatste is not None else [])

    states_for_tracker_history._leerroute = True  # type: ignore[attr-defined]
    Domain.states_for_tracker_history = states_for_tracker_history  # type: ignore[method-assign]
    return True
