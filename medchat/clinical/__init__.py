"""Clinical vocabulary shared by the agents, the dialogue engine, evaluation and batch gates.

The text and clinical checks here (the sentence encoder, what a question asks about, examination
and test names, whether a reply conveys a fact, names the diagnosis or breaks role) are rules,
not agents: the patient uses them to repair a reply, the scorer and the dataset gates to measure
one, so they live below all of them and import nothing of the agents, dialogue, evaluation,
batch, service or doors (checked by `tests/foundation/test_layering.py`).
"""
