"""Start `python -m lintnews server` in a subprocess on a free loopback port, for tests.

The server picks its own port (`--port 0`) and says where it listens in its
first log line, so two test runs never race for a port.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class ServerProcess:
    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lintnews", "server", "--port", "0", "--workers", "1", *args],
            cwd=cwd or ROOT, env=env, stdout=subprocess.DEVNULL, stderr=self.log, text=True)
        self.url = self._wait_listening()
        self._wait_healthy()

    def _wait_listening(self, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.log.seek(0)
            first = self.log.readline()
            if first.endswith("\n"):
                return json.loads(first)["url"]
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited: {self.read_log()}")
            time.sleep(0.05)
        raise RuntimeError("the server did not start")

    def _wait_healthy(self, timeout: float = 60) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the server never became healthy: {self.read_log()}")

    def read_log(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> str:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        log = self.read_log()
        self.log.close()
        return log
