"""The pre-commit hooks, run by the real pre-commit framework on a temporary content repository.

The content repository's `.pre-commit-config.yaml` is the README's, pointing
at this project by path, and the README's next step, `pre-commit autoupdate`,
pins `rev` to a commit: HEAD itself when the work tree is clean, otherwise a
snapshot commit of the work tree made in a temporary repository (never in the
project's own repository), so the hooks under test are the files on disk.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytest.importorskip("pre_commit")
if shutil.which("git") is None:  # pragma: no cover
    pytest.skip("git is not installed", allow_module_level=True)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "lintnews test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "lintnews test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args, cwd: Path, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=check, timeout=120)


def hook_repo(tmp_path: Path, env: dict) -> tuple[Path, str]:
    """The repository and commit pre-commit should install the hooks from."""
    inside = git("rev-parse", "--is-inside-work-tree", cwd=ROOT, env=env, check=False)
    if inside.returncode == 0 and inside.stdout.strip() == "true":
        dirty = git("status", "--porcelain", "--untracked-files=normal", cwd=ROOT, env=env).stdout
        if not dirty.strip():
            return ROOT, git("rev-parse", "HEAD", cwd=ROOT, env=env).stdout.strip()
        names = git("ls-files", "-z", "--cached", "--others", "--exclude-standard",
                    cwd=ROOT, env=env).stdout.split("\0")
    else:
        names = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*")
                 if p.is_file() and not any(part.startswith(".") and part != ".pre-commit-hooks.yaml"
                                            for part in p.relative_to(ROOT).parts)]
    snapshot = tmp_path / "hooks-snapshot"
    snapshot.mkdir()
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git("init", "-q", cwd=snapshot, env=env)
    git("add", "-A", cwd=snapshot, env=env)
    git("commit", "-q", "-m", "snapshot of the lintnews work tree", cwd=snapshot, env=env)
    return snapshot, git("rev-parse", "HEAD", cwd=snapshot, env=env).stdout.strip()


def readme_precommit_config() -> str:
    """The `.pre-commit-config.yaml` block of the README's pre-commit section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## pre-commit\n"):]
    block = re.search(r"```yaml\n# \.pre-commit-config\.yaml\n(.*?)```", section, re.S)
    return block.group(1)


def test_the_readmes_rev_is_a_tag_or_a_commit_of_this_repository():
    rev = re.search(r"^\s*rev:\s*(\S+)", readme_precommit_config(), re.M).group(1)
    env = {**os.environ, **GIT_ENV}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if git("rev-parse", "--is-inside-work-tree", cwd=ROOT, env=env, check=False).returncode != 0:
        pytest.skip("not a git clone: the commit cannot be looked up")
    if rev in git("tag", cwd=ROOT, env=env).stdout.split():
        return
    assert re.fullmatch(r"[0-9a-f]{40}", rev), rev  # a full commit id, which YAML reads as a string
    assert git("cat-file", "-e", f"{rev}^{{commit}}", cwd=ROOT, env=env, check=False).returncode == 0, rev
    hooks = git("show", f"{rev}:.pre-commit-hooks.yaml", cwd=ROOT, env=env).stdout
    assert "id: lintnews\n" in hooks and "id: lintnews-fix\n" in hooks
    assert "pre-commit autoupdate" in readme


@pytest.mark.slow
def test_precommit_hooks_block_a_damaged_article_and_fix_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_ENV, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    repo, rev = hook_repo(tmp_path, env)

    content = tmp_path / "newsroom"
    content.mkdir()
    git("init", "-q", cwd=content, env=env)
    # the README's configuration, as written, with this repository's address in it ...
    config = readme_precommit_config()
    assert "https://github.com/OWNER/lintnews" in config
    (content / ".pre-commit-config.yaml").write_text(
        config.replace("https://github.com/OWNER/lintnews", str(repo)), encoding="utf-8")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    # ... and its next step: `pre-commit autoupdate` pins the newest commit (no tag yet) or tag
    updated = subprocess.run([*pre_commit, "autoupdate"], cwd=content, env=env, capture_output=True,
                             text=True, timeout=300)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    pinned = re.search(r"^\s*rev:\s*(\S+)", (content / ".pre-commit-config.yaml").read_text(), re.M).group(1)
    tags = git("tag", cwd=repo, env=env).stdout.split()
    assert pinned == rev or pinned in tags, (pinned, rev, tags)
    (content / "notes.py").write_text("kyiv = 1\n")  # not news text: the hooks must skip it
    (content / "article.md").write_text("# Talks\n\nOfficials in kyiv said Kiev was calm.\n")
    (content / "page.html").write_text("<p>The mayor of kyiv spoke.</p>\n")
    (content / "clean.txt").write_text("All calm in Kyiv.\n")
    subprocess.run([*pre_commit, "install"], cwd=content, env=env, check=True, capture_output=True, timeout=120)
    git("add", "-A", cwd=content, env=env)

    blocked = git("commit", "-m", "add the article", cwd=content, env=env, check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "article.md:3:14: error: LN201 [capitalization] “kyiv” is a proper noun: write “Kyiv”." in output
    assert "article.md:3:24: warning: LN202" in output
    assert "page.html:1:17: error: LN201" in output
    assert "notes.py" not in output
    assert git("rev-list", "--all", cwd=content, env=env).stdout == ""  # nothing was committed

    fixed = subprocess.run([*pre_commit, "run", "lintnews-fix", "--hook-stage", "manual", "--all-files"],
                           cwd=content, env=env, capture_output=True, text=True, timeout=600)
    assert fixed.returncode == 1, fixed.stdout  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in fixed.stdout
    assert (content / "article.md").read_text() == "# Talks\n\nOfficials in Kyiv said Kyiv was calm.\n"
    assert (content / "page.html").read_text() == "<p>The mayor of Kyiv spoke.</p>\n"
    assert (content / "notes.py").read_text() == "kyiv = 1\n"

    git("add", "-A", cwd=content, env=env)
    passed = git("commit", "-m", "add the article", cwd=content, env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "lintnews (news text)" in passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
