"""Run a module as `python -m` does, then record this process's own peak memory.

    python benchmarks/worker_memory.py OUT_FILE -m lintnews check ...

When the module exits, writes the process's peak resident set in KiB to
OUT_FILE: `VmHWM` from /proc/self/status, the high-water mark of this
process's own memory image, which starts afresh at `exec`. The `ru_maxrss`
a parent gets from `wait4` is not that: Linux carries the larger of the old
and the new image across `exec`, so a child started from a big benchmark
process reports the parent's size. Where /proc is missing, this process's
own `getrusage(RUSAGE_SELF)` is the fallback (it has the same flaw).
`benchmarks/run.py` uses it for every memory figure it reports.
"""
import runpy
import sys


def peak_kib() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform == "darwin" else float(peak)


def main() -> None:
    out, flag, module, *args = sys.argv[1:]
    if flag != "-m":
        raise SystemExit("usage: worker_memory.py OUT_FILE -m MODULE [ARGS...]")
    sys.argv = [module, *args]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    finally:
        with open(out, "w", encoding="ascii") as f:
            f.write(f"{peak_kib()}\n")


if __name__ == "__main__":
    main()
