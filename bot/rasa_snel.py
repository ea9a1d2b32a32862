"""A speed-up for Rasa 3.6 that keeps its behaviour, installed by `python -m bot.worker`.

Rasa checks every action server response against a JSON schema with `jsonschema.validate`, which
re-validates the schema itself against the meta-schema and builds a new validator on every call.
With two or three custom actions per message (the intake's slot mapping and validation) that was
the largest single cost of a message in our profile (about a quarter of Rasa's CPU time, see
deploy/BENCHMARK.md). Here the schema is checked once and one validator is reused; valid
responses pass exactly as before, an invalid one raises the same `ValidationError` (best match,
same message).
"""

from __future__ import annotations

from typing import Any

import jsonschema
from jsonschema.exceptions import best_match

GETEST_OP = "3.6."


def snellere_actievalidatie() -> bool:
    """Replace `RemoteAction._validate_action_result`; False (and nothing changed) on another Rasa."""
    import rasa
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    if not rasa.__version__.startswith(GETEST_OP) or not hasattr(RemoteAction, "_validate_action_result"):
        return False
    schema = RemoteAction.action_response_format_spec()
    klasse = jsonschema.validators.validator_for(schema)
    klasse.check_schema(schema)
    validator = klasse(schema)

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        if validator.is_valid(result):
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
