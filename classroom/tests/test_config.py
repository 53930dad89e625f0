"""The one-server hub and the Kubernetes values say the same; links and class lists are checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

from classroom import accounts, links
from classroom.harness import CONFIG, HERE, ROOT


@pytest.fixture(scope="module")
def hub_config():
    return PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()


def test_kubernetes_values_match_the_one_server_hub(hub_config):
    values = yaml.safe_load((HERE / "kubernetes" / "config.yaml").read_text())
    user = values["singleuser"]
    assert user["memory"]["limit"] == hub_config.Spawner.mem_limit == "1G"
    assert float(user["cpu"]["limit"]) == hub_config.Spawner.cpu_limit == 1.0
    assert user["defaultUrl"] == hub_config.Spawner.default_url == "/lab"
    assert values["cull"]["enabled"] and values["cull"]["timeout"] == 3600
    assert "--timeout=3600" in hub_config.JupyterHub.services[0]["command"]
    assert user["storage"]["type"] == "dynamic"  # a persistent home per student
    authenticator = values["hub"]["config"]["JupyterHub"]["authenticator_class"]
    assert authenticator == "generic-oauth" and "dummy" not in (HERE / "kubernetes" / "config.yaml").read_text()


def test_the_hub_config_runs_servers_from_its_own_environment(hub_config):
    assert hub_config.Spawner.cmd == [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
    assert hub_config.JupyterHub.spawner_class.__name__ == "CourseSpawner"
    assert hub_config.PAMAuthenticator.open_sessions is False


def test_chapter_link_is_nbgitpullers():
    link = links.chapter_link("https://hub.example.edu/", "https://github.com/my-school/loss-course", "02")
    assert link == (
        "https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fmy-school%2Floss-course"
        "&urlpath=lab%2Ftree%2Floss-course%2Fnotebooks%2F02_sse_mse.ipynb&branch=main"
    )
    classic = links.chapter_link("https://hub.example.edu", "https://example.org/c.git", "00", app="notebook")
    assert "urlpath=notebooks%2Fc.git%2Fnotebooks%2F00_start_here.ipynb" in classic


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"hub": "hub.example.edu"}, "hub must be the hub's address"),
        ({"chapter": "2"}, "chapter must be a two-digit chapter number"),
        ({"chapter": "42"}, r"chapter '42' names no single notebook; the course has chapters \['00'"),
        ({"app": "voila"}, "app must be 'lab' or 'notebook'"),
        ({"branch": "--upload-pack=x"}, "branch must be a git branch name"),
        ({"repo": "loss-course"}, "repo must be a git URL"),
    ],
)
def test_bad_link_arguments_are_named(kwargs, message):
    args = {"hub": "https://hub.example.edu", "repo": "https://github.com/s/loss-course", "chapter": "02", **kwargs}
    with pytest.raises(ValueError, match=message):
        links.chapter_link(**args)


def test_link_command_needs_nothing_installed():
    out = subprocess.run([sys.executable, "-I", str(HERE / "manage.py"), "link", "--hub", "https://h.example",
                          "--repo", "https://g.example/x/loss-course", "--chapter", "05"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout  # fmt: skip
    assert out.strip().endswith("urlpath=lab%2Ftree%2Floss-course%2Fnotebooks%2F05_gradient_descent.ipynb&branch=main")


def test_class_list_is_read_and_checked(tmp_path):
    good = tmp_path / "class.csv"
    good.write_text("# name,password\nana01,correct-horse\n\nben02, battery-staple  # comment\n")
    assert accounts.read_class_list(good) == [("ana01", "correct-horse"), ("ben02", "battery-staple")]
    bad = tmp_path / "bad.csv"
    for text, message in [
        ("Ana,long-enough-pw\n", r"bad.csv:1: name must be a Unix account name .* got 'Ana'"),
        ("ana,short\n", "bad.csv:1: password for ana must have at least 8 characters"),
        ("ana long-enough\n", "bad.csv:1: expected 'name,password'"),
    ]:
        bad.write_text(text)
        with pytest.raises(ValueError, match=message):
            accounts.read_class_list(bad)


def test_sizing_tables_agree_and_are_filled():
    guide = (ROOT / "docs" / "TEACHER_GUIDE.md").read_text(encoding="utf-8")
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Classroom") :]
    assert "classroom/README.md" in section and "SIZING_" not in section and "BASIS" not in readme

    def rows(text: str) -> list[list[str]]:
        cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()]
        return [c for c in cells if c[0][:1].isdigit() and c[0].endswith(" students")]

    assert [r[0] for r in rows(section)] == ["10 students", "30 students", "100 students"]
    assert rows(section) == rows(readme)
