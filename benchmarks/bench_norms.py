"""Speed, memory and accuracy of normlab.norm against numpy.linalg.norm and scipy.linalg.norm.

Run from the repository root::

    python benchmarks/bench_norms.py            # 10**7 values, 40 rounds
    python benchmarks/bench_norms.py --check    # exit 1 if a target is missed
    python benchmarks/bench_norms.py --n 1000000 --rounds 5

Every timing is measured in this run, never copied: each round times every
contender once with timeit, in turn (so a noisy neighbour hurts all of them alike),
and the best round counts. BLAS is pinned to one thread with threadpoolctl, so
NumPy's and SciPy's dot/nrm2 get no thread the normlab loop cannot have; every
contender then runs on one thread, and the default clock is this process's CPU
time (``time.process_time``, user + system, so NumPy's page faults count), which
other processes on a shared machine barely move. ``--wall`` times wall-clock. Targets on 10**7
float64 values: normlab/numpy <= 1.1 for ord=2 and <= 0.5 for ord=1 and inf.
Peak extra memory is tracemalloc's peak above the memory in use before the call
(NumPy reports its array buffers to tracemalloc).
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import sys
import time
import timeit
import tracemalloc
import warnings
from fractions import Fraction

import numpy as np
import scipy
import scipy.linalg
from threadpoolctl import threadpool_info, threadpool_limits

import normlab
from normlab.norms import norm

TARGETS = {2: 1.1, 1: 0.5, np.inf: 0.5}  # max normlab/numpy time ratio, float64
ORDS = [2, 1, np.inf, -np.inf]


def best_times(contenders: dict, rounds: int, clock) -> dict:
    """Best-of-`rounds` time of each zero-argument callable (timeit), interleaved by round."""
    timers = {name: timeit.Timer(f, timer=clock) for name, f in contenders.items()}
    for t in timers.values():  # warm-up: imports, first-touch of buffers
        t.timeit(number=1)
    best = dict.fromkeys(contenders, math.inf)
    for _ in range(rounds):
        for name, t in timers.items():
            best[name] = min(best[name], t.timeit(number=1))
    return best


def peak_extra_bytes(f) -> int:
    """Peak memory allocated by f() above what was in use before, via tracemalloc."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        f()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def fmt_bytes(n: int) -> str:
    return f"{n / 2**20:8.2f} MiB" if n >= 2**20 else f"{n / 2**10:8.1f} KiB"


def speed_table(x: np.ndarray, rounds: int, clock) -> dict:
    """Print the speed and memory table for 1-D `x`; return the normlab/numpy ratios."""
    contenders = {"x.sum()": lambda: x.sum()}
    for o in ORDS:
        contenders[("normlab", o)] = lambda o=o: norm(x, o)
        contenders[("numpy", o)] = lambda o=o: np.linalg.norm(x, o)
        contenders[("scipy", o)] = lambda o=o: scipy.linalg.norm(x, o)
    t = best_times(contenders, rounds, clock)
    print(f"\n{x.size:,} {x.dtype} values, best of {rounds} rounds, BLAS pinned to 1 thread")
    print(f"  x.sum() (one-pass reference): {t['x.sum()'] * 1e3:7.2f} ms")
    head = f"  {'ord':>5}  {'normlab':>9}  {'numpy':>9}  {'scipy':>9}  {'nl/numpy':>8}  {'nl/sum':>6}"
    head += f"  {'peak extra: normlab':>20}  {'numpy':>11}  {'scipy':>11}"
    print(head)
    ratios = {}
    for o in ORDS:
        tn, tp, ts = t[("normlab", o)], t[("numpy", o)], t[("scipy", o)]
        ratios[o] = tn / tp
        mem = [peak_extra_bytes(lambda f=f: f(x, o)) for f in (norm, np.linalg.norm, scipy.linalg.norm)]
        print(
            f"  {o!s:>5}  {tn * 1e3:6.2f} ms  {tp * 1e3:6.2f} ms  {ts * 1e3:6.2f} ms  {tn / tp:8.3f}"
            f"  {tn / t['x.sum()']:6.2f}  {fmt_bytes(mem[0]):>20}  {fmt_bytes(mem[1]):>11}  {fmt_bytes(mem[2]):>11}"
        )
    return ratios


# --------------------------------------------------------------------------------------
# Accuracy on hard inputs
# --------------------------------------------------------------------------------------


def _iroot(n: int, k: int) -> int:
    if n < 2:
        return n
    x = 1 << -(-n.bit_length() // k)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


def exact_pnorm(values, p: int) -> float:
    """Correctly rounded p-norm (integer p > 0) of the exact binary values, via Fraction."""
    total = sum((Fraction(abs(float(v))) ** p for v in values), Fraction(0))
    a, b = total.numerator, total.denominator
    j = 64 - (a.bit_length() - b.bit_length()) // p
    if j >= 0:
        return float(Fraction(_iroot(a * 2 ** (p * j) // b, p), 2**j))
    return float(_iroot(a // (b * 2 ** (-p * j)), p) * 2 ** (-j))


def accuracy_table() -> None:
    big = 1e3 * np.ones(10**6)
    cases = [
        ("[1e200, 1e200]", np.array([1e200, 1e200]), None),
        ("[1e-200, 1e-200]", np.array([1e-200, 1e-200]), None),
        ("subnormal [5e-324, 5e-324, 1e-323]", np.array([5e-324, 5e-324, 1e-323]), None),
        ("float16 [300, 400]", np.array([300, 400], np.float16), None),
        ("float32 [3e30, 4e30]", np.array([3e30, 4e30], np.float32), None),
        ("2x2 all 1e200, 'fro'", np.full((2, 2), 1e200), "fro"),
        ("[10, 5], ord=400", np.array([10.0, 5.0]), 400),
        ("1e3*ones(10**6), ord=300", big, 300),
        ("[3e200, 4e200], ord=3", np.array([3e200, 4e200]), 3),
    ]
    print("\nAccuracy on hard inputs (exact: Fraction arithmetic, correctly rounded to the input's dtype;")
    print("'-': not applicable; math.hypot works in float64)")
    print(f"  {'input':<36} {'exact':>24} {'normlab':>24} {'numpy':>24} {'scipy':>24} {'math.hypot':>24}")
    for label, x, o in cases:
        flat = x.ravel()
        if o in (None, "fro", 2):
            exact = exact_pnorm(flat.astype(np.float64), 2)
            hyp = repr(math.hypot(*map(float, flat)))
        elif label.startswith("1e3*ones"):
            exact = 1e3 * 10 ** (6 / 300)  # 1e3 * (10**6) ** (1/300), to double precision
            hyp = "-"
        else:
            exact = exact_pnorm(flat, o)
            hyp = "-"
        exact = float(x.dtype.type(exact))  # the exact norm rounded to the result's dtype
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            got = []
            for f in (norm, np.linalg.norm, scipy.linalg.norm):
                try:
                    got.append(repr(float(f(x, o))))
                except Exception as exc:  # noqa: BLE001 - print what happened
                    got.append(type(exc).__name__)
        print(f"  {label:<36} {exact!r:>24} {got[0]:>24} {got[1]:>24} {got[2]:>24} {hyp:>24}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10**7, help="number of values (default 10**7)")
    parser.add_argument("--rounds", type=int, default=40, help="timing rounds; the best counts (default 40)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a float64 target is missed")
    parser.add_argument(
        "--wall", action="store_true", help="time wall-clock (time.perf_counter) instead of this process's CPU time"
    )
    args = parser.parse_args(argv)
    clock = time.perf_counter if args.wall else time.process_time

    blas = ", ".join(f"{i['internal_api']} {i.get('version')} ({i['num_threads']} threads)" for i in threadpool_info())
    print(f"normlab {normlab.__version__}, NumPy {np.__version__}, SciPy {scipy.__version__}, ", end="")
    print(f"Python {platform.python_version()}")
    print(f"{datetime.date.today()}, {platform.machine()}, {os.cpu_count()} cores; BLAS: {blas}")
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        print(f"  {var}={os.environ.get(var, '(unset)')}")

    rng = np.random.default_rng(0)
    x64 = rng.standard_normal(args.n)
    print(f"Clock: {'wall (time.perf_counter)' if args.wall else 'CPU time of this process (time.process_time)'}")
    with threadpool_limits(limits=1):
        ratios = speed_table(x64, args.rounds, clock)
        speed_table(x64.astype(np.float32), args.rounds, clock)
    accuracy_table()

    print("\nTargets (float64):")
    ok = True
    for o, limit in TARGETS.items():
        met = ratios[o] <= limit
        ok &= met
        print(f"  ord={o!s:>3}: normlab/numpy = {ratios[o]:.3f} (target <= {limit}) {'met' if met else 'MISSED'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
