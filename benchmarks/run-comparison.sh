#!/usr/bin/env bash
# Runs every measurement the performance docs quote, in one go, and keeps the raw results.
#
#   benchmarks/run-comparison.sh                                            # JDK 17: java on PATH
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/run-comparison.sh   # another JDK
#
# Run it on a quiet machine (nothing else running, power saving off). It takes about an hour:
# JMH with 2 forks, 5 warm-up and 5 measured iterations per benchmark, then the PyTorch scripts.
# Results go to benchmarks/results/<date>-jdk<N>/ (git-ignored): one JMH JSON file and log per
# group, the PyTorch tables, and env.txt describing the machine. Never run in CI: its numbers
# would be noise and it takes far longer than a build.
set -euo pipefail

if [[ -n "${CI:-}" ]]; then
  echo "run-comparison.sh measures performance on a quiet machine; it does not run in CI." >&2
  exit 1
fi

cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jdk=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
out="benchmarks/results/$(date +%Y%m%d-%H%M%S)-jdk$jdk"
mkdir -p "$out"

echo "Building benchmarks/target/benchmarks.jar"
mvn -q -B -pl benchmarks -am package -DskipTests

{
  echo "date: $(date -Is)"
  echo "commit: $(git rev-parse HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
  echo "machine: $(uname -srm), $(nproc) cores"
  grep -m1 'model name' /proc/cpuinfo || true
  "$java" -version 2>&1
} > "$out/env.txt"

# Forks, warm-up and measurement for the kernel groups; -foe false keeps going past a failing
# benchmark (the vector forks fail, loudly, on a JVM that cannot run the vector kernels). The
# training steps keep their annotations' longer iterations (5 x 2 s warm-up, 5 x 2 s measured):
# the big network's kernels that run once per step need seconds of warm-up before C2 compiles
# them, and until then the vector kernels allocate.
jmh_options=(-f 2 -wi 5 -w 1s -i 5 -r 1s -foe false)
step_options=(-f 2 -foe false)

jmh() {
  local name=$1 options=$2
  shift 2
  local -n chosen=$options
  echo "JMH: $name"
  "$java" -jar benchmarks/target/benchmarks.jar "$@" "${chosen[@]}" \
    -rf json -rff "$out/$name.json" > "$out/$name.log" 2>&1
  sed -n '/^Benchmark /,$p' "$out/$name.log"
}

jmh activations jmh_options 'ActivationBenchmark' -p size=1024,65536
jmh matrix jmh_options 'MatrixBenchmark'
jmh optimizer jmh_options 'OptimizerBenchmark'
jmh training-step step_options 'TrainingStepBenchmark|HandWrittenStepBenchmark' -prof gc

# One thread for PyTorch and for OpenBLAS, if it is the BLAS PyTorch finds.
export OPENBLAS_NUM_THREADS=1
if /usr/bin/python3 -c 'import torch' 2> /dev/null; then
  for script in activations matmul train_step; do
    echo "PyTorch: $script.py"
    /usr/bin/python3 "benchmarks/pytorch/$script.py" | tee "$out/pytorch-$script.txt"
  done
  echo "PyTorch: train_full.py (wall time includes Python's start)"
  { time /usr/bin/python3 benchmarks/pytorch/train_full.py; } 2>&1 | tee "$out/pytorch-train_full.txt"
else
  echo "PyTorch not found for /usr/bin/python3 (apt-get install python3-torch); skipped" \
    | tee "$out/pytorch-skipped.txt"
fi

# The demo's compare over the six activations of the first release against one PyTorch training
# run of the same network, both timed as whole processes, JVM and Python start included.
if command -v hyperfine > /dev/null && /usr/bin/python3 -c 'import torch' 2> /dev/null; then
  echo "Demo: compare (6 activations x 5 seeds x 1000 epochs) against train_full.py"
  mvn -q -B -pl examples -am package -DskipTests
  six=relu,leaky_relu,prelu,sigmoid,tanh,elu
  hyperfine -w 1 -r 5 --export-json "$out/demo.json" \
    "$java --add-modules jdk.incubator.vector -jar examples/target/rectifier-demo.jar compare --activations $six --out $out/demo" \
    "$java -jar examples/target/rectifier-demo.jar compare --activations $six --out $out/demo-scalar" \
    "/usr/bin/python3 benchmarks/pytorch/train_full.py" | tee "$out/demo.txt"
fi

echo "Results in $out"
