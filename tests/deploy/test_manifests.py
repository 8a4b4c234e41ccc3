"""Dockerfile, docker-compose file and Kubernetes manifests pass their linters and schema validators."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


def test_dockerfile_passes_hadolint() -> None:
    result = _run(str(BIN / "hadolint"), "Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr
    text = (ROOT / "Dockerfile").read_text()
    assert "USER 10001" in text and "HEALTHCHECK" in text and "/healthz" in text


def test_hadolint_does_catch_a_bad_dockerfile(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python\nRUN pip install faust-streaming\nRUN cd /tmp && ls\n")
    assert _run(str(BIN / "hadolint"), str(bad)).returncode != 0


def test_compose_file_is_valid() -> None:
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose missing: `make test` installs Debian's docker-compose"
    result = _run(compose, "-f", "deploy/docker-compose.yml", "config", "-q")
    assert result.returncode == 0, result.stderr
    config = _run(compose, "-f", "deploy/docker-compose.yml", "config").stdout
    for needle in (
        "apache/kafka",
        "KAFKA_PROCESS_ROLES: broker,controller",
        "replicas: 2",
        "grafana",
        "prometheus",
    ):
        assert needle in config, needle


def test_kubernetes_manifests_are_valid() -> None:
    manifests = sorted(str(p) for p in (ROOT / "deploy" / "k8s").glob("*.yaml"))
    assert len(manifests) >= 4
    result = _run(str(BIN / "kubernetes-validate"), "--strict", "-k", "1.30.0", *manifests)
    assert result.returncode == 0, result.stdout + result.stderr
    deployment = (ROOT / "deploy" / "k8s" / "deployment.yaml").read_text()
    for needle in ("path: /healthz", "path: /readyz", "terminationGracePeriodSeconds: 60", "resources:"):
        assert needle in deployment, needle


@pytest.mark.parametrize("broken", ["replicas: three", "livenessProbe: {httpGet: {path: /healthz}}"])
def test_kubernetes_validation_can_fail(tmp_path: Path, broken: str) -> None:
    text = (ROOT / "deploy" / "k8s" / "deployment.yaml").read_text()
    if broken.startswith("replicas"):
        text = text.replace("replicas: 3", broken)
    else:
        text = text.replace("          livenessProbe:\n            httpGet: {path: /healthz, port: http}",
                            "          livenessProbe:\n            httpGet: {path: /healthz}")  # fmt: skip
    bad = tmp_path / "deployment.yaml"
    bad.write_text(text)
    assert _run(str(BIN / "kubernetes-validate"), "--strict", "-k", "1.30.0", str(bad)).returncode != 0
