#!/usr/bin/env python3
"""External analyzers: the cost of the protocol, and the Python example over the report corpus.

  scripts/bench-external.py [CORPUS_DIR] [ROUNDS]

1. The driver's own overhead per document: `analyze --plugins stats` against `--plugins stats,null`,
   where `analyze-null` is a C program (compiled here with cc into a temporary folder) that reads each
   request line and answers {"result":{}} without parsing it, and at the end writes its own CPU time
   to a file. The driver's CPU time (user + system, from wait4, less the null program's own) beyond
   the plain run, per document, is what the protocol costs `analyze`: writing the text as JSON,
   sending it, reading and checking the answer. The wall-clock difference per document is printed
   too (it adds the program's own time and the switches between the two processes). Alternating
   rounds pinned to one core (this VM's timings swing); medians.
2. examples/analyze-sentences (Python, standard library only) over the corpus with --jobs 1 and 2.
Release build; needs cc and python3.
"""
import os, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "eval", "corpus", "reports")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
subprocess.run(["swift", "build", "-c", "release", "--product", "analyze"], cwd=root, check=True, stdout=subprocess.DEVNULL)
binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                                     capture_output=True, text=True).stdout.strip(), "analyze")
files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
megabytes = sum(os.path.getsize(f) for f in files) / 1e6

NULL_C = r'''
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
int main(void) {
    static char buffer[1 << 16];
    static char input[1 << 20];
    int at_start = 1, describe = 0;
    setvbuf(stdin, input, _IOFBF, sizeof input);
    /* Answer each line once its newline arrives; the first line is the describe request. */
    while (fgets(buffer, sizeof buffer, stdin)) {
        if (at_start) describe = strstr(buffer, "\"describe\"") != NULL;
        at_start = strchr(buffer, '\n') != NULL;
        if (!at_start) continue;
        if (describe) fputs("{\"protocol\":1,\"id\":\"null\",\"summary\":\"answers nothing\"}\n", stdout);
        else fputs("{\"result\":{}}\n", stdout);
        fflush(stdout);
    }
    const char *report = getenv("NULL_RUSAGE");
    if (report) {
        struct rusage usage;
        getrusage(RUSAGE_SELF, &usage);
        FILE *out = fopen(report, "w");
        fprintf(out, "%f\n", usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);
        fclose(out);
    }
    return 0;
}
'''

def timed(arguments, core="0", environment=None):
    """Wall seconds and the process's CPU seconds (its reaped children included)."""
    start = time.perf_counter()
    process = subprocess.Popen(["taskset", "-c", core, binary] + arguments, stdout=subprocess.DEVNULL, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    assert status == 0, f"analyze exited with {status}"
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime

with tempfile.TemporaryDirectory() as folder:
    source = os.path.join(folder, "null.c")
    with open(source, "w") as out:
        out.write(NULL_C)
    subprocess.run(["cc", "-O2", "-o", os.path.join(folder, "analyze-null"), source], check=True)
    base = ["--format", "jsonl", "--jobs", "1"] + files
    wall, cpu = [], []
    report = os.path.join(folder, "null-cpu")
    environment = dict(os.environ, NULL_RUSAGE=report)
    for round in range(rounds):
        plain_wall, plain_cpu = timed(["--plugins", "stats"] + base)
        null_wall, null_cpu = timed(["--plugin-dir", folder, "--plugins", "stats,null"] + base, environment=environment)
        with open(report) as f:
            program = float(f.read())
        wall.append((null_wall - plain_wall) / len(files) * 1000)
        cpu.append((null_cpu - program - plain_cpu) / len(files) * 1000)
        print(f"round {round + 1}: stats {plain_wall:.3f} s, stats + null {null_wall:.3f} s (the null program's own CPU {program:.3f} s):"
              f" driver CPU {cpu[-1]:.3f} ms, wall {wall[-1]:.3f} ms per document")
    print(f"protocol overhead per document (one core, {len(files)} documents, {megabytes:.1f} MB, {megabytes / len(files) * 1000:.0f} KB each):"
          f" driver CPU median {statistics.median(cpu):.3f} ms (rounds {min(cpu):.3f}–{max(cpu):.3f}),"
          f" wall median {statistics.median(wall):.3f} ms (rounds {min(wall):.3f}–{max(wall):.3f})")

examples = os.path.join(root, "examples")
for jobs in ["1", "2"]:
    seconds = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([binary, "--plugin-dir", examples, "--plugins", "sentences", "--format", "jsonl", "--jobs", jobs] + files,
                       check=True, stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    best = min(seconds)
    print(f"examples/analyze-sentences (Python) --jobs {jobs}: best of 3 {best:.2f} s, {megabytes / best:.1f} MB/s, {len(files) / best:.0f} documents/s")
