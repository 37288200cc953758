# Front Door's production image: the plain `pip install .` (no test extras) on Debian's Python.
# Web: the default command. Worker: `frontdoor worker`. See compose.yaml and the README's platform section.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 FRONTDOOR_VAR_DIR=/var/lib/frontdoor
# WeasyPrint (the outcome letter's PDF) draws text with Pango.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /var/lib/frontdoor frontdoor

COPY pyproject.toml README.md /build/
COPY src /build/src
RUN pip install --no-cache-dir /build && rm -rf /build

USER frontdoor
WORKDIR /var/lib/frontdoor
EXPOSE 8000
# `serve` migrates the database first, so an upgrade is: pull the new image, stop the worker, start web, start the worker.
CMD ["frontdoor", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-worker"]
