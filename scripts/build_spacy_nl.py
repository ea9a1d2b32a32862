"""Build Leerroute's Dutch spaCy pipeline without downloads: spacy.blank("nl") plus the lookup
lemmatizer whose tables come from the spacy-lookups-data package. Runs in the Rasa env.

    python scripts/build_spacy_nl.py models/spacy_nl
"""

import sys
from pathlib import Path

import spacy


def main(uit: Path) -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    voorbeeld = [t.lemma_ for t in nlp("opleidingen verpleegkundigen werkt")]
    assert voorbeeld[0] == "opleiding", voorbeeld
    nlp.to_disk(uit)
    print(f"spaCy nl pipeline written to {uit} (lemmas: {voorbeeld})")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
