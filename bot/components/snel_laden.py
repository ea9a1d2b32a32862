"""DIET and TED that load in seconds instead of minutes (issue #2: a second `make run` is up in
under a minute).

Rasa 3.6 builds a loaded TensorFlow model by training it for one step on one example
(`RasaModel.load`: `model.fit`) before it reads the trained weights. That step first traces the
whole training graph (loss, gradients, optimizer) as a `tf.function`: on 2 cores 60-150 s for
our DIET and about 30 s for TED, at every start. It is only there to create the variables, and
the weights read next overwrite them. Here the variables are created by one eager forward pass
of the same loss (no tracing, no optimizer step), then the trained weights are read and the
prediction graph is traced once, as before. Training, weights and predictions are those of the
stock classes (tests/rasa/test_snel_laden.py loads the trained model both ways and compares
intents, confidences, entities and dialogue predictions); only `load` differs. Fine-tuning
(`rasa train --finetune`) keeps Rasa's own load, which restores the optimizer state too.

The fast load leans on Rasa 3.6's internals (`batch_loss`, `_training`, `run_inference`): on
another Rasa version (`GETEST_OP`, shared with bot/rasa_snel.py) the models load Rasa's own way
and a warning says so, so an upgrade costs start-up time, never a wrong model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import rasa
import tensorflow as tf
from rasa.core.policies.ted_policy import TED, TEDPolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.utils.tensorflow.constants import LEARNING_RATE
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from bot.rasa_snel import GETEST_OP

log = logging.getLogger(__name__)


def actief() -> bool:
    """Whether the fast load applies: this Rasa is the one it was written for (`GETEST_OP`)."""
    return rasa.__version__.startswith(GETEST_OP)


def laad_zonder_trainingsgraaf(
    cls: type[RasaModel],
    model_file_name: str,
    model_data_example: RasaModelData,
    predict_data_example: RasaModelData | None = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    """`RasaModel.load`, creating the variables with one eager forward pass instead of a traced training step."""
    if finetune_mode:
        rasa_eigen: Callable[..., RasaModel] = RasaModel.load.__func__  # type: ignore[attr-defined]  # (the classmethod's function: mypy knows it bound)
        return rasa_eigen(cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs)
    model = cls(*args, **kwargs)
    config = kwargs.get("config", {})
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=config.get("run_eagerly"))
    batch, _ = RasaBatchDataGenerator(model_data_example, batch_size=1)[0]
    model._training = True  # the training loss builds every layer (label encoders too)
    model.batch_loss(batch)
    model._training = False
    model.load_weights(model_file_name)
    if predict_data_example:
        model.run_inference(predict_data_example)  # traces the prediction graph now, not at the first message
    return model


def _rasa_eigen_load(cls: type[RasaModel]) -> bool:
    """True (after a warning) when `cls` must load Rasa's own way: another Rasa version."""
    if actief():
        return False
    log.warning(
        "%s: fast load written for Rasa %s, found %s: loading Rasa's own way (slower start, same model)",
        cls.__name__,
        GETEST_OP,
        rasa.__version__,
    )
    return True


class SnelDIET(DIET):
    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> RasaModel:
        if _rasa_eigen_load(cls):
            return super().load(*args, **kwargs)
        return laad_zonder_trainingsgraaf(cls, *args, **kwargs)


class SnelTED(TED):
    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> RasaModel:
        if _rasa_eigen_load(cls):
            return super().load(*args, **kwargs)
        return laad_zonder_trainingsgraaf(cls, *args, **kwargs)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True
)
class SnelDIETClassifier(DIETClassifier):
    """DIETClassifier (same training, weights and predictions) that loads without tracing its training graph."""

    @staticmethod
    def model_class() -> type[RasaModel]:
        return SnelDIET


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True)
class SnelTEDPolicy(TEDPolicy):
    """TEDPolicy (same training, weights and predictions) that loads without tracing its training graph."""

    @staticmethod
    def model_class() -> type[TED]:
        return SnelTED
