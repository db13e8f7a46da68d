"""spaCy components of the NLP stage, registered by name on import."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("communique_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A paragraph break always starts a sentence: a headline without a final stop is not
    run into the first sentence of the body. Runs before the parser, which keeps these
    boundaries and finds the others."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
