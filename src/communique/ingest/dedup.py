"""Exact and near-duplicate detection.

Exact duplicates share the SHA-256 of their normalised text and are skipped. Near
duplicates (the same wire story lightly edited) are kept but flagged with the id of the
first article seen, using MinHash signatures over word 5-grams in an LSH index
(datasketch), so that the check stays fast over many articles.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")


class NearDuplicates:
    """An index of articles seen so far; `check` returns the id of a near duplicate."""

    def __init__(self, threshold: float = 0.85, num_perm: int = 64, shingle: int = 5) -> None:
        self.num_perm = num_perm
        self.shingle = shingle
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)

    def _signature(self, text: str) -> MinHash | None:
        words = _WORD.findall(text.lower())
        if len(words) < self.shingle * 4:
            return None  # too short for a meaningful near-duplicate test
        grams = {" ".join(words[i : i + self.shingle]).encode("utf-8")
                 for i in range(len(words) - self.shingle + 1)}
        signature = MinHash(num_perm=self.num_perm)
        signature.update_batch(list(grams))
        return signature

    def check(self, article_id: str, text: str) -> str | None:
        """Add the article; return the id of an earlier near duplicate, if any."""
        signature = self._signature(text)
        if signature is None:
            return None
        matches = self._lsh.query(signature)
        if article_id not in matches:
            self._lsh.insert(article_id, signature)
        others = sorted(m for m in matches if m != article_id)
        return others[0] if others else None
