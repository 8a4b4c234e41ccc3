# newsevents worker image: slim, non-root, with a health check on the worker's /healthz.
# The build stage has a C compiler: the event coder is compiled with mypyc (setup.py, about 1.4x faster).
FROM python:3.11 AS build
WORKDIR /src
COPY pyproject.toml setup.py README.md constraints.txt ./
COPY stream ./stream
# Every install is held to constraints.txt, the package set the tests ran with. The build tools first
# (no build isolation afterwards: an isolated build would fetch unpinned ones); mypyc type-checks the
# coder against its dependencies, so they are installed next, then again with the compiled package
# into /install, the only thing the runtime stage takes: the worker and the rocksdb extra, no dev or
# local extra (no embedded broker).
RUN pip install --no-cache-dir -c /src/constraints.txt mypy==2.4.1 setuptools==84.2.1 \
 && pip install --no-cache-dir -c /src/constraints.txt --no-build-isolation "/src[rocksdb]" \
 && NEWSEVENTS_COMPILE=1 pip install --no-cache-dir -c /src/constraints.txt --no-build-isolation \
      --ignore-installed --prefix=/install "/src[rocksdb]"

FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NEWSEVENTS_WEB_HOST=0.0.0.0 \
    NEWSEVENTS_WEB_PORT=6066 \
    NEWSEVENTS_DATA_DIR=/var/lib/newsevents
COPY --from=build /install /usr/local
RUN useradd --system --uid 10001 --home-dir /var/lib/newsevents --create-home newsevents
USER 10001
WORKDIR /var/lib/newsevents
EXPOSE 6066
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:6066/healthz', timeout=4).status != 200)"]
# Faust stops cleanly on SIGTERM: leaves the group, commits, flushes the producer.
STOPSIGNAL SIGTERM
ENTRYPOINT ["newsevents"]
CMD ["worker"]
