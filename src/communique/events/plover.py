"""PLOVER's own reading of an event's type.

communique keeps what is done apart from how it is said to happen: "Portugal will send
troops" is MOBILIZE, intended; "Japan refused to lift the tariffs" is CONCEDE, negated. The
PLOVER codebook codes intentions, offers, threats and refusals as events of their own:

- a promised, offered or conditional act of cooperation is AGREE ("will send aid", "would
  lift sanctions if ...");
- a promised or conditional act of force, coercion or punishment is THREATEN ("will
  impose tariffs", "would strike if ..."), and so is a conditional protest ("would
  boycott the talks unless ...", CAMEO 133);
- a refused or withheld act of cooperation is REJECT ("refused to meet", "has not
  committed to providing assistance").

`plover_type` gives that reading. It is the `plover_type` of each event in the document
JSON, the `Event Type` of the POLECAT export, and what the PLOVER gold records (coded in
these conventions) are scored on; `type` keeps the action.
"""

from __future__ import annotations

#: quad classes 1-2 (verbal and material cooperation) except AGREE itself
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
#: material conflict that can be threatened (a protest is announced, not threatened)
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
#: acts that are a threat only under a condition ("would boycott the talks unless ...",
#: "threatened to strike": CAMEO 133); a planned protest is an announcement
THREATENED_IF_CONDITIONAL = frozenset({"PROTEST"})
PROMISED = frozenset({"intended", "conditional"})


def plover_type(kind: str, modality: str, polarity: str) -> str:
    """The PLOVER type of an event of type `kind` with this modality and polarity."""
    if polarity == "negated":
        return "REJECT" if kind in COOPERATIVE else kind
    if modality in PROMISED:
        if kind in COOPERATIVE:
            return "AGREE"
        if kind in FORCEFUL or (kind in THREATENED_IF_CONDITIONAL and modality == "conditional"):
            return "THREATEN"
    return kind
