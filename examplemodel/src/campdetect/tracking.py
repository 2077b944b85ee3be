"""Optional MLflow tracking: used when the mlflow client is installed and a run or tracking URI is set
(as `mlflow run` does); otherwise every call is a no-op."""

from __future__ import annotations

import contextlib
import os


def _mlflow():
    if not (os.environ.get("MLFLOW_TRACKING_URI") or os.environ.get("MLFLOW_RUN_ID")):
        return None
    try:
        import mlflow
    except ImportError:
        return None
    return mlflow


class Tracker:
    def __init__(self, mlflow) -> None:
        self.mlflow = mlflow

    def params(self, params: dict) -> None:
        if self.mlflow:
            self.mlflow.log_params(params)

    def metric(self, name: str, value: float, step: int) -> None:
        if self.mlflow:
            self.mlflow.log_metric(name, value, step=step)

    def artifact(self, path: str) -> None:
        if self.mlflow:
            self.mlflow.log_artifact(path)


@contextlib.contextmanager
def tracking(enabled: bool = True):
    mlflow = _mlflow() if enabled else None
    if mlflow is None:
        yield Tracker(None)
        return
    with mlflow.start_run():
        yield Tracker(mlflow)
