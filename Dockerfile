# MedChat on CPU. For a GPU host see README ("Docker").

# Build stage: llama.cpp's server from the pinned llama-cpp-python sdist (it vendors llama.cpp).
# An image runs on CPUs other than the builder's, so instead of -march=native it builds every
# x86 CPU variant as a loadable backend and picks the best one at start.
FROM python:3.11.7-slim-bookworm AS llama-build
RUN apt-get update && apt-get install -y --no-install-recommends cmake g++ make \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY requirements-llamacpp.txt ./
RUN pip download --no-deps --no-binary :all: --require-hashes -r requirements-llamacpp.txt -d . \
    && tar xzf llama_cpp_python-*.tar.gz \
    && cmake -S llama_cpp_python-*/vendor/llama.cpp -B out -DCMAKE_BUILD_TYPE=Release \
        -DGGML_NATIVE=OFF -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON -DBUILD_SHARED_LIBS=ON \
        -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_UI=OFF \
        -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF \
    && cmake --build out --target llama-server -j"$(nproc)" \
    && cmake --build out -j"$(nproc)" --target \
        $(cmake --build out --target help | grep -o 'ggml-cpu-[a-z0-9_]*' | sort -u) \
    && mkdir -p /opt/llama && cp out/bin/llama-server out/bin/*.so* /opt/llama/

FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 \
    MEDCHAT_HOME=/data \
    MEDCHAT_HOST=0.0.0.0 \
    MEDCHAT_PORT=7860 \
    MEDCHAT_LOG_FORMAT=json \
    MEDCHAT_LLAMA_SERVER=/opt/llama/llama-server \
    LD_LIBRARY_PATH=/opt/llama

RUN apt-get update && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=llama-build /opt/llama /opt/llama
RUN useradd --create-home --uid 10001 medchat \
    && mkdir -p /data /app && chown medchat:medchat /data /app
WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY requirements.txt requirements-models.txt requirements-default-model.txt ./
RUN pip install -r requirements.txt \
    && pip install --no-deps --require-hashes -r requirements-models.txt \
    && pip install --no-deps --require-hashes -r requirements-default-model.txt

COPY --chown=medchat:medchat pyproject.toml README.md app.py ./
COPY --chown=medchat:medchat medchat ./medchat
COPY --chown=medchat:medchat safety ./safety
COPY --chown=medchat:medchat personas ./personas
RUN pip install --no-deps --no-build-isolation -e .

USER medchat
VOLUME ["/data"]
EXPOSE 7860
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
    CMD python -c "import urllib.request,os; urllib.request.urlopen('http://127.0.0.1:%s/' % os.environ.get('MEDCHAT_PORT','7860'), timeout=4)"
CMD ["python", "app.py"]
