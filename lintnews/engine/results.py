"""What a run produces for each file, and the summary every reporter ends with."""
from __future__ import annotations

from collections import Counter

from dataclasses import dataclass, field
from lintnews.finding import Finding


@dataclass
class FileResult:
    """The findings of one file, or the reason it could not be linted."""

    path: str
    findings: list[Finding] = field(default_factory=list)
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
        counts = getattr(self.findings, "counts", None)
        severities = ([entry[3] for entry, _n in counts()] if counts is not None
                      else [f.severity for f in self.findings])
        return max(severities, default=None)

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
        json_texts = getattr(self.findings, "json_texts", None)  # a FindingSet: no Finding objects
        texts = json_texts(dumps) if json_texts is not None else (dumps(f.to_dict()) for f in self.findings)
        for text in texts:
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
        counts = getattr(result.findings, "counts", None)
        if counts is not None:  # a FindingSet: totals without building each Finding
            for (rule, name, category, severity, _message, _fixes), n in counts():
                self.by_category[category] += n
                self.by_severity[str(severity)] += n
                self.by_rule[(rule, name)] += n
            return
        for f in result.findings:
            self.by_category[f.category] += 1
            self.by_severity[str(f.severity)] += 1
            self.by_rule[(f.rule, f.name)] += 1

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "findings": self.findings,
            "errors": self.errors,
            "skipped": self.skipped,
            "by_category": dict(sorted(self.by_category.items())),
            "by_severity": dict(sorted(self.by_severity.items())),
        }
