"""Throughput, memory and linearity of ``extract_mentions`` (a script, not a test).

Run: ``make bench``. Prints chars/s of extract_mentions on the report text repeated to >= 1 MB, with
cn2an.transform on the same text as the named baseline in the same process, and their ratio; the peak
Python heap of each (tracemalloc) and its ratio; the time and peak memory per char at 1x/10x/100x of a
base size; and the time of the adversarial inputs of tests/test_quantities.py.
"""
from __future__ import annotations

import os
import platform
import time
import tracemalloc
import warnings

import cn2an

from ecoanalysis import config
from ecoanalysis.mentions import extract_mentions

TARGET_CHARS_PER_SECOND = 3_000_000
TARGET_RATIO_OVER_CN2AN = 5.0
BASE_CHARS = 20_000

ADVERSARIAL = {
    "一 x 100k": "一" * 100_000,
    "9 x 100k": "9" * 100_000,
    "超过 x 50k": "超过" * 50_000,
    "mixed": "超过一万亿9,999.9%以上 4到" * 5_000,
    "， x 100k": "，" * 100_000,
    "spaces x 100k": " " * 100_000 + "1",
    "1+space x 50k": "1 " * 50_000,
}


def best_time(function, argument, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function(argument)
        best = min(best, time.perf_counter() - start)
    return best


def peak_bytes(function, argument) -> int:
    """Peak Python heap allocated while ``function(argument)`` runs (tracemalloc), result included."""
    tracemalloc.start()
    try:
        result = function(argument)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    warnings.filterwarnings("ignore", module="cn2an")  # cn2an warns on every bare 百/万 it cannot read
    report_text = config.REPORT_PATH.read_text(encoding="utf-8")
    big = report_text * (1_000_000 // len(report_text) + 1)
    print(f"machine: nproc={os.cpu_count()}, CPU={cpu_model()}, Python {platform.python_version()}")
    print(f"text: report ({len(report_text):,} chars) x {len(big) // len(report_text)} = {len(big):,} chars")

    ours = best_time(extract_mentions, big)
    baseline = best_time(cn2an.transform, big, repeats=1)
    rows = len(extract_mentions(big))
    print(f"extract_mentions: {ours:.3f} s, {len(big) / ours:,.0f} chars/s ({rows:,} mentions)")
    print(f"cn2an.transform:  {baseline:.3f} s, {len(big) / baseline:,.0f} chars/s")
    print(f"ratio (cn2an time / ours): {baseline / ours:.1f}x")
    print(f"target >= {TARGET_CHARS_PER_SECOND:,} chars/s: {'met' if len(big) / ours >= TARGET_CHARS_PER_SECOND else 'NOT met'}; "
          f"target >= {TARGET_RATIO_OVER_CN2AN}x cn2an: {'met' if baseline / ours >= TARGET_RATIO_OVER_CN2AN else 'NOT met'}")

    our_peak = peak_bytes(extract_mentions, big)
    baseline_peak = peak_bytes(cn2an.transform, big)
    print(f"peak memory: extract_mentions {our_peak / 2**20:.1f} MiB, cn2an.transform {baseline_peak / 2**20:.1f} MiB, "
          f"ratio (ours / cn2an) {our_peak / baseline_peak:.2f}; {our_peak / len(big):.1f} bytes per input char")

    print("linearity (time and peak memory per char, relative to 1x):")
    base_text = (report_text * (BASE_CHARS // len(report_text) + 1))[:BASE_CHARS]
    per_char_1x = memory_1x = None
    for factor in (1, 10, 100):
        text = base_text * factor
        seconds = best_time(extract_mentions, text, repeats=3 if factor < 100 else 1)
        memory = peak_bytes(extract_mentions, text) / len(text)
        per_char = seconds / len(text)
        per_char_1x = per_char_1x or per_char
        memory_1x = memory_1x or memory
        print(f"  {factor:>3}x ({len(text):>9,} chars): {seconds:.3f} s, {per_char * 1e9:.0f} ns/char, ratio {per_char / per_char_1x:.2f}; "
              f"{memory:.1f} bytes/char, ratio {memory / memory_1x:.2f}")

    print("adversarial inputs:")
    for name, text in ADVERSARIAL.items():
        seconds = best_time(extract_mentions, text, repeats=1)
        print(f"  {name:<15} ({len(text):>7,} chars): {seconds:.3f} s, {len(text) / seconds:,.0f} chars/s")


if __name__ == "__main__":
    main()
