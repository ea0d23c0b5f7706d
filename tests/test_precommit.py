"""The kbgen-check pre-commit hook, run the way users run it: ``pre-commit try-repo``.

The hook repository is a temporary git copy of this working tree (pyproject.toml, kbgen/,
.pre-commit-hooks.yaml), so the test checks the files as they are now, not the last commit.
pre-commit installs the hook's environment with pip (``language: python``); it is cached in a
temporary PRE_COMMIT_HOME shared by the tests of this module (about 10-20 s the first time).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GIT = ["git", "-c", "user.email=kbgen@example.com", "-c", "user.name=kbgen", "-c", "commit.gpgsign=false",
       "-c", "init.defaultBranch=main"]


def test_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "kbgen-check"]
    assert hook["entry"].split()[:2] == ["kbgen", "check"]
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert "content/" in hook["files"]


def _git(*args, cwd):
    subprocess.run(GIT + list(args), cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    repo = tmp_path_factory.mktemp("hook-repo")
    shutil.copy(ROOT / "pyproject.toml", repo)
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", repo)
    shutil.copytree(ROOT / "kbgen", repo / "kbgen", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    readme = ROOT / "README.md"
    (repo / "README.md").write_text(readme.read_text(encoding="utf-8") if readme.exists() else "kbgen\n",
                                    encoding="utf-8")
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "kbgen", cwd=repo)
    home = tmp_path_factory.mktemp("pre-commit-home")
    return repo, home


def content_repo(tmp_path: Path, breaker=None) -> Path:
    repo = tmp_path / "site-repo"
    repo.mkdir()
    shutil.copytree(ROOT / "content", repo / "content")
    shutil.copy(ROOT / "mkdocs.yml", repo)
    if breaker:
        breaker(repo / "content")
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    return repo


def try_repo(hook_repo, repo: Path):
    hooks, home = hook_repo
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_MKDOCS_2_WARNING="1")
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(["pre-commit", "try-repo", str(hooks), "kbgen-check", "--all-files"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)


def test_hook_passes_on_the_example_content(hook_repo, tmp_path):
    out = try_repo(hook_repo, content_repo(tmp_path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "kbgen check" in out.stdout and "Passed" in out.stdout


def test_hook_fails_on_an_impossible_opening_time(hook_repo, tmp_path):
    def breaker(content: Path):
        store = content / "stores" / "madrid-centro.yaml"
        text = store.read_text(encoding="utf-8")
        assert "  sat: 10:00-14:00\n" in text
        store.write_text(text.replace("  sat: 10:00-14:00\n", "  sat: 10:00-25:00\n"), encoding="utf-8")

    out = try_repo(hook_repo, content_repo(tmp_path, breaker))
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Failed" in out.stdout
    assert "content/stores/madrid-centro.yaml:" in out.stdout and "KB103" in out.stdout
