"""DIET and TED that load in seconds instead of minutes (issue #2: a second `make run` is up in
under a minute).

Rasa 3.6 builds a loaded TensorFlow model by training it for one step on one example
(`RasaModel.load`: `model.fit`) before it reads the trained weights. That step first traces the
whole training graph (loss, gradients, optimizer) as a `tf.function`: on 2 cores 60-150 s for
our DIET and about 30 s for TED, at every start. It is only there to create the variables, and
the weights read next overwrite them. Here the variables are created by one eager forward pass
of the same loss (no tracing, no optimizer step), then the trained weights are read and the
prediction graph is traced once, as before. Training, weights and predictions are those of the
stock classes (checked: same intents, confidences, entities and dialogue predictions); only
`load` differs. Fine-tuning (`rasa train --finetune`) keeps Rasa's own load, which restores the
optimizer state too.
"""

from __future__ import annotations

from typing import Any

import tensorflow as tf
from rasa.core.policies.ted_policy import TED, TEDPolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.utils.tensorflow.constants import LEARNING_RATE
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel


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
        return RasaModel.load.__func__(
            cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs
        )  # type: ignore[attr-defined]
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


class SnelDIET(DIET):
    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> RasaModel:  # type: ignore[override]
        return laad_zonder_trainingsgraaf(cls, *args, **kwargs)


class SnelTED(TED):
    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> RasaModel:  # type: ignore[override]
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
