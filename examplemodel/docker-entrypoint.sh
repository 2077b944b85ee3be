#!/bin/sh
# `docker run IMAGE train ...` / `docker run IMAGE predict ...` run the model's CLI;
# anything else (`docker run IMAGE python ...`, `gdalinfo ...`, MLflow's docker backend) runs as given.
set -e
case "${1:-}" in
  train | predict | -h | --help | "") exec python -m campdetect "$@" ;;
  *) exec "$@" ;;
esac
