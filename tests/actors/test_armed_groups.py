"""Armed groups and movements of conflict news, on sentences written for these tests:
domestic armed groups act for their country, transnational jihadist organisations and
their branches for their own code (annotation guidelines §3)."""

import pytest

import communique

pytestmark = pytest.mark.slow


def parties(text: str) -> dict[str, str | None]:
    doc = communique.process(text, date="2025-06-01").to_dict()
    return {a["name"]: a["party"] for a in doc["actors"]}


@pytest.mark.parametrize("text, name, party", [
    ("The Pakistani Taliban claimed the raid on a police station.", "Tehrik-i-Taliban Pakistan", "PAK"),
    ("The Baloch Liberation Army claimed the attack on the train.", "Baloch Liberation Army", "PAK"),
    ("ISWAP claimed the attack on the army base.", "Islamic State West Africa Province", "IS"),
    ("ISIS-K claimed the bombing at the airport.", "Islamic State Khorasan Province", "IS"),
    ("JNIM claimed the ambush near the border.", "Jama'at Nusrat al-Islam wal-Muslimin", "AQ"),
    ("AQAP claimed the attack.", "al-Qaeda in the Arabian Peninsula", "AQ"),
    ("The Tamil Tigers attacked an army camp.", "Liberation Tigers of Tamil Eelam", "LKA"),
    ("The Moro Islamic Liberation Front signed the accord.", "Moro Islamic Liberation Front", "PHL"),
    ("The Arakan Army seized the town.", "Arakan Army", "MMR"),
    ("The ELN attacked an oil pipeline.", "National Liberation Army (Colombia)", "COL"),
])
def test_armed_groups_act_for_their_code(nlp, text, name, party):
    assert parties(text).get(name) == party

