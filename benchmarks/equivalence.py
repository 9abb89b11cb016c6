"""Equivalence harness: optimisations must not change a single finding.

    python benchmarks/equivalence.py --save     # record the baseline (before a change)
    python benchmarks/equivalence.py            # compare against it (after a change)

It runs `lintnews check --format json` over the shared seeds and devsets,
`examples/`, and a set of generated texts written at run time (every rule
example and test fixture as plain text, Markdown and HTML, plus mixtures with
damage spliced into clean paragraphs), with the default style and two house
styles. The reports are normalised (paths made relative) and compared byte
for byte with the baseline, which lives outside the repository
(default `/tmp/lintnews-equivalence.json`, `--baseline` to change it).
Exit status 1 and a short diff when anything differs.
"""
from __future__ import annotations

import argparse
import difflib
import html
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path("/work/shared")
FOLDERS = [SHARED / "seeds", SHARED / "devset" / "clean", SHARED / "devset" / "mt", ROOT / "examples"]
STYLES = [None, "ap", "bbc"]


def owned_texts() -> list[str]:
    """Rule examples and docs, test fixture texts and the example article."""
    from lintnews.engine.lint import build_rules

    texts = []
    for rule in build_rules().sorted_rules():
        texts.append(rule.doc)
        texts.extend(example.text for example in rule.examples)
    for folder in (ROOT / "examples", ROOT / "tests"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".txt", ".md", ".html"):
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def as_markdown(paragraphs: list[str], rng: random.Random) -> str:
    out = ["# A headline about Kyiv", ""]
    for p in paragraphs:
        kind = rng.random()
        if kind < 0.1:
            out.append("## " + p.split("\n")[0][:80])
        elif kind < 0.2:
            out.append("> " + p.replace("\n", "\n> "))
        elif kind < 0.3:
            out.append("- " + p.replace("\n", " ") + "\n- *second* item with `code` and [a link](https://example.com/a)")
        elif kind < 0.35:
            out.append("```\n" + p + "\n```")
        else:
            out.append(p)
        out.append("")
    return "\n".join(out)


def as_html(paragraphs: list[str], rng: random.Random) -> str:
    body = []
    for p in paragraphs:
        tag = rng.choice(["p", "p", "p", "blockquote", "li", "h2"])
        body.append(f"<{tag}>{html.escape(p, quote=False)}</{tag}>")
    return "<html><head><title>T</title><style>p{}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"


def generate(folder: Path) -> None:
    """Write the generated texts (deterministic: fixed seed)."""
    rng = random.Random(11)
    texts = owned_texts()
    clean = []
    for path in sorted((SHARED / "devset" / "clean").glob("*.txt")):
        clean.extend(p for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(texts):
        paragraphs = [p for p in text.split("\n\n") if p.strip()] or [text]
        (folder / f"t{n:04}.txt").write_text(text, encoding="utf-8")
        if n % 3 == 0:
            (folder / f"t{n:04}.md").write_text(as_markdown(paragraphs, rng), encoding="utf-8")
        if n % 3 == 1:
            (folder / f"t{n:04}.html").write_text(as_html(paragraphs, rng), encoding="utf-8")
    # mixtures: clean paragraphs with damaged ones spliced in, repeated text, long lines
    damaged = [t for t in texts if len(t) < 2000]
    for n in range(60):
        parts = rng.sample(clean, min(len(clean), 12)) + rng.sample(damaged, 4)
        if n % 5 == 0:
            parts += parts[:3]  # duplicated paragraphs
        rng.shuffle(parts)
        sep = "\n\n" if n % 2 else "\n"
        name = f"mix{n:03}." + ["txt", "md", "html"][n % 3]
        text = sep.join(parts) + "\n"
        if name.endswith(".html"):
            text = as_html(parts, rng)
        elif name.endswith(".md"):
            text = as_markdown(parts, rng)
        (folder / name).write_text(text, encoding="utf-8")
    line = "Officials in Kyiv said on Tuesday that the talks would resume next week, as planned.\n"
    (folder / "repeat5.txt").write_text(line * 5 + line.replace("Kyiv", "kyiv") * 3, encoding="utf-8")
    (folder / "longline.txt").write_text(" ".join(clean[:200]) + " kyiv\n", encoding="utf-8")


def report(folder: Path, style: str | None) -> list:
    cmd = [sys.executable, "-m", "lintnews", "check", "--format", "json", "--no-cache", "-q", "--jobs", "2",
           "--exit-zero"]
    if style:
        cmd += ["--style", style]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(cmd + [str(folder)], capture_output=True, text=True, env=env, check=True).stdout
    files = json.loads(out)["files"]
    for f in files:
        f["path"] = os.path.relpath(f["path"], folder)
    return sorted(files, key=lambda f: f["path"])


def collect() -> dict:
    with tempfile.TemporaryDirectory(prefix="lintnews-eq-") as tmp:
        generated = Path(tmp) / "generated"
        generate(generated)
        result = {}
        for folder in [*FOLDERS, generated]:
            for style in STYLES:
                result[f"{folder.name}:{style or 'default'}"] = report(folder, style)
        return result


def _without(result: dict, fields: list[str]) -> dict:
    for files in result.values():
        for f in files:
            for finding in f["findings"]:
                for name in fields:
                    finding.pop(name, None)
    return result


def _per_rule(result: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for files in result.values():
        for f in files:
            for finding in f["findings"]:
                counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", action="store_true", help="record the baseline instead of comparing")
    parser.add_argument("--baseline", type=Path, default=Path("/tmp/lintnews-equivalence.json"))
    parser.add_argument("--ignore", action="append", default=[], metavar="FIELD",
                        help="leave out this field of every finding on both sides (a field one side has "
                             "not, such as a new one); may be repeated")
    args = parser.parse_args(argv)
    result = _without(collect(), args.ignore)
    count = sum(len(f["findings"]) for files in result.values() for f in files)
    nfiles = sum(len(files) for files in result.values())
    if args.save:
        args.baseline.write_text(json.dumps(result, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"saved {count} findings over {nfiles} file reports to {args.baseline}")
        return 0
    old = _without(json.loads(args.baseline.read_text()), args.ignore)
    if old == result:
        print(f"identical: {count} findings over {nfiles} file reports")
        return 0
    differing = 0
    for key in sorted(set(old) | set(result)):
        a = {f["path"]: f for f in old.get(key, [])}
        b = {f["path"]: f for f in result.get(key, [])}
        for path in sorted(set(a) | set(b)):
            if a.get(path) != b.get(path):
                differing += 1
                if differing <= 8:
                    left = json.dumps(a.get(path), indent=1, ensure_ascii=False, sort_keys=True).splitlines()
                    right = json.dumps(b.get(path), indent=1, ensure_ascii=False, sort_keys=True).splitlines()
                    print(f"--- {key} {path}")
                    print("\n".join(list(difflib.unified_diff(left, right, lineterm="", n=1))[2:60]))
    print(f"DIFFERENT: {differing} file reports differ ({count} findings now)")
    print("findings per rule, before → after (rules that changed):")
    before, after = _per_rule(old), _per_rule(result)
    for rule in sorted(set(before) | set(after)):
        if before.get(rule, 0) != after.get(rule, 0):
            print(f"  {rule}: {before.get(rule, 0)} → {after.get(rule, 0)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
