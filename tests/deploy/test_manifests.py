"""Dockerfile, docker-compose file and Kubernetes manifests pass their linters and schema validators, and
agree with each other: one image name, no placeholder secret applied, a PodMonitor for the alerts' job."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.paths import DEPLOY, ROOT

BIN = Path(sys.executable).parent
K8S = DEPLOY / "k8s"


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def _applied_by_kubectl_apply_f_dir(directory: Path) -> list[Path]:
    """What `kubectl apply -f <directory>` reads: the directory's own .json/.yaml/.yml files (no -R)."""
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in {".json", ".yaml", ".yml"})


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


def _compose_config() -> dict[str, Any]:
    # Compose v1: Debian 12 packages no Compose v2 (`docker compose` needs the plugin), and v1 reads the
    # same compose-spec file without a container engine.
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose missing: `make test` installs Debian's docker-compose"
    result = _run(compose, "-f", "deploy/docker-compose.yml", "config")
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)  # type: ignore[no-any-return]


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


def test_compose_kafka_advertises_a_listener_to_containers_and_one_to_the_host() -> None:
    services = _compose_config()["services"]
    kafka = services["kafka"]["environment"]
    advertised = dict(item.split("://") for item in kafka["KAFKA_ADVERTISED_LISTENERS"].split(","))
    assert advertised == {"INTERNAL": "kafka:9092", "HOST": "localhost:29092"}
    listeners = dict(item.split("://") for item in kafka["KAFKA_LISTENERS"].split(","))
    assert listeners["INTERNAL"] == ":9092" and listeners["HOST"] == ":29092"
    assert kafka["KAFKA_INTER_BROKER_LISTENER_NAME"] == "INTERNAL"
    protocols = dict(item.split(":") for item in kafka["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    assert set(listeners) <= set(protocols)
    # The host reaches the port the HOST listener advertises (on loopback only, as it advertises
    # localhost); the workers use the internal name.
    assert services["kafka"]["ports"] == ["127.0.0.1:29092:29092/tcp"]
    assert services["worker"]["environment"]["NEWSEVENTS_BOOTSTRAP_SERVERS"] == "kafka:9092"


def test_kubectl_apply_of_the_manifest_directory_applies_no_secret() -> None:
    applied = _applied_by_kubectl_apply_f_dir(K8S)
    kinds = {p.name: _yaml(p)["kind"] for p in applied}
    assert "Secret" not in kinds.values(), kinds
    assert sorted(kinds.values()) == ["ConfigMap", "Deployment", "PodDisruptionBudget", "Service"]
    # The example stays, outside what is applied, under the name the Deployment reads.
    example = _yaml(K8S / "examples" / "secret.example.yaml")
    deployment = (K8S / "deployment.yaml").read_text()
    assert example["kind"] == "Secret"
    assert f"name: {example['metadata']['name']}" in deployment
    assert set(example["stringData"]) == {"NEWSEVENTS_SASL_USERNAME", "NEWSEVENTS_SASL_PASSWORD", "ca.crt"}


def test_podmonitor_scrapes_the_worker_pods_under_the_alerts_job_name() -> None:
    monitor = _yaml(K8S / "monitoring" / "podmonitor.yaml")
    assert (monitor["apiVersion"], monitor["kind"]) == ("monitoring.coreos.com/v1", "PodMonitor")
    spec = monitor["spec"]
    assert set(spec) <= {
        "jobLabel",
        "selector",
        "podMetricsEndpoints",
        "namespaceSelector",
        "podTargetLabels",
    }
    pod = _yaml(K8S / "deployment.yaml")["spec"]["template"]
    assert spec["selector"] == {"matchLabels": pod["metadata"]["labels"]}
    ports = {port["name"] for c in pod["spec"]["containers"] for port in c["ports"]}
    (endpoint,) = spec["podMetricsEndpoints"]
    assert endpoint["port"] in ports and endpoint["path"] == "/metrics"
    assert re.fullmatch(r"([0-9]+(ms|s|m|h))+", endpoint["interval"])
    # The job label comes from the pods' label of that name: the alerts and the dashboard select on it.
    job = pod["metadata"]["labels"][spec["jobLabel"]]
    scrape = _yaml(DEPLOY / "prometheus" / "prometheus.yml")["scrape_configs"]
    assert [c["job_name"] for c in scrape] == [job] == ["newsevents"]
    assert 'job="newsevents"' in (DEPLOY / "prometheus" / "alerts.yml").read_text()


def test_every_deploy_path_the_files_mention_exists() -> None:
    texts = [p for p in DEPLOY.rglob("*") if p.is_file() and p.suffix in {".yml", ".yaml", ".py", ".md"}]
    texts += [ROOT / "docs" / "runbook.md", ROOT / "README.md", ROOT / "Makefile", ROOT / "Dockerfile"]
    for path in texts:
        for mentioned in re.findall(
            r"\bdeploy/(?:k8s|prometheus|grafana|docker-compose)[\w./-]*\w", path.read_text()
        ):
            assert (ROOT / mentioned).exists(), f"{path.relative_to(ROOT)} names {mentioned}"


def test_manifests_run_the_image_the_documented_build_makes() -> None:
    image = _yaml(K8S / "deployment.yaml")["spec"]["template"]["spec"]["containers"][0]["image"]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert image == f"ghcr.io/newsevents/newsevents:{version}"
    assert _compose_config()["services"]["worker"]["image"] == image
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    built = {tag for doc in docs for tag in re.findall(r"docker build (?:[^\n]*?)-t (\S+)", doc.read_text())}
    assert built == {image}, f"docs build {built}, the manifests run {image}"


def test_kubernetes_manifests_are_valid() -> None:
    manifests = [str(p) for p in _applied_by_kubectl_apply_f_dir(K8S)]
    manifests += sorted(str(p) for p in (K8S / "examples").glob("*.yaml"))
    assert len(manifests) >= 5
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
