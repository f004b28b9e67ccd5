"""Find or build the llama-server binary.

There is no llama.cpp binary on the package registry, but the llama-cpp-python sdist (pinned by
hash in requirements-llamacpp.txt) vendors llama.cpp's source with `tools/server`. We build only
the server from it with Debian's cmake and g++, once, into a cache keyed by the llama.cpp version
and this CPU's instruction set: the build uses `-march=native`, which is fastest here but may not
run on another CPU, so a machine with different flags builds its own copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from medchat.config import Settings
from medchat.errors import ConfigError, ModelError
from medchat.log import get_logger
from medchat.models.cpu import cpu_key

log = get_logger("models.llamacpp.build")

SOURCE_PACKAGE = "llama-cpp-python"
SOURCE_VERSION = "0.3.36"
REQUIREMENTS = Path(__file__).resolve().parents[3] / "requirements-llamacpp.txt"

_CMAKE_FLAGS = (
    "-DCMAKE_BUILD_TYPE=Release",
    "-DBUILD_SHARED_LIBS=OFF",
    "-DGGML_NATIVE=ON",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
    "-DLLAMA_BUILD_UI=OFF",
    "-DLLAMA_USE_PREBUILT_UI=OFF",  # it would download the web UI: no hub is reachable
    "-DLLAMA_OPENSSL=OFF",
    # No AMX kernels, whatever -march=native offers (GCC lets an explicit -mno- win over the
    # -march default in any order). The vendored llama.cpp's AMX path segfaults in
    # ggml_backend_amx_mul_mat on the first batch with Q4_K_M weights on an Intel Xeon with
    # amx_int8 (seen here on 2026-12-06 with the default model and the test model; upstream
    # ggml-org/llama.cpp#20824, closed without a fix). The AVX-512 and repacked kernels run.
    "-DCMAKE_C_FLAGS=-mno-amx-tile -mno-amx-int8 -mno-amx-bf16",
    "-DCMAKE_CXX_FLAGS=-mno-amx-tile -mno-amx-int8 -mno-amx-bf16",
)
_FLAGS_KEY = hashlib.sha256("\n".join(_CMAKE_FLAGS).encode()).hexdigest()[:8]
"""Part of the cache key: a change of build flags builds a new server instead of reusing one."""


def cached_server_path(settings: Settings) -> Path:
    """Where the build for this llama.cpp version, this CPU and these build flags lives."""
    name = f"llama-server-{SOURCE_VERSION}-{cpu_key()}-{_FLAGS_KEY}"
    return settings.cache_dir / name / "llama-server"


def find_server(settings: Settings) -> Path:
    """The llama-server to run: `MEDCHAT_LLAMA_SERVER`, else the cached build."""
    if settings.llama_server is not None:
        path = settings.llama_server.expanduser()
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise ConfigError(
                f"MEDCHAT_LLAMA_SERVER={path} is not an executable file. Point it at a "
                "llama-server binary, or unset it to use the one `make setup` builds."
            )
        return path
    path = cached_server_path(settings)
    if not path.is_file():
        raise ModelError(
            f"The llama.cpp server is not built for this CPU ({cpu_key()}). Build it once with "
            "`make setup` or `python -m medchat models build-llamacpp` (about 10 minutes on two "
            "cores), set MEDCHAT_LLAMA_SERVER to an existing llama-server, or use the "
            "transformers backend with MEDCHAT_BACKEND=local."
        )
    return path


def build_server(settings: Settings, jobs: int | None = None, source: Path | None = None) -> Path:
    """Build llama-server into the cache (a no-op when it is there) and return its path.

    `source` is an already downloaded sdist; by default pip fetches the pinned, hash-checked one.
    """
    target = cached_server_path(settings)
    if target.is_file():
        return target
    for tool in ("cmake", "g++"):
        if shutil.which(tool) is None:
            raise ModelError(f"Building llama.cpp needs {tool}: apt-get install cmake g++")
    target.parent.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="llama-build-", dir=target.parent.parent) as tmp:
        work = Path(tmp)
        sdist = source or _download_sdist(work)
        tree = _extract(sdist, work / "src") / "vendor" / "llama.cpp"
        build = work / "build"
        log.info("llamacpp_build_start", version=SOURCE_VERSION, cpu=cpu_key())
        _run(["cmake", "-S", str(tree), "-B", str(build), *_CMAKE_FLAGS])
        jobs_arg = str(jobs or os.cpu_count() or 2)
        _run(["cmake", "--build", str(build), "--target", "llama-server", "-j", jobs_arg])
        staged = target.parent.with_name(target.parent.name + ".partial")
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir()
        shutil.copy2(build / "bin" / "llama-server", staged / "llama-server")
        shutil.rmtree(target.parent, ignore_errors=True)  # a folder left without its binary
        staged.replace(target.parent)  # atomic: an interrupted build leaves no half binary
    log.info("llamacpp_build_done", path=str(target))
    return target


def _download_sdist(work: Path) -> Path:
    """Fetch the pinned sdist with pip, checking its hash."""
    pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:"]
    _run([*pip, "--require-hashes", "-r", str(REQUIREMENTS), "-d", str(work)])
    found = sorted(work.glob("llama_cpp_python-*.tar.gz"))
    if not found:
        raise ModelError("pip did not download the llama-cpp-python sdist.")
    return found[0]


def _extract(sdist: Path, dest: Path) -> Path:
    with tarfile.open(sdist) as archive:
        archive.extractall(dest, filter="data")
    roots = [p for p in dest.iterdir() if p.is_dir()]
    if len(roots) != 1:
        raise ModelError(f"Unexpected layout in {sdist.name}: {[p.name for p in roots]}")
    return roots[0]


def _run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-25:])
        raise ModelError(f"Building llama.cpp failed at: {' '.join(cmd[:4])} ...\n{tail}")
