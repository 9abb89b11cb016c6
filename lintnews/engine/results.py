"""What a run produces for each file, and the summary every reporter ends with."""
from __future__ import annotations

from collections import Counter

from dataclasses import dataclass, field
from lintnews.engine.findingset import FindingSet


@dataclass
class FileResult:
    """The findings of one file, or the reason it could not be linted."""

    path: str
    findings: FindingSet = field(default_factory=FindingSet.empty)
    error: str | None = None
    #: The decoded text, kept only while reporters that show source lines need it.
    text: str | None = None
    #: With --fix or --diff: findings fixed, the diff (--diff) and the fixed
    #: standard input, encoded as it came (written to stdout).
    fixed: int = 0
    diff: str | None = None
    fixed_output: bytes | None = None
    #: Not text at all (binary): `error` says so, but the run does not fail for it.
    skipped: bool = False

    def worst(self):
        """The most serious severity among the findings (None: no findings)."""
        return max((entry[3] for entry, _n in self.findings.counts()), default=None)

    def write_json(self, write, dumps, head: dict | None = None) -> None:
        """Write `dumps(self.to_dict())` (with `head`'s fields first and in
        place of the path, if given) piece by piece: a file with millions of
        findings is never one list of dicts. The same bytes as one `dumps`
        with json's default separators."""
        fields = head if head is not None else {"path": self.path}
        fields = {**fields, "error": self.error}
        write("{" + ", ".join(f"{dumps(k)}: {dumps(v)}" for k, v in fields.items()) + ', "findings": [')
        batch: list[str] = []
        first = True
        for text in self.findings.json_texts(dumps):  # no Finding objects
            batch.append(text)
            if len(batch) == 1000:
                write(("" if first else ", ") + ", ".join(batch))
                batch.clear()
                first = False
        if batch:
            write(("" if first else ", ") + ", ".join(batch))
        write("]}")

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class Summary:
    files: int = 0
    errors: int = 0
    skipped: int = 0
    by_category: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)

    @property
    def findings(self) -> int:
        return sum(self.by_category.values())

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.skipped:
            self.skipped += 1
        elif result.error:
            self.errors += 1
        for (rule, name, category, severity, *_rest), n in result.findings.counts():  # totals, no Findings
            self.by_category[category] += n
            self.by_severity[str(severity)] += n
            self.by_rule[(rule, name)] += n

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "findings": self.findings,
            "errors": self.errors,
            "skipped": self.skipped,
            "by_category": dict(sorted(self.by_category.items())),
            "by_severity": dict(sorted(self.by_severity.items())),
        }
